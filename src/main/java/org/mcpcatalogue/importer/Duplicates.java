package org.mcpcatalogue.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.validate.DuplicateServerCheck;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Finds the file already in the catalogue for the server being imported, under another slug: one that lists the
 * same package (registry and name), or has the same repository and mostly the same tool definitions (the
 * {@link DuplicateServerCheck} rule on fingerprints). The import then updates that file instead of creating a
 * second one, which {@code validate} would refuse.
 */
final class Duplicates {

    /**
     * The existing file's slug and why it is the same server. {@code sameServer} is false for a copy: mostly the
     * same tool definitions under another repository and package (a fork or a republished package), which
     * {@code validate} refuses as a duplicate but which is not the same server to update.
     */
    record Match(String slug, String reason, boolean sameServer) {
    }

    private Duplicates() {
    }

    static Optional<Match> find(Path catalogue, String slug, Imported imported, ServerFacts facts) throws ImportException {
        Path servers = catalogue.resolve("servers");
        if (!Files.isDirectory(servers)) {
            return Optional.empty();
        }
        Set<String> packages = new HashSet<>();
        facts.packages().forEach(p -> packages.add(key(p)));
        Optional<String> repository = facts.repository().map(Duplicates::normal);
        Set<String> prints = new HashSet<>();
        imported.tools().forEach(t -> prints.add(ToolShape.fingerprint(t)));
        List<Path> files;
        try (Stream<Path> list = Files.list(servers)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new ImportException("cannot list " + servers + ": " + e.getMessage(), e);
        }
        Optional<Match> byPrints = Optional.empty();
        for (Path file : files) {
            String other = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (other.equals(slug)) {
                continue;
            }
            Json.Obj doc;
            try {
                SafeYaml.Result r = new SafeYaml().read(file.toString(),
                        InputFiles.read(file, SafeYaml.Limits.DEFAULT.maxBytes(), InputFiles.Links.REFUSE));
                if (r.hasErrors() || !(r.root().orElse(null) instanceof YamlNode.Mapping m)) {
                    continue;
                }
                doc = (Json.Obj) m.toJson();
            } catch (InputFiles.Refused e) {
                continue;
            }
            if (doc.get("packages").orElse(null) instanceof Json.Arr a) {
                for (Json p : a.items()) {
                    if (packages.contains(key(p))) {
                        return Optional.of(new Match(other, "it lists the same package "
                                + key(p).replaceFirst(":", " "), true));
                    }
                }
            }
            boolean sameRepository = repository.isPresent()
                    && JsonPaths.string(doc, "repository").map(Duplicates::normal).equals(repository);
            if (byPrints.isEmpty() || (sameRepository && !byPrints.get().sameServer())) {
                Set<String> theirs = new HashSet<>();
                if (doc.get("tools").orElse(null) instanceof Json.Arr tools) {
                    for (Json t : tools.items()) {
                        if (t instanceof Json.Obj o) {
                            theirs.add(ToolShape.fingerprint(mcp(o)));
                        }
                    }
                }
                long shared = prints.stream().filter(theirs::contains).count();
                int smaller = Math.min(prints.size(), theirs.size());
                if (shared >= DuplicateServerCheck.MIN_SHARED && shared * 100 >= (long) DuplicateServerCheck.SHARED_PERCENT * smaller) {
                    byPrints = Optional.of(sameRepository
                            ? new Match(other, "it has the same repository and " + shared + " of the same tool definitions", true)
                            : new Match(other, shared + " of its " + theirs.size() + " tool definitions are identical to "
                                    + shared + " of the " + prints.size() + " imported, under another repository and package", false));
                }
            }
        }
        return byPrints;
    }

    private static Json.Obj mcp(Json.Obj tool) {
        java.util.Map<String, Json> m = new java.util.LinkedHashMap<>();
        for (String f : ToolShape.MCP_FIELDS) {
            tool.get(f).ifPresent(v -> m.put(f, v));
        }
        return new Json.Obj(m);
    }

    private static String key(Json p) {
        return JsonPaths.string(p, "registry").orElse("") + ":" + JsonPaths.string(p, "name").orElse("");
    }

    /** A repository URL as the loader compares it: scheme and host in lower case, no trailing slash. */
    private static String normal(String url) {
        String u = url.strip();
        int host = u.indexOf("://");
        if (host > 0) {
            int path = u.indexOf('/', host + 3);
            u = (path < 0 ? u : u.substring(0, path)).toLowerCase(java.util.Locale.ROOT) + (path < 0 ? "" : u.substring(path));
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
