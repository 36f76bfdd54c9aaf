package org.mcpcatalogue.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mcpcatalogue.cli.Main;

/** Builds a catalogue into a directory with the real CLI, as a user would, and reads the result. */
public final class SiteFixture {

    public static final Path FIXTURE = Path.of("src/test/resources/sites/fixture");
    public static final String BASE_URL = "https://example.org/catalogue/";

    private SiteFixture() {
    }

    /** The exit code and output of {@code catalogue build}. */
    public record Build(int exitCode, String out, String err) {
    }

    public static Build build(Path catalogue, Path out, String... extra) {
        java.io.StringWriter o = new java.io.StringWriter();
        java.io.StringWriter e = new java.io.StringWriter();
        String[] args = Stream.concat(Stream.of("build", "--catalogue", catalogue.toString(), "--out", out.toString(),
                "--base-url", BASE_URL, "--templates", "templates"), Stream.of(extra)).toArray(String[]::new);
        int code = Main.run(new java.io.PrintWriter(o, true), new java.io.PrintWriter(e, true), args);
        return new Build(code, o.toString(), e.toString());
    }

    /**
     * Every file under {@code dir}, by relative path, with its bytes. A published site is a symbolic link to its
     * current version, so {@code dir} is resolved first ({@link Files#walk} does not follow a link it starts at).
     */
    public static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            Path root = dir.toRealPath();
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String read(Path dir, String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree (to make a catalogue that a test can break). */
    public static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
