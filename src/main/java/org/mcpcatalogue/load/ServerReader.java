package org.mcpcatalogue.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Annotations;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Curation;
import org.mcpcatalogue.model.Hint;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.model.Package;
import org.mcpcatalogue.model.Remote;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.ToolChange;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.model.Transport;
import org.mcpcatalogue.text.HiddenText;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Turns the YAML tree of one server file into a {@link Server}: field names, types, required fields, URLs and
 * dates. Rules about values that need the whole server or catalogue (slugs, duplicates, hidden characters in
 * names, schema shape) belong to the validator.
 */
final class ServerReader {

    /** The fields of a server, in documented order. */
    static final List<String> SERVER_FIELDS = List.of("slug", "name", "publisher", "repository", "homepage",
            "description", "tags", "license", "transport", "verified", "source", "packages", "remotes", "tools", "history");
    /** The fields of a tool: the MCP Tool shape (spec 2025-11-25) and the catalogue's classification. */
    static final List<String> TOOL_FIELDS = List.of("name", "title", "description", "inputSchema", "outputSchema",
            "annotations", "icons", "execution", "_meta", "classification", "fingerprint");
    static final List<String> ANNOTATION_FIELDS = List.of("title", "readOnlyHint", "destructiveHint",
            "idempotentHint", "openWorldHint");
    static final List<String> CLASSIFICATION_FIELDS = List.of("category", "risk_level", "risk_score", "rationale");
    static final List<String> PACKAGE_FIELDS = List.of("registry", "name", "version", "transport", "environmentVariables");
    static final List<String> ENVIRONMENT_FIELDS = List.of("name", "description", "isRequired", "isSecret");
    static final List<String> REMOTE_FIELDS = List.of("url", "transport");
    static final List<String> HISTORY_FIELDS = List.of("date", "tool", "from", "to", "changed", "summary");
    private static final java.util.regex.Pattern FINGERPRINT = java.util.regex.Pattern.compile("^sha256:[0-9a-f]{64}$");

    private static final URI PLACEHOLDER = URI.create("https://invalid.invalid/");

    private final SourceMap positions;
    private final Diagnostics diagnostics;
    private final String fileSlug;

    ServerReader(String file, String fileSlug, Diagnostics diagnostics) {
        this.positions = new SourceMap(file);
        this.diagnostics = diagnostics;
        this.fileSlug = fileSlug;
    }

    /**
     * @param literalBlocks where literal block scalars' contents start ({@link org.mcpcatalogue.yaml.SafeYaml.Result#literalBlocks()});
     *                      the description's is recorded under {@code /description@content}, so that a problem
     *                      inside its Markdown can be placed on its own line
     */
    Optional<LoadedServer> read(Optional<YamlNode> root, Map<YamlNode.Position, YamlNode.Position> literalBlocks) {
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(new Location(positions.file(), root.get().position().line(), root.get().position().column()),
                    "a server file must be a mapping of server fields, found " + root.get().describe());
            return Optional.empty();
        }
        Fields f = new Fields(mapping, "server", "", SERVER_FIELDS, positions, diagnostics);
        String slug = f.string("slug", true).orElse(fileSlug);
        String name = f.string("name", true).orElse(slug);
        String publisher = f.string("publisher", true).orElse("");
        URI repository = url(f, "repository", true, true).orElse(PLACEHOLDER);
        Optional<URI> homepage = url(f, "homepage", false, false);
        String description = f.string("description", true).orElse("");
        f.node("description").map(n -> literalBlocks.get(n.position())).ifPresent(p ->
                positions.put("/description@content", new Location(positions.file(), p.line(), p.column())));
        List<String> tags = f.strings("tags");
        Optional<String> license = f.string("license", false);
        Optional<Transport> transport = f.choice("transport", labels(Transport.values()), false)
                .flatMap(Transport::fromLabel);
        LocalDate verified = date(f, "verified").orElse(LocalDate.EPOCH);
        String source = f.string("source", true).orElse("");
        List<Package> packages = new ArrayList<>();
        f.sequence("packages", false).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                pkg(seq.items().get(i), "/packages/" + i).ifPresent(packages::add);
            }
        });
        List<Remote> remotes = new ArrayList<>();
        f.sequence("remotes", false).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                remote(seq.items().get(i), "/remotes/" + i).ifPresent(remotes::add);
            }
        });
        List<ToolChange> history = new ArrayList<>();
        f.sequence("history", false).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                change(seq.items().get(i), "/history/" + i).ifPresent(history::add);
            }
        });
        List<Tool> tools = new ArrayList<>();
        f.sequence("tools", true).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                tool(seq.items().get(i), "/tools/" + i).ifPresent(tools::add);
            }
        });
        Server server = new Server(slug, name, publisher, repository, homepage, description, tags, license,
                transport, verified, source, packages, remotes, tools, history, new Location(positions.file(), 1, 1));
        return Optional.of(new LoadedServer(positions.file(), fileSlug, server, positions));
    }

    private Optional<Tool> tool(YamlNode node, String pointer) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(location(node), "each tool must be a mapping of tool fields, found " + node.describe());
            return Optional.empty();
        }
        Fields f = new Fields(mapping, "tool", pointer, TOOL_FIELDS, positions, diagnostics);
        String name = f.string("name", true).orElse("");
        Optional<String> title = f.string("title", false);
        String description = f.string("description", false).orElse("");
        Json.Obj inputSchema = schema(f, "inputSchema", true).orElse(new Json.Obj(Map.of("type", new Json.Str("object"))));
        Optional<Json.Obj> outputSchema = schema(f, "outputSchema", false);
        f.sequence("icons", false);
        f.mapping("execution", false);
        f.mapping("_meta", false);
        Annotations annotations = f.mapping("annotations", false)
                .map(m -> annotations(m, pointer + "/annotations"))
                .orElse(Annotations.NONE);
        Optional<Curation> curation = f.mapping("classification", false)
                .flatMap(m -> curation(m, pointer + "/classification"));
        Optional<String> fingerprint = f.string("fingerprint", false);
        return Optional.of(new Tool(name, Tool.slugOf(name), title, description, inputSchema, outputSchema,
                annotations, curation, HiddenText.scan(description), fingerprint, location(mapping)));
    }

    private Optional<Package> pkg(YamlNode node, String pointer) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(location(node), "each package must be a mapping of package fields, found " + node.describe());
            return Optional.empty();
        }
        Fields f = new Fields(mapping, "package", pointer, PACKAGE_FIELDS, positions, diagnostics);
        Optional<String> registry = f.choice("registry", Package.REGISTRIES, true);
        Optional<String> name = f.string("name", true);
        Optional<String> version = f.string("version", false);
        Optional<Transport> transport = f.choice("transport", labels(Transport.values()), false).flatMap(Transport::fromLabel);
        List<Package.EnvironmentVariable> env = new ArrayList<>();
        f.sequence("environmentVariables", false).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                if (!(item instanceof YamlNode.Mapping m)) {
                    diagnostics.error(location(item), "each environment variable must be a mapping, found " + item.describe());
                    continue;
                }
                Fields e = new Fields(m, "environment variable", pointer + "/environmentVariables/" + i, ENVIRONMENT_FIELDS,
                        positions, diagnostics);
                Optional<String> varName = e.string("name", true);
                Optional<String> description = e.string("description", false);
                Optional<Boolean> required = e.bool("isRequired");
                Optional<Boolean> secret = e.bool("isSecret");
                varName.ifPresent(n -> env.add(new Package.EnvironmentVariable(n, description, required, secret)));
            }
        });
        if (registry.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Package(registry.get(), name.get(), version, transport, env));
    }

    private Optional<Remote> remote(YamlNode node, String pointer) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(location(node), "each remote must be a mapping of remote fields, found " + node.describe());
            return Optional.empty();
        }
        Fields f = new Fields(mapping, "remote", pointer, REMOTE_FIELDS, positions, diagnostics);
        Optional<URI> url = url(f, "url", true, false);
        Optional<Transport> transport = f.choice("transport", List.of(Transport.STREAMABLE_HTTP.label(), Transport.SSE.label()), true)
                .flatMap(Transport::fromLabel);
        if (url.isEmpty() || transport.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Remote(url.get(), transport.get()));
    }

    private Optional<ToolChange> change(YamlNode node, String pointer) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(location(node), "each history entry must be a mapping of history fields, found " + node.describe());
            return Optional.empty();
        }
        Fields f = new Fields(mapping, "history entry", pointer, HISTORY_FIELDS, positions, diagnostics);
        Optional<LocalDate> date = date(f, "date");
        Optional<String> tool = f.string("tool", true);
        Optional<String> from = fingerprint(f, "from");
        Optional<String> to = fingerprint(f, "to");
        List<String> changed = f.strings("changed");
        for (int i = 0; i < changed.size(); i++) {
            if (!ToolChange.PARTS.contains(changed.get(i))) {
                String hint = Suggest.closest(changed.get(i), ToolChange.PARTS).map(x -> "; did you mean \"" + x + "\"?").orElse("");
                diagnostics.error(positions.at(f.pointer("changed") + "/" + i), "\"changed\" lists the parts of a tool"
                        + " definition (" + String.join(", ", ToolChange.PARTS) + "), got " + HiddenText.quoted(changed.get(i)) + hint);
            }
        }
        Optional<String> summary = f.string("summary", false);
        if (date.isEmpty() || tool.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ToolChange(date.get(), tool.get(), from.get(), to.get(),
                changed.stream().filter(ToolChange.PARTS::contains).toList(), summary.orElse(""), location(mapping)));
    }

    private Optional<String> fingerprint(Fields f, String key) {
        Optional<String> text = f.string(key, true);
        if (text.isPresent() && !FINGERPRINT.matcher(text.get()).matches()) {
            diagnostics.error(positions.at(f.pointer(key)), "\"" + key + "\" must be a fingerprint, sha256: and 64"
                    + " lower-case hex digits, got " + HiddenText.quoted(text.get()));
            return Optional.empty();
        }
        return text;
    }

    private Annotations annotations(YamlNode.Mapping mapping, String pointer) {
        Fields f = new Fields(mapping, "annotations", pointer, ANNOTATION_FIELDS, positions, diagnostics);
        return new Annotations(f.string("title", false), hint(f, "readOnlyHint"), hint(f, "destructiveHint"),
                hint(f, "idempotentHint"), hint(f, "openWorldHint"));
    }

    private static Hint hint(Fields f, String key) {
        return f.bool(key).map(Hint::of).orElse(Hint.ABSENT);
    }

    private Optional<Curation> curation(YamlNode.Mapping mapping, String pointer) {
        Fields f = new Fields(mapping, "classification", pointer, CLASSIFICATION_FIELDS, positions, diagnostics);
        Optional<Category> category = f.choice("category", labels(Category.values()), true).flatMap(Category::fromLabel);
        Optional<RiskLevel> level = f.choice("risk_level", labels(RiskLevel.values()), false).flatMap(RiskLevel::fromLabel);
        Optional<Integer> score = f.integer("risk_score");
        Optional<String> rationale = f.string("rationale", true);
        if (category.isEmpty() || rationale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Curation(category.get(), level, score, rationale.get()));
    }

    /** A JSON Schema object; every node inside it gets a position, so checks can point into the schema. */
    private Optional<Json.Obj> schema(Fields f, String key, boolean required) {
        Optional<YamlNode.Mapping> node = f.mapping(key, required);
        node.ifPresent(m -> recordPositions(m, f.pointer(key)));
        return node.map(m -> (Json.Obj) m.toJson());
    }

    private void recordPositions(YamlNode node, String pointer) {
        positions.put(pointer, location(node));
        if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries()) {
                String p = pointer + "/" + SourceMap.segment(e.key());
                positions.put(p + "#key", new Location(positions.file(), e.keyPosition().line(), e.keyPosition().column()));
                recordPositions(e.value(), p);
            }
        } else if (node instanceof YamlNode.Sequence s) {
            for (int i = 0; i < s.items().size(); i++) {
                recordPositions(s.items().get(i), pointer + "/" + i);
            }
        }
    }

    private Optional<URI> url(Fields f, String key, boolean required, boolean httpsOnly) {
        Optional<String> text = f.string(key, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Location at = positions.at(f.pointer(key));
        String s = text.get();
        Optional<URI> checked = checkUrl(key, s, at, httpsOnly);
        if (checked.isEmpty()) {
            positions.forget(f.pointer(key));
        }
        return checked;
    }

    private Optional<URI> checkUrl(String key, String s, Location at, boolean httpsOnly) {
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            diagnostics.error(at, "\"" + key + "\" must be a URL, got " + HiddenText.quoted(s) + " (" + e.getReason() + ")");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = httpsOnly ? scheme.equals("https") : scheme.equals("https") || scheme.equals("http");
        if (!allowed) {
            diagnostics.error(at, "\"" + key + "\" must be " + (httpsOnly ? "an https" : "an http or https")
                    + " URL, got " + HiddenText.quoted(s));
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            diagnostics.error(at, "\"" + key + "\" must name a host, got " + HiddenText.quoted(s));
            return Optional.empty();
        }
        if (uri.getUserInfo() != null) {
            diagnostics.error(at, "\"" + key + "\" must not contain a user name or password");
            return Optional.empty();
        }
        return Optional.of(canonical(uri));
    }

    /**
     * The URL with its scheme and host in lower case, as they compare anyway ({@code HTTPS://Example.COM/x} is
     * {@code https://example.com/x}): pages link the canonical form, which the page checker accepts. The path,
     * query and fragment are kept exactly.
     */
    static URI canonical(URI uri) {
        StringBuilder b = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT)).append("://")
                .append(uri.getRawAuthority().toLowerCase(Locale.ROOT));
        if (uri.getRawPath() != null) {
            b.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            b.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            b.append('#').append(uri.getRawFragment());
        }
        return URI.create(b.toString());
    }

    private Optional<LocalDate> date(Fields f, String key) {
        Optional<String> text = f.string(key, true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            diagnostics.error(positions.at(f.pointer(key)), "\"" + key + "\" must be a date written YYYY-MM-DD, got "
                    + HiddenText.quoted(text.get()));
            positions.forget(f.pointer(key));
            return Optional.empty();
        }
    }

    private Location location(YamlNode node) {
        return new Location(positions.file(), node.position().line(), node.position().column());
    }

    private static List<String> labels(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            if (v instanceof Category c) {
                out.add(c.label());
            } else if (v instanceof RiskLevel r) {
                out.add(r.label());
            } else if (v instanceof Transport t) {
                out.add(t.label());
            }
        }
        return out;
    }

    static Map<String, List<String>> fieldsByObject() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("server", SERVER_FIELDS);
        m.put("tool", TOOL_FIELDS);
        m.put("annotations", ANNOTATION_FIELDS);
        m.put("classification", CLASSIFICATION_FIELDS);
        m.put("package", PACKAGE_FIELDS);
        m.put("environment variable", ENVIRONMENT_FIELDS);
        m.put("remote", REMOTE_FIELDS);
        m.put("history entry", HISTORY_FIELDS);
        return m;
    }
}
