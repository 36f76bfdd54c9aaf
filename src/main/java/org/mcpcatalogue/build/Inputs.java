package org.mcpcatalogue.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every input file of a build with its content digest, named {@code catalogue/…} or {@code templates/…}; and the
 * digests the dependencies are declared with.
 *
 * @param files every regular file under the catalogue and the templates folders, by name, sorted
 */
record Inputs(Map<String, String> files) {

    static final String CATALOGUE = "catalogue/";
    static final String TEMPLATES = "templates/";
    /** The templates a server's own pages are rendered with ({@code {{> partial}}} and {@code {{< parent}}} followed). */
    private static final List<String> SERVER_TEMPLATES = List.of("tool", "server");
    private static final Pattern PARTIAL = Pattern.compile("\\{\\{\\s*[<>]\\s*([A-Za-z0-9_.-]+)\\s*}}");

    /** Reads and digests every file under both folders (in parallel; symbolic links are followed as the build does). */
    static Inputs of(Path catalogue, Path templates) throws IOException {
        Map<String, String> files = new ConcurrentHashMap<>();
        digestAll(catalogue, CATALOGUE, files);
        digestAll(templates, TEMPLATES, files);
        return new Inputs(new TreeMap<>(files));
    }

    private static void digestAll(Path dir, String prefix, Map<String, String> into) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> found;
        try (Stream<Path> walk = Files.walk(dir)) {
            found = walk.filter(p -> Files.isRegularFile(p)).toList();
        }
        List<IOException> failed = new ArrayList<>();
        found.parallelStream().forEach(p -> {
            try {
                into.put(prefix + dir.relativize(p).toString().replace('\\', '/'), Hashes.of(Files.readAllBytes(p)));
            } catch (IOException e) {
                synchronized (failed) {
                    failed.add(e);
                }
            }
        });
        if (!failed.isEmpty()) {
            throw failed.get(0);
        }
    }

    /** The digest of a server file ({@code x.yaml} in {@code servers/}), if it was read. */
    String server(String fileName) {
        return files.getOrDefault(CATALOGUE + "servers/" + fileName, "");
    }

    /**
     * The digest of everything in the catalogue but its server files and attacks: the rules (every verdict depends
     * on them), the schema, notes. A change there makes every server's assessment and pages stale.
     */
    String catalogueShared() {
        return digest(name -> name.startsWith(CATALOGUE) && !name.startsWith(CATALOGUE + "servers/")
                && !name.startsWith(CATALOGUE + "attacks/"));
    }

    /**
     * The digest of the templates a server's own pages use: {@code tool} and {@code server}, every partial and
     * parent they name, transitively, and {@code content/} (the category texts). A change to any other template
     * (the home page's, a listing's, the assets) leaves those pages as they are.
     */
    String serverTemplates(Path templates) {
        Set<String> used = new HashSet<>();
        List<String> todo = new ArrayList<>(SERVER_TEMPLATES);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!used.add(name)) {
                continue;
            }
            Path file = templates.resolve(name + ".mustache");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
                continue;
            }
            try {
                Matcher m = PARTIAL.matcher(Files.readString(file));
                while (m.find()) {
                    todo.add(m.group(1));
                }
            } catch (IOException e) {
                used.add("unreadable:" + name); // the render reports it
            }
        }
        return digest(name -> name.startsWith(TEMPLATES + "content/")
                || (name.startsWith(TEMPLATES) && name.endsWith(".mustache") && !name.substring(TEMPLATES.length()).contains("/")
                && used.contains(name.substring(TEMPLATES.length(), name.length() - ".mustache".length()))))
                + String.join(",", new java.util.TreeSet<>(used));
    }

    private String digest(java.util.function.Predicate<String> which) {
        List<String> lines = new ArrayList<>();
        files.forEach((name, hash) -> {
            if (which.test(name)) {
                lines.add(name + " " + hash);
            }
        });
        return Hashes.ofLines(lines.toArray(String[]::new));
    }
}
