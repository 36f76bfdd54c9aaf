package org.mcpcatalogue.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Reads {@code catalogue/attacks/*.md}: YAML front matter between {@code ---} lines, then Markdown. Every
 * fenced block marked {@code yaml policy} is checked by the embedded engine as Intercept would load it; an
 * invalid example stops the build with its file and line.
 */
public final class AttackLoader {

    private static final Set<String> SEVERITIES = Set.of("Low", "Medium", "High", "Critical");
    private static final List<String> FIELDS = List.of("id", "title", "summary", "categories", "flags", "severity", "sources");

    private final Markdown markdown;

    public AttackLoader(Markdown markdown) {
        this.markdown = markdown;
    }

    /** The attacks, sorted by id, and every problem found. */
    public record Result(List<Attack> attacks, List<Diagnostic> diagnostics) {
    }

    public Result load(Path dir, String display) {
        Diagnostics d = new Diagnostics();
        List<Attack> attacks = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Result(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : files) {
            String file = display + "/" + p.getFileName();
            try {
                read(p, file, d).ifPresent(attacks::add);
            } catch (IOException e) {
                d.error(Location.ofFile(file), "cannot read: " + e.getMessage());
            }
        }
        return new Result(attacks, d.sorted());
    }

    private java.util.Optional<Attack> read(Path p, String file, Diagnostics d) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (!text.startsWith("---\n")) {
            d.error(new Location(file, 1, 1), "an attack page starts with YAML front matter between --- lines");
            return java.util.Optional.empty();
        }
        int end = text.indexOf("\n---\n", 4);
        if (end < 0) {
            d.error(new Location(file, 1, 1), "the front matter has no closing --- line");
            return java.util.Optional.empty();
        }
        String front = text.substring(4, end + 1);
        String body = text.substring(end + 5);
        int bodyLine = (int) front.lines().count() + 3;
        // Parse the front matter with its real line numbers: pad with the opening line.
        SafeYaml.Result fm = new SafeYaml().read(file, "\n" + front);
        d.addAll(fm.diagnostics());
        if (fm.root().isEmpty() || !(fm.root().get() instanceof YamlNode.Mapping m)) {
            if (!fm.hasErrors()) {
                d.error(new Location(file, 2, 1), "the front matter must be a mapping");
            }
            return java.util.Optional.empty();
        }
        String expectedId = p.getFileName().toString().replaceFirst("\\.md$", "");
        for (YamlNode.Entry e : m.entries()) {
            if (!FIELDS.contains(e.key())) {
                d.error(loc(file, e.keyPosition()), "unknown field \"" + e.key() + "\" (allowed: " + String.join(", ", FIELDS) + ")");
            }
        }
        String id = string(m, "id", file, d);
        String title = string(m, "title", file, d);
        String summary = string(m, "summary", file, d);
        String severity = string(m, "severity", file, d);
        if (id != null && !id.equals(expectedId)) {
            d.error(loc(file, m.get("id").orElseThrow().position()), "id \"" + id + "\" must equal the file name \"" + expectedId + "\"");
        }
        if (severity != null && !SEVERITIES.contains(severity)) {
            d.error(loc(file, m.get("severity").orElseThrow().position()), "severity must be Low, Medium, High or Critical");
        }
        List<Category> categories = new ArrayList<>();
        for (String c : strings(m, "categories", file, d)) {
            Category.fromLabel(c).ifPresentOrElse(categories::add, () ->
                    d.error(loc(file, m.get("categories").orElseThrow().position()), "unknown category \"" + c + "\""));
        }
        List<String> flags = m.get("flags").isPresent() ? strings(m, "flags", file, d) : List.of();
        List<Attack.Source> sources = new ArrayList<>();
        if (m.get("sources").orElse(null) instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                Json j = item.toJson();
                if (j instanceof Json.Obj o && o.get("title").orElse(null) instanceof Json.Str t
                        && o.get("url").orElse(null) instanceof Json.Str u && isHttp(u.value())) {
                    sources.add(new Attack.Source(t.value(), u.value()));
                } else {
                    d.error(loc(file, item.position()), "each source needs a title and an http(s) url");
                }
            }
        } else {
            d.error(loc(file, m.position()), "missing sources (a list of {title, url})");
        }
        Node doc = markdown.parse(body);
        List<String> policies = new ArrayList<>();
        List<FencedCodeBlock> blocks = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getInfo().strip().equals("yaml policy")) {
                    blocks.add(block);
                }
            }
        });
        for (FencedCodeBlock block : blocks) {
            int line = bodyLine + lineOf(body, block.getLiteral());
            CheckReport report = new PolicyCheck().check(file, block.getLiteral().getBytes(StandardCharsets.UTF_8));
            if (!report.valid()) {
                for (String l : report.lines()) {
                    d.error(new Location(file, line, 1), "the policy example starting here is not valid Intercept v1: " + l);
                }
            }
            policies.add(block.getLiteral());
            block.setInfo("yaml");
        }
        if (policies.isEmpty()) {
            d.error(new Location(file, bodyLine, 1), "an attack page needs at least one ```yaml policy example");
        }
        if (id == null || title == null || summary == null || severity == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Attack(id, title, summary, categories, flags, severity, sources,
                markdown.render(doc), policies));
    }

    private static int lineOf(String body, String literal) {
        int at = body.indexOf(literal);
        return at < 0 ? 0 : (int) body.substring(0, at).chars().filter(c -> c == '\n').count();
    }

    private static boolean isHttp(String url) {
        try {
            String s = URI.create(url).getScheme();
            return "https".equals(s) || "http".equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Location loc(String file, YamlNode.Position p) {
        return new Location(file, p.line(), p.column());
    }

    private static String string(YamlNode.Mapping m, String key, String file, Diagnostics d) {
        YamlNode n = m.get(key).orElse(null);
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Json.Str str && !str.value().isBlank()) {
            return str.value();
        }
        d.error(loc(file, n == null ? m.position() : n.position()), (n == null ? "missing " : "") + "\"" + key + "\" must be a non-empty string");
        return null;
    }

    private static List<String> strings(YamlNode.Mapping m, String key, String file, Diagnostics d) {
        YamlNode n = m.get(key).orElse(null);
        List<String> out = new ArrayList<>();
        if (n instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() instanceof Json.Str str) {
                    out.add(str.value());
                } else {
                    d.error(loc(file, item.position()), "items of \"" + key + "\" must be strings");
                }
            }
        } else {
            d.error(loc(file, n == null ? m.position() : n.position()), "\"" + key + "\" must be a list");
        }
        return out;
    }
}
