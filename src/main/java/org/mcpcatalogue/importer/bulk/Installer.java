package org.mcpcatalogue.importer.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs an entry's package with npm, install scripts disabled, into {@code root/<folder>} (its own prefix, so
 * that the sandbox shows the server its dependencies and nothing else). The install goes to a temporary folder
 * first and is renamed into place when npm succeeded, so an interrupted install never looks finished. With
 * {@code install} off, the folder must be there already.
 */
public final class Installer {

    /** The command that installs: {@code npm}, or a stand-in in tests. */
    private final List<String> npm;
    private final Path root;
    private final boolean install;
    private final long timeoutSeconds;

    /** An install that did not work: why, in one paragraph. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    public Installer(List<String> npm, Path root, boolean install, long timeoutSeconds) {
        this.npm = List.copyOf(npm);
        this.root = root.toAbsolutePath().normalize();
        this.install = install;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** npm processes running now: ended with the catalogue (an interrupted run leaves no npm writing on). */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Installer::kill), "import-bulk-npm-reaper"));
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** One lock per install folder: two entries of one package (with different slugs) install it once. */
    private final java.util.concurrent.ConcurrentHashMap<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    /** The install prefix of the entry, installed now if it is not yet. */
    public Path prefix(BulkEntry entry) throws Failed, InterruptedException {
        synchronized (locks.computeIfAbsent(entry.folderName(), k -> new Object())) {
            return install(entry);
        }
    }

    private Path install(BulkEntry entry) throws Failed, InterruptedException {
        Path dir = root.resolve(entry.folderName());
        Path pkg = dir.resolve("node_modules").resolve(entry.packageName()).resolve("package.json");
        if (Files.isRegularFile(pkg)) {
            return dir;
        }
        if (!install) {
            throw new Failed("not installed: " + pkg + " is missing (--no-install)");
        }
        Path tmp = root.resolve("." + entry.folderName() + ".partial");
        try {
            Files.createDirectories(root);
            delete(tmp);
            Files.createDirectories(tmp);
            List<String> cmd = new ArrayList<>(npm);
            cmd.addAll(List.of("install", "--prefix", tmp.toString(), "--ignore-scripts", "--no-audit", "--no-fund",
                    "--no-save", "--loglevel=error", entry.spec()));
            Path log = Files.createTempFile(root, ".npm", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                RUNNING.add(p);
                try {
                    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                        kill(p);
                        throw new Failed("npm install " + entry.spec() + " did not finish within " + timeoutSeconds + " s");
                    }
                } catch (InterruptedException x) {
                    kill(p);
                    throw x;
                } finally {
                    RUNNING.remove(p);
                }
                if (p.exitValue() != 0) {
                    throw new Failed("npm install " + entry.spec() + " failed (status " + p.exitValue() + "): " + tail(log));
                }
            } finally {
                Files.deleteIfExists(log);
            }
            if (!Files.isRegularFile(tmp.resolve("node_modules").resolve(entry.packageName()).resolve("package.json"))) {
                throw new Failed("npm install " + entry.spec() + " did not install " + entry.packageName());
            }
            delete(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new Failed("cannot install " + entry.spec() + ": " + e.getMessage());
        } finally {
            try {
                delete(tmp);
            } catch (IOException ignored) {
                // a leftover .partial folder is removed by the next install of the entry
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        String text = String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return text.length() > 300 ? text.substring(0, 299) + "…" : text;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
