package org.mcpcatalogue.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link StaticServer} without a browser: content types, directory indexes, 404s and the request count. */
class StaticServerTest {

    @TempDir
    static Path site;

    private static StaticServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(site.resolve("docs/a"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("404.html"), "<h1>lost</h1>");
        Files.writeString(site.resolve("docs/a/index.html"), "<h1>a</h1>");
        for (String ext : new String[] {"css", "js", "json", "xml", "yaml", "svg", "txt"}) {
            Files.writeString(site.resolve("docs/file." + ext), "x");
        }
        Files.writeString(site.getParent().resolve("outside-" + site.getFileName() + ".txt"), "secret");
        server = StaticServer.start(site);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "/docs/file.css,  text/css; charset=utf-8",
        "/docs/file.js,   text/javascript; charset=utf-8",
        "/docs/file.json, application/json; charset=utf-8",
        "/docs/file.xml,  application/xml; charset=utf-8",
        "/docs/file.yaml, application/yaml; charset=utf-8",
        "/docs/file.svg,  image/svg+xml",
        "/docs/file.txt,  text/plain; charset=utf-8",
        "/,               text/html; charset=utf-8",
    })
    void servesFilesWithTheirContentTypes(String path, String type) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode());
        assertEquals(type, response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void directoriesServeTheirIndexAndRedirectWithoutTheSlash() throws Exception {
        assertEquals("<h1>a</h1>", get("/docs/a/").body());
        HttpResponse<String> redirect = get("/docs/a?q=1");
        assertEquals(301, redirect.statusCode());
        assertEquals("/docs/a/?q=1", redirect.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void unknownPathsGetThe404PageAndNothingOutsideTheRootIsServed() throws Exception {
        HttpResponse<String> missing = get("/nope/");
        assertEquals(404, missing.statusCode());
        assertEquals("<h1>lost</h1>", missing.body());
        HttpResponse<String> escape = get("/../outside-" + site.getFileName() + ".txt");
        assertEquals(404, escape.statusCode());
        HttpResponse<String> encoded = get("/%2e%2e/outside-" + site.getFileName() + ".txt");
        assertEquals(404, encoded.statusCode());
    }

    @Test
    void countsRequestsByPath() throws Exception {
        int before = server.requests("/docs/file.json");
        get("/docs/file.json?v=1");
        get("/docs/file.json");
        assertEquals(before + 2, server.requests("/docs/file.json"));
        assertTrue(server.requestLog().contains("GET /docs/file.json 200"), server.requestLog().toString());
        assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
    }
}
