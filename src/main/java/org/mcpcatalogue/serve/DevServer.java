package org.mcpcatalogue.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A running {@code catalogue serve}: the site built by a {@link SiteBuilder} into a private temporary folder, served on
 * 127.0.0.1 by {@link SiteHandler}, rebuilt after each batch of changes {@link SourceWatcher} sees in the catalogue and
 * the templates, and pushed to open pages by {@link LiveReload}.
 *
 * <p>Lines printed: {@code serving http://127.0.0.1:PORT/} once the first build is done (whether it passed or not)
 * and the server answers; {@code rebuilt in N.N s (FILES)} after each good rebuild; the build's own
 * {@code file:line:col: error: …} lines and {@code build failed; still serving the last good build} after a failed
 * one; {@code stopped} when {@link #close()} is done. {@link #close()} (Ctrl-C through the command's shutdown hook)
 * stops the server and the watcher, lets a running build finish, and deletes the temporary folder.
 */
public final class DevServer implements AutoCloseable {

    /**
     * @param catalogue the catalogue directory (its servers, rules and attacks are watched)
     * @param templates the templates directory (watched)
     * @param port      the port on 127.0.0.1; 0 for any free one
     * @param verbose   also print the stages of each build
     */
    public record Options(Path catalogue, Path templates, int port, boolean verbose) {
    }

    private final Options options;
    private final SiteBuilder builder;
    private final PrintWriter out;
    private final PrintWriter err;
    private final LiveReload live = new LiveReload();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private HttpServer http;
    private ExecutorService executor;
    private SourceWatcher watcher;
    private Thread rebuilder;
    private Path workDir;
    private Path site;
    private String baseUrl;
    private volatile boolean stopping;
    /** Held while a build runs: {@link #close()} takes it before deleting the folder the build writes into. */
    private final Object buildLock = new Object();
    private volatile boolean building;

    /**
     * @param options what to serve and where
     * @param builder builds the site (the incremental build of {@code catalogue build})
     * @param out     where the progress lines go
     * @param err     where the build's errors go
     */
    public DevServer(Options options, SiteBuilder builder, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.builder = builder;
        this.out = out;
        this.err = err;
    }

    /**
     * Binds the port, builds the site once, starts answering and watching, and prints {@code serving URL}.
     *
     * @return the URL served, {@code http://127.0.0.1:PORT/}
     * @throws java.net.BindException if the port is taken
     * @throws IOException            if the temporary folder or the watcher cannot be made
     */
    public String start() throws IOException {
        synchronized (lifecycle) {
            // The JDK's server writes a response's headers and body apart; with Nagle's algorithm on, each page
            // then waits for the browser's delayed ACK (about 40 ms). Read once, when the first server is made.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
            workDir = Files.createTempDirectory("catalogue-serve-");
            site = workDir.resolve("site");
            baseUrl = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "catalogue-serve-http");
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(executor);
            http.createContext("/", new SiteHandler(site, live));
            // watch before the first build, so that a save during it is not missed
            watcher = new SourceWatcher(List.of(options.catalogue(), options.templates()));
        }
        build(Set.of());
        synchronized (lifecycle) {
            if (stopping) {
                return baseUrl;
            }
            http.start();
            rebuilder = new Thread(this::watchAndRebuild, "catalogue-serve-rebuild");
            rebuilder.setDaemon(true);
            rebuilder.start();
        }
        out.println("serving " + baseUrl + " (from " + workDir + "; Ctrl-C stops)");
        out.flush();
        return baseUrl;
    }

    /** @return the temporary folder the site is built into (deleted by {@link #close()}) */
    public Path workDir() {
        return workDir;
    }

    /** @return the event stream's state, for tests */
    public LiveReload live() {
        return live;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private void watchAndRebuild() {
        try {
            while (true) {
                Set<Path> changed = watcher.awaitChanges();
                build(changed);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closing
        }
    }

    private void build(Set<Path> changed) {
        synchronized (buildLock) {
            if (stopping) {
                return;
            }
            building = true;
            try {
                buildNow(changed);
            } finally {
                building = false;
            }
        }
    }

    private void buildNow(Set<Path> changed) {
        long start = System.nanoTime();
        SiteBuilder.Result result;
        try {
            result = builder.build(new SiteBuilder.Request(options.catalogue(), options.templates(), site, baseUrl, changed));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a bug in the build, or a build too big for the heap, must not stop the server: show it as a failed build
            result = new SiteBuilder.Result(false, List.of("catalogue: the build crashed: " + e), List.of());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.verbose()) {
            result.progress().forEach(out::println);
        }
        if (result.ok()) {
            result.problems().forEach(err::println);
            err.flush();
            // the terminal first, then the pages: a reader (or a test) that sees the page change finds the line printed
            out.println(String.format(Locale.ROOT, "%s in %.1f s%s", changed.isEmpty() ? "built" : "rebuilt", seconds, describe(changed)));
            out.flush();
            live.published();
        } else {
            result.problems().forEach(err::println);
            err.println("build failed; " + (live.generation() > 0 ? "still serving the last good build" : "nothing to serve until it is fixed"));
            err.flush();
            live.failed(String.join("\n", result.problems()));
        }
        out.flush();
    }

    private String describe(Set<Path> changed) {
        if (changed.isEmpty()) {
            return "";
        }
        String names = changed.stream().limit(3).map(this::shown).collect(Collectors.joining(", "));
        return " (" + names + (changed.size() > 3 ? ", … " + changed.size() + " files" : "") + ")";
    }

    private String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** Stops serving and watching, waits for a running build to end, and deletes the temporary folder. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            if (http != null) {
                live.closeAll();
                http.stop(0);
                executor.shutdownNow();
            }
            if (watcher != null) {
                watcher.close();
            }
            if (building) {
                out.println("stopping: waiting for the running build to end …");
                out.flush();
            }
            synchronized (buildLock) {
                if (workDir != null) {
                    deleteTree(workDir);
                }
            }
            if (workDir != null) {
                out.println("stopped");
            }
            out.flush();
        } catch (IOException e) {
            err.println("catalogue: could not remove " + workDir + ": " + e.getMessage());
            err.flush();
        } finally {
            closed.countDown();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

