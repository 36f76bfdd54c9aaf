package org.mcpcatalogue.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a directory (a generated site) over HTTP on 127.0.0.1 and a free port, with the JDK's own
 * {@link HttpServer}, for browser tests.
 *
 * <p>Directory URLs are answered with their {@code index.html} (a directory URL without its trailing slash
 * is redirected to it, as static hosts do); unknown paths get a 404 with the site's {@code 404.html} when
 * there is one. Only GET and HEAD are served, nothing outside the root is reachable, and nothing is cached.
 * Every request path is counted so that a test can assert what the page fetched, and when.
 *
 * <pre>{@code
 * try (StaticServer server = StaticServer.start(siteDir)) {
 *     driver.get(server.url("/search/?q=generate"));
 *     assertEquals(1, server.requests("/search/index.json"));
 * }
 * }</pre>
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("yaml", "application/yaml; charset=utf-8"),
            Map.entry("yml", "application/yaml; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final Path root;
    private final String mount;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private StaticServer(Path root, String mount, HttpServer server, ExecutorService executor) {
        this.root = root;
        this.mount = mount;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code root} on 127.0.0.1 and a port the system chooses.
     *
     * @param root the directory to serve; must exist
     * @return the running server; close it to stop
     */
    public static StaticServer start(Path root) {
        return start(root, "");
    }

    /**
     * Starts serving {@code root} under the URL path {@code mount} (e.g. {@code /sub}), as a host serving a site
     * from a sub-path does: {@code /sub/x} is {@code root/x}, {@code /sub} redirects to {@code /sub/}, and every
     * path outside {@code /sub/} is a 404 (plain text: the site's own 404 page is not there either).
     *
     * @param root  the directory to serve; must exist
     * @param mount {@code ""} for the host's root, or a path starting with {@code /} and not ending with one
     */
    public static StaticServer start(Path root, String mount) {
        if (!mount.isEmpty() && (!mount.startsWith("/") || mount.endsWith("/"))) {
            throw new IllegalArgumentException("mount must be empty or like /sub, got " + mount);
        }
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "static-server");
                t.setDaemon(true);
                return t;
            });
            StaticServer server = new StaticServer(dir, mount, http, executor);
            http.createContext("/", server::handle);
            http.setExecutor(executor);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the static server", e);
        }
    }

    /** @return the base URL, {@code http://127.0.0.1:PORT} without a trailing slash */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * @param path an absolute path such as {@code /search/?q=x}
     * @return the full URL of {@code path} on this server
     */
    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * @param path a request path without query, such as {@code /search/index.json}
     * @return how many requests for that path arrived so far
     */
    public int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    /** @return every request so far, in order, as {@code "METHOD /path STATUS"} */
    public List<String> requestLog() {
        return List.copyOf(log);
    }

    /** Forgets the requests counted so far. */
    public void resetCounts() {
        counts.clear();
        log.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = respond(exchange, method, path, uri.getRawQuery());
            log.add(method + " " + path + " " + status);
        }
    }

    private int respond(HttpExchange exchange, String method, String path, String query) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            return 405;
        }
        if (!mount.isEmpty()) {
            if (path.equals(mount)) {
                exchange.getResponseHeaders().set("Location", mount + "/" + (query == null ? "" : "?" + query));
                exchange.sendResponseHeaders(301, -1);
                return 301;
            }
            if (!path.startsWith(mount + "/")) {
                byte[] body = "404 Not Found (outside the mount)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", TYPES.get("txt"));
                exchange.sendResponseHeaders(404, head ? -1 : body.length);
                if (!head) {
                    exchange.getResponseBody().write(body);
                }
                return 404;
            }
        }
        String local = path.substring(mount.length());
        Path file = resolve(local);
        if (file != null && Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                String location = path + "/" + (query == null ? "" : "?" + query);
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(301, -1);
                return 301;
            }
            file = file.resolve("index.html");
        }
        if (file == null || !Files.isRegularFile(file)) {
            Path notFound = root.resolve("404.html");
            if (Files.isRegularFile(notFound)) {
                send(exchange, 404, notFound, head);
            } else {
                byte[] body = "404 Not Found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", TYPES.get("txt"));
                exchange.sendResponseHeaders(404, head ? -1 : body.length);
                if (!head) {
                    exchange.getResponseBody().write(body);
                }
            }
            return 404;
        }
        send(exchange, 200, file, head);
        return 200;
    }

    /** The file for a URL path, or null if the path leaves the root or is malformed. */
    private Path resolve(String path) {
        try {
            Path p = root.resolve(path.substring(1)).normalize();
            return p.startsWith(root) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, Path file, boolean head) throws IOException {
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", contentType(file));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * @param file a file name or path
     * @return the content type served for it, by extension ({@code application/octet-stream} if unknown)
     */
    public static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
