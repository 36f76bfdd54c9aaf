package org.mcpcatalogue.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.InputFiles;

/**
 * The npm package a live server's command runs, read from its own {@code package.json}: the entry file the
 * command names lies under {@code node_modules/<package>/} (as {@code npm install --prefix DIR <package>} puts
 * it). Gives the package's facts (description, repository, home page, licence) and its registry entry for the
 * server file's {@code packages}; never runs anything and never asks the network.
 *
 * @param name        e.g. {@code @modelcontextprotocol/server-memory}
 * @param version     e.g. {@code 2025.8.4}
 * @param description the package's {@code description}, if it has a non-blank one
 * @param repository  its {@code repository} as an https URL, if it can be made one
 * @param homepage    its {@code homepage}, if any
 * @param license     its {@code license}, if a string
 * @param file        the package.json read (for notes)
 */
public record NpmPackage(String name, String version, Optional<String> description, Optional<String> repository,
                         Optional<String> homepage, Optional<String> license, Path file) {

    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    /** The package whose files a word of {@code command} names, if one does and its package.json reads. */
    public static Optional<NpmPackage> of(List<String> command, Path cwd) {
        for (String word : command) {
            if (word.isEmpty() || word.startsWith("-") || word.contains("=")) {
                continue;
            }
            Path p;
            try {
                p = cwd.resolve(word).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(p)) {
                continue;
            }
            Optional<Path> root = packageRoot(p);
            if (root.isPresent()) {
                Optional<NpmPackage> pkg = read(root.get().resolve("package.json"));
                if (pkg.isPresent()) {
                    return pkg;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code …/node_modules/name} or {@code …/node_modules/@scope/name} above the file, the innermost one. */
    static Optional<Path> packageRoot(Path file) {
        for (int i = file.getNameCount() - 2; i >= 0; i--) {
            if (file.getName(i).toString().equals("node_modules") && i + 1 < file.getNameCount() - 1) {
                int end = file.getName(i + 1).toString().startsWith("@") ? i + 3 : i + 2;
                if (end > file.getNameCount() - 1) {
                    continue;
                }
                return Optional.of(file.getRoot().resolve(file.subpath(0, end)));
            }
        }
        return Optional.empty();
    }

    /** A package.json with a name and a version; empty when it cannot be read as one. */
    public static Optional<NpmPackage> read(Path packageJson) {
        if (!Files.isRegularFile(packageJson, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InputFiles.read(packageJson, InputFiles.MAX_TOOL_INPUT_BYTES, InputFiles.Links.REFUSE);
            Json doc = JsonPaths.parse(new String(bytes, StandardCharsets.UTF_8), packageJson.toString());
            Optional<String> name = JsonPaths.string(doc, "name");
            Optional<String> version = JsonPaths.string(doc, "version");
            if (name.isEmpty() || version.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> repository = JsonPaths.string(doc, "repository", "url")
                    .or(() -> JsonPaths.string(doc, "repository"))
                    .flatMap(NpmPackage::https);
            return Optional.of(new NpmPackage(name.get(), version.get(),
                    JsonPaths.string(doc, "description").map(String::strip).filter(s -> !s.isEmpty()), repository,
                    JsonPaths.string(doc, "homepage").filter(h -> h.startsWith("https://") || h.startsWith("http://")),
                    JsonPaths.string(doc, "license"), packageJson));
        } catch (InputFiles.Refused | ImportException e) {
            return Optional.empty();
        }
    }

    /** {@code git+https://github.com/a/b.git}, {@code github:a/b}, {@code git://…} as {@code https://github.com/a/b}. */
    public static Optional<String> https(String url) {
        String u = url.strip();
        if (u.startsWith("github:")) {
            u = "https://github.com/" + u.substring("github:".length());
        } else if (u.matches("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")) {
            u = "https://github.com/" + u;
        }
        u = u.replaceFirst("^git\\+", "").replaceFirst("^git://", "https://").replaceFirst("^ssh://git@", "https://")
                .replaceFirst("^git@github\\.com:", "https://github.com/");
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        return u.startsWith("https://") ? Optional.of(u) : Optional.empty();
    }

    /**
     * The names a command sets with {@code env NAME=value … program}: placeholders a server needs only to start,
     * recorded as the package's environment variables (names only; values are never kept).
     */
    public static List<String> environmentNames(List<String> command) {
        return List.copyOf(environment(command).keySet());
    }

    /**
     * The names a command sets with {@code env NAME=value … program}, each with whether it is taken for a
     * secret: every value is, except a plain {@code http(s)://} URL with no user name or password in it (a
     * placeholder address such as {@code ES_URL=http://127.0.0.1:9}). Treating a value as a secret is the safe
     * default: the catalogue never keeps values either way.
     */
    public static Map<String, Boolean> environment(List<String> command) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        if (command.isEmpty() || !(command.get(0).equals("env") || command.get(0).endsWith("/env"))) {
            return names;
        }
        for (String word : command.subList(1, command.size())) {
            int eq = word.indexOf('=');
            if (eq <= 0 || !ENV_NAME.matcher(word.substring(0, eq)).matches()) {
                break;
            }
            String value = word.substring(eq + 1);
            boolean address = value.matches("^https?://[^@/\\s]+(/\\S*)?$");
            names.put(word.substring(0, eq), !address);
        }
        return names;
    }

    /**
     * The server file's {@code packages} entry: registry npm, this name and version, transport stdio, and the
     * environment variables the import had to set ({@link #environment}), each marked required (the server
     * would not start without it) and secret or not.
     */
    public Json.Obj entry(Map<String, Boolean> environment) {
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("registry", Json.str("npm"));
        m.put("name", Json.str(name));
        m.put("version", Json.str(version));
        m.put("transport", Json.str("stdio"));
        if (!environment.isEmpty()) {
            List<Json> env = new ArrayList<>();
            for (Map.Entry<String, Boolean> n : environment.entrySet()) {
                Map<String, Json> v = new LinkedHashMap<>();
                v.put("name", Json.str(n.getKey()));
                v.put("isRequired", Json.TRUE);
                v.put("isSecret", new Json.Bool(n.getValue()));
                env.add(new Json.Obj(v));
            }
            m.put("environmentVariables", new Json.Arr(env));
        }
        return new Json.Obj(m);
    }
}
