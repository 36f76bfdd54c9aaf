package org.mcpcatalogue.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SiteHandler} on a real socket, over a small site laid out as a build publishes it (a symbolic link onto a
 * version folder), with a secret file beside the site that no request may reach.
 */
class SiteHandlerTest {

    @TempDir
    Path tmp;
    Path link;
    LiveReload live;
    HttpServer server;
    String base;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void serve() throws IOException {
        Path version = Files.createDirectories(tmp.resolve("versions/one"));
        Files.writeString(version.resolve("index.html"), "<!doctype html><html><body><h1>Home</h1></body></html>");
        Files.writeString(version.resolve("404.html"), "<!doctype html><html><body><h1>Page not found</h1></body></html>");
        Files.createDirectories(version.resolve("tools/x"));
        Files.writeString(version.resolve("tools/x/index.html"), "<html><body>tool x</body></html>");
        Files.createDirectories(version.resolve("assets"));
        Files.writeString(version.resolve("assets/site.css"), "body{}");
        Files.writeString(version.resolve("assets/site.js"), "let a = '</body>';");
        Files.writeString(version.resolve("feed.xml"), "<feed/>");
        Files.writeString(version.resolve("api.json"), "{}");
        Files.writeString(version.resolve("policy.yaml"), "version: \"1\"\n");
        Files.writeString(version.resolve("robots.txt"), "User-agent: *\n");
        Files.write(version.resolve("blob.bin"), new byte[] {1, 2, 3});
        Files.createDirectories(version.resolve("empty"));
        Files.writeString(tmp.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(version.resolve("escape"), tmp);
        Files.createSymbolicLink(version.resolve("escape.txt"), tmp.resolve("secret.txt"));
        link = tmp.resolve("site");
        Files.createSymbolicLink(link, version);
        start(link);
    }

    private void start(Path root) throws IOException {
        live = new LiveReload();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", new SiteHandler(root, live));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        live.closeAll();
        server.stop(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The raw status line and body for a request path sent as is (no client normalises it first). */
    private String raw(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFolderIsAnsweredWithItsIndexAndRedirectedToItsSlashFirst() throws Exception {
        HttpResponse<String> redirect = get("/tools/x?q=1");
        assertEquals(301, redirect.statusCode());
        assertEquals("/tools/x/?q=1", redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(raw("/tools//x").contains("\r\nLocation: /tools/x/\r\n"), raw("/tools//x"));
        assertFalse(raw("//tools").contains("\r\nLocation: //"), "never a protocol-relative //host: " + raw("//tools"));
        HttpResponse<String> page = get("/tools/x/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().startsWith("<html><body>tool x"), page.body());
        assertEquals(200, get("/").statusCode());
        assertTrue(get("/").body().contains("<h1>Home</h1>"));
    }

    @Test
    void eachKindOfFileHasItsContentType() throws Exception {
        assertEquals("text/html; charset=utf-8", type("/"));
        assertEquals("text/css; charset=utf-8", type("/assets/site.css"));
        assertEquals("text/javascript; charset=utf-8", type("/assets/site.js"));
        assertEquals("application/xml; charset=utf-8", type("/feed.xml"));
        assertEquals("application/json; charset=utf-8", type("/api.json"));
        assertEquals("application/yaml; charset=utf-8", type("/policy.yaml"));
        assertEquals("text/plain; charset=utf-8", type("/robots.txt"));
        assertEquals("application/octet-stream", type("/blob.bin"));
        assertEquals("no-store", get("/").headers().firstValue("Cache-Control").orElseThrow());
    }

    private String type(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path);
        return r.headers().firstValue("Content-Type").orElseThrow();
    }

    @Test
    void onlyHtmlGetsTheReloadScriptAndTheFilesOnDiskStayAsBuilt() throws Exception {
        String page = get("/tools/x/").body();
        assertTrue(page.contains("<script data-catalogue-serve>"), page);
        assertTrue(page.indexOf("data-catalogue-serve") < page.lastIndexOf("</body>"), "before </body>: " + page);
        assertTrue(page.contains(LiveReload.EVENTS));
        assertEquals("let a = '</body>';", get("/assets/site.js").body());
        assertEquals("body{}", get("/assets/site.css").body());
        assertFalse(Files.readString(link.resolve("tools/x/index.html")).contains("script"));
    }

    @Test
    void aMissingPageIsA404WithTheSitesOwnNotFoundPage() throws Exception {
        HttpResponse<String> r = get("/no/such/page/");
        assertEquals(404, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("Page not found"), r.body());
        assertTrue(r.body().contains("data-catalogue-serve"), "the 404 page reloads too");
        assertEquals(404, get("/empty/").statusCode(), "a folder without index.html");
    }

    @Test
    void nothingOutsideTheSiteIsReachable() throws Exception {
        for (String path : List.of("/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/tools/../../secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt",
                "/escape/secret.txt", "/escape.txt", "/escape/", "/./index.html", "/%00")) {
            String response = raw(path);
            assertFalse(response.contains("SECRET"), path + " leaked: " + response);
            assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), path + ": " + response);
        }
        assertNull(SiteHandler.resolve(link.toRealPath(), "/../secret.txt"));
        assertNull(SiteHandler.resolve(link.toRealPath(), "/escape/secret.txt"));
        assertNull(SiteHandler.resolve(link.toRealPath(), "relative"));
    }

    @Test
    void onlyGetAndHeadAreServed() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void theNewestBuildIsServedAsSoonAsTheLinkFlips() throws Exception {
        assertTrue(get("/").body().contains("<h1>Home</h1>"));
        Path two = Files.createDirectories(tmp.resolve("versions/two"));
        Files.writeString(two.resolve("index.html"), "<html><body><h1>Second</h1></body></html>");
        Path temp = tmp.resolve("site.tmp");
        Files.createSymbolicLink(temp, two);
        Files.move(temp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertTrue(get("/").body().contains("<h1>Second</h1>"));
    }

    @Test
    void beforeTheFirstGoodBuildEveryPageSaysSoAndCarriesTheScript() throws Exception {
        stop();
        start(tmp.resolve("not-built-yet"));
        HttpResponse<String> r = get("/tools/x/");
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("No successful build yet"), r.body());
        assertTrue(r.body().contains("data-catalogue-serve"));
    }

    @Test
    void theEventStreamSendsTheStateAtOnceAndEveryChangeAfter() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.getOutputStream().write(("GET " + LiveReload.EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertTrue(headers.get(0).startsWith("http/1.1 200"), headers.toString());
            assertTrue(headers.contains("content-type: text/event-stream; charset=utf-8"), headers.toString());
            assertEquals("data: {\"generation\":0,\"error\":null}", nextData(in));

            live.published();
            assertEquals("data: {\"generation\":1,\"error\":null}", nextData(in));
            live.failed("servers/a.yaml:3:1: error: <b>bad</b> \"quoted\"\nsecond line");
            assertEquals("data: {\"generation\":1,\"error\":\"servers/a.yaml:3:1: error: <b>bad</b> \\\"quoted\\\"\\nsecond line\"}",
                    nextData(in));
            live.published();
            assertEquals("data: {\"generation\":2,\"error\":null}", nextData(in));
        }
        // a page served now belongs to build 2
        assertTrue(get("/").body().contains("var built = 2;"));
    }

    /** Reads the chunked event stream up to the next {@code data:} line (chunk sizes and blank lines skipped). */
    private static String nextData(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("data: ")) {
                return line;
            }
        }
        throw new IOException("the stream ended");
    }
}
