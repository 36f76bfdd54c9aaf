package org.mcpcatalogue.importer.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/**
 * What an installed npm package says about itself ({@code package.json}, and its README when the package's own
 * description is too short to be one): description, licence, home page, repository, and the program to start.
 */
public record PackageFacts(Path packageDir, Optional<String> description, Optional<String> license,
                           Optional<String> homepage, Optional<String> repository, Optional<String> author,
                           Map<String, String> bins) {

    /** A description shorter than this is not one (validate warns below 20 characters). */
    static final int SHORT = 20;
    private static final Pattern GITHUB_SHORT = Pattern.compile("(github:)?([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)");

    public PackageFacts {
        bins = Map.copyOf(bins);
    }

    /** Reads {@code packageDir/package.json}; an unreadable one is an IOException. */
    public static PackageFacts read(Path packageDir) throws IOException {
        String text = Files.readString(packageDir.resolve("package.json"), StandardCharsets.UTF_8);
        Json parsed;
        try {
            parsed = JsonText.parse(text);
        } catch (RuntimeException e) {
            throw new IOException("package.json is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Json.Obj pj)) {
            throw new IOException("package.json is not a JSON object");
        }
        String name = str(pj, "name").orElse("");
        Map<String, String> bins = new java.util.LinkedHashMap<>();
        Optional<Json> bin = pj.get("bin");
        if (bin.isPresent() && bin.get() instanceof Json.Str s && !s.value().isBlank()) {
            bins.put(name.substring(name.lastIndexOf('/') + 1), s.value());
        } else if (bin.isPresent() && bin.get() instanceof Json.Obj o) {
            o.members().forEach((k, v) -> {
                if (v instanceof Json.Str s && !s.value().isBlank()) {
                    bins.put(k, s.value());
                }
            });
        }
        Optional<String> description = str(pj, "description").map(PackageFacts::clean).filter(d -> !d.isBlank());
        if (description.isEmpty() || description.get().length() < SHORT) {
            Optional<String> readme = readme(packageDir);
            if (readme.isPresent()) {
                description = readme;
            }
        }
        Optional<String> license = str(pj, "license").filter(l -> !l.isBlank() && !l.equalsIgnoreCase("UNLICENSED"));
        Optional<String> homepage = str(pj, "homepage").filter(h -> h.startsWith("https://")).map(String::strip);
        Optional<String> repository = pj.get("repository").flatMap(r -> r instanceof Json.Obj o ? str(o, "url")
                : r instanceof Json.Str s ? Optional.of(s.value()) : Optional.empty()).flatMap(PackageFacts::https);
        Optional<String> author = pj.get("author").flatMap(a -> a instanceof Json.Obj o ? str(o, "name")
                : a instanceof Json.Str s ? Optional.of(s.value().replaceAll("\\s*[<(].*$", "")) : Optional.empty())
                .map(String::strip).filter(a -> !a.isBlank() && a.length() <= 100);
        return new PackageFacts(packageDir, description, license, homepage, repository, author, bins);
    }

    /** Who publishes it, for a repository that is not on GitHub: the package's author, else its npm scope or name. */
    public String publisher(String packageName) {
        return author.orElse(packageName.startsWith("@") ? packageName.substring(1, packageName.indexOf('/')) : packageName);
    }

    /**
     * The entry file to start: the bin named {@code entry}, or the path {@code entry} inside the package; else the
     * only bin, or the one named as the package (or with "mcp" in its name), or the first. Empty: no program.
     */
    public Optional<Path> entryFile(String packageName, Optional<String> entry) {
        String base = packageName.substring(packageName.lastIndexOf('/') + 1);
        String rel;
        if (entry.isPresent()) {
            rel = bins.getOrDefault(entry.get(), entry.get());
        } else if (bins.isEmpty()) {
            return Optional.empty();
        } else if (bins.size() == 1) {
            rel = bins.values().iterator().next();
        } else {
            rel = Optional.ofNullable(bins.get(base))
                    .or(() -> bins.entrySet().stream().filter(e -> e.getKey().contains("mcp")).map(Map.Entry::getValue).findFirst())
                    .orElse(bins.values().iterator().next());
        }
        Path file = packageDir.resolve(rel).normalize();
        return file.startsWith(packageDir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** An https URL for a package.json repository: git+https, git://, ssh and github shorthands made https. */
    static Optional<String> https(String url) {
        String u = url.strip();
        java.util.regex.Matcher m = GITHUB_SHORT.matcher(u);
        if (m.matches() && !u.contains(":") || u.startsWith("github:")) {
            return m.matches() ? Optional.of("https://github.com/" + m.group(2) + "/" + strip(m.group(3))) : Optional.empty();
        }
        u = u.replaceFirst("^git\\+", "").replaceFirst("^git://", "https://").replaceFirst("^ssh://git@", "https://")
                .replaceFirst("^git@([^:/]+):", "https://$1/").replaceFirst("^http://", "https://");
        u = u.replaceFirst("#.*$", "");
        u = strip(u);
        return u.startsWith("https://") && u.length() > "https://".length() && !u.contains(" ") ? Optional.of(u) : Optional.empty();
    }

    private static String strip(String s) {
        String r = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return r.endsWith(".git") ? r.substring(0, r.length() - 4) : r;
    }

    /** The first paragraph of prose in the package's README (no heading, badge, image, HTML or code). */
    static Optional<String> readme(Path dir) {
        List<String> names = List.of("README.md", "readme.md", "Readme.md", "README.markdown", "README");
        for (String n : names) {
            Path p = dir.resolve(n);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                StringBuilder para = new StringBuilder();
                boolean fence = false;
                for (String line : text.split("\n")) {
                    String l = line.strip();
                    if (l.startsWith("```")) {
                        fence = !fence;
                        continue;
                    }
                    if (fence) {
                        continue;
                    }
                    boolean prose = !l.isEmpty() && !l.startsWith("#") && !l.startsWith("<") && !l.startsWith("[!")
                            && !l.startsWith("![") && !l.startsWith("[![") && !l.startsWith("|") && !l.startsWith(">")
                            && !l.startsWith("-") && !l.startsWith("*") && !l.startsWith("=") && !l.matches("\\d+\\..*");
                    if (prose) {
                        para.append(para.length() == 0 ? "" : " ").append(l);
                    } else if (para.length() >= SHORT) {
                        break;
                    } else {
                        para.setLength(0);
                    }
                }
                String d = clean(para.toString());
                if (d.length() >= SHORT) {
                    return Optional.of(d.length() > 400 ? d.substring(0, d.lastIndexOf(' ', 399)) + " …" : d);
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** One line of plain text: Markdown links kept as their text, emphasis and whitespace runs removed. */
    static String clean(String s) {
        String r = s.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("\\*\\*|__|`", "")
                .replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return r;
    }

    private static Optional<String> str(Json.Obj obj, String key) {
        return obj.get(key).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
    }
}
