package org.mcpcatalogue.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Answers every request of {@code catalogue serve}: the live-reload event stream at {@link LiveReload#EVENTS}, and
 * otherwise the files of the newest good build, read from {@code root} (a symbolic link that each build flips) as
 * they are at the moment of the request.
 *
 * <p>Only GET and HEAD. A folder is answered with its {@code index.html} (and redirected to its trailing slash first);
 * a missing file with the site's {@code 404.html}, status 404. A path that names anything outside the root, by
 * {@code ..}, an encoded {@code ..}, a backslash, a NUL or a symbolic link leading out, is a 404 too. HTML responses
 * get {@link ReloadScript} before {@code </body>}: it is added here, never written into the built files. Nothing is
 * cached, so a reload always shows the newest build.
 */
public final class SiteHandler implements HttpHandler {

    private final Path root;
    private final LiveReload live;

    /**
     * @param root the published site (it need not exist yet: before the first good build every page says so)
     * @param live the event stream and the current build state
     */
    public SiteHandler(Path root, LiveReload live) {
        this.root = root;
        this.live = live;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path != null && path.equals(LiveReload.EVENTS) && method.equals("GET")) {
            live.subscribe(exchange);
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            serve(exchange, path == null || path.isEmpty() ? "/" : path);
        }
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        Path site;
        try {
            site = root.toRealPath();
        } catch (NoSuchFileException e) {
            send(exchange, 503, ContentTypes.HTML, noBuildYet());
            return;
        }
        Path file = resolve(site, path);
        if (file != null && Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                String query = exchange.getRequestURI().getRawQuery();
                // repeated slashes collapsed: "//host" would be a link to another site
                String location = exchange.getRequestURI().getRawPath().replaceAll("/{2,}", "/") + "/";
                exchange.getResponseHeaders().set("Location", location + (query == null ? "" : "?" + query));
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            file = inside(site, file.resolve("index.html"));
        }
        if (file == null || !Files.isRegularFile(file)) {
            Path notFound = inside(site, site.resolve("404.html"));
            if (notFound != null && Files.isRegularFile(notFound)) {
                send(exchange, 404, ContentTypes.HTML, Files.readAllBytes(notFound));
            } else {
                send(exchange, 404, ContentTypes.TEXT, "404 not found\n".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            // the build that made it was replaced between the look-up and the read: the next reload gets the new one
            send(exchange, 404, ContentTypes.TEXT, "404 not found (the site was just rebuilt; reload)\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, ContentTypes.of(file.getFileName().toString()), body);
    }

    /**
     * @return the file or folder that the URL path names inside {@code site}, or null if the path is malformed or
     *         leads outside it (only plain names are accepted as segments; symbolic links are followed and checked)
     */
    static Path resolve(Path site, String path) {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        Path target = site;
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || segment.indexOf(':') >= 0) {
                return null;
            }
            target = target.resolve(segment);
        }
        return inside(site, target);
    }

    /** @return {@code target} if it does not exist or its real path is inside {@code site}; else null */
    private static Path inside(Path site, Path target) {
        Path normal = target.normalize();
        if (!normal.startsWith(site)) {
            return null;
        }
        if (!Files.exists(normal)) {
            return normal;
        }
        try {
            return normal.toRealPath().startsWith(site) ? normal : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        byte[] bytes = type.equals(ContentTypes.HTML) ? ReloadScript.inject(body, live.generation()) : body;
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static byte[] noBuildYet() {
        return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No build yet · catalogue serve</title></head>"
                + "<body><h1>No successful build yet</h1><p>The error is shown here and in the terminal; save a fix and this page"
                + " reloads.</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
