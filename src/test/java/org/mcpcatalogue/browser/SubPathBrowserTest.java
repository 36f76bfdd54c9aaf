package org.mcpcatalogue.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.site.SiteFixture;

/**
 * The fixture site built with {@code --base-url http://127.0.0.1:PORT/sub/} and served under {@code /sub/} only,
 * as a host serving it from a sub-path would. Chromium opens every page reachable from the home page; every
 * link, stylesheet and script the browser resolves on the server must load, stay under {@code /sub/}, and
 * (for a {@code #fragment}) name an id of its page. The fixture's attack page links {@code /attacks/…} and
 * {@code /categories/…} from its root, as the catalogue's own attack pages do.
 */
class SubPathBrowserTest {

    @TempDir
    static Path tmp;
    static StaticServer server;
    static Browser browser;

    @BeforeAll
    static void buildAndServe() throws Exception {
        Browser.requireChromium();
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        server = StaticServer.start(site, "/sub");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true),
                "build", "--catalogue", SiteFixture.FIXTURE.toString(), "--out", site.toString(), "--templates", "templates",
                "--base-url", server.url("/sub/"), "--quiet");
        assertEquals(0, code, err.toString());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPageReachableUnderTheSubPathHasNoBrokenLink() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        String origin = server.baseUrl();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(server.url("/sub/")));
        Set<String> visited = new LinkedHashSet<>();
        Map<String, Integer> status = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int links = 0;
        while (!queue.isEmpty()) {
            String page = queue.poll();
            if (!visited.add(page)) {
                continue;
            }
            browser.driver().get(page);
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) browser.js("return Array.from(document.querySelectorAll('a[href], link[href], script[src]'))"
                    + ".map(e => e.href || e.src).filter(u => typeof u === 'string');");
            for (String url : urls) {
                if (!url.startsWith(origin + "/")) {
                    continue;
                }
                links++;
                URI uri = URI.create(url);
                String target = origin + uri.getRawPath();
                if (!uri.getRawPath().startsWith("/sub/")) {
                    broken.add(page + " → " + url + " (outside /sub/)");
                    continue;
                }
                int s = status.computeIfAbsent(target, t -> get(http, t, ids));
                if (s != 200) {
                    broken.add(page + " → " + url + " (" + s + ")");
                    continue;
                }
                String fragment = uri.getFragment();
                if (fragment != null && !fragment.isEmpty() && ids.containsKey(target) && !ids.get(target).contains(fragment)) {
                    broken.add(page + " → " + url + " (no id " + fragment + ")");
                }
                if (ids.containsKey(target) && !visited.contains(target)) {
                    queue.add(target);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(visited.contains(server.url("/sub/attacks/runaway-loops/")), visited.toString());
        assertTrue(visited.size() > 20, visited.size() + " pages: " + visited);
        assertTrue(links > 200, links + " links checked");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The status of a URL; for an HTML page, its ids are recorded too. */
    private static int get(HttpClient http, String url, Map<String, Set<String>> ids) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                Set<String> found = new java.util.HashSet<>();
                Jsoup.parse(r.body()).select("[id]").forEach(e -> found.add(e.id()));
                ids.put(url, found);
            }
            return r.statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
