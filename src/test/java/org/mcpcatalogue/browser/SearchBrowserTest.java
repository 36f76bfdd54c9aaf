package org.mcpcatalogue.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The search page over its sharded index, in headless Chromium, on a fixture catalogue built with the CLI: the
 * valid fixture catalogue plus a server, {@code records}, of 70 get_record_N (Read) and 70 delete_record_N
 * (Destructive) tools and one tool named just {@code record}, listed last. Every wait is for the result list's
 * {@code data-for} to name the search shown (search.js sets it once results are on the page), never for a time.
 */
class SearchBrowserTest {

    @TempDir
    static Path tmp;
    static Path site;
    static StaticServer server;
    static Browser browser;

    @BeforeAll
    static void buildAndServe() throws IOException {
        if (!Browser.isAvailable()) {
            return; // each test then skips, or fails in CI
        }
        Path catalogue = tmp.resolve("catalogue");
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/catalogues/valid"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = catalogue.resolve(Path.of("src/test/resources/catalogues/valid").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        StringBuilder b = new StringBuilder("slug: records\nname: Records Store\npublisher: example\n"
                + "repository: https://example.org/records\ndescription: Keeps records in a store.\nverified: 2026-01-01\n"
                + "source: written by a test\ntools:\n");
        for (int i = 0; i < 70; i++) {
            b.append("- {name: get_record_").append(i).append(", description: Return one stored entry by its number.,"
                    + " inputSchema: {type: object}, annotations: {readOnlyHint: true}}\n");
        }
        for (int i = 0; i < 70; i++) {
            b.append("- {name: delete_record_").append(i).append(", description: Permanently remove one stored entry.,"
                    + " inputSchema: {type: object}, annotations: {destructiveHint: true}}\n");
        }
        b.append("- {name: record, description: Return the store's own entry., inputSchema: {type: object},"
                + " annotations: {readOnlyHint: true}}\n");
        Files.writeString(catalogue.resolve("servers/records.yaml"), b);
        site = tmp.resolve("site");
        StringWriter err = new StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "build", "--catalogue", catalogue.toString(), "--out", site.toString(), "--templates", "templates", "--quiet");
        assertEquals(0, code, err.toString());
        server = StaticServer.start(site);
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

    @BeforeEach
    void needsChromium() {
        Browser.requireChromium();
    }

    /** Console errors seen by earlier tests (the browser keeps them all). */
    private static int errorsBefore;
    /** What a page opened from file:// may not load: the site's stylesheet and icon, root-relative as every link. */
    private boolean fromFile;

    @AfterEach
    void noConsoleErrors() {
        if (browser != null) {
            List<String> all = browser.consoleErrors();
            List<String> mine = all.subList(errorsBefore, all.size()).stream()
                    .filter(e -> !(fromFile && e.startsWith("file:///assets/"))).toList();
            errorsBefore = all.size();
            assertEquals(List.of(), mine, "console errors");
        }
    }

    @Test
    void aQueryFindsTheServerFirstByItsExactNameAndItsTools() {
        open("/search/?q=files");
        List<String> names = names();
        assertEquals("Files", names.get(0), names.toString());
        assertEquals("Server", browser.driver().findElement(By.cssSelector("#search-results > li:first-child .badge")).getText());
        assertTrue(names.containsAll(List.of("read_file", "delete_file", "files.stat")), names.toString());
        assertTrue(status().startsWith(names.size() + " results for \u201cfiles\u201d (1 server, "), status());
        assertEquals(server.url("/servers/files/"),
                browser.driver().findElement(By.cssSelector("#search-results > li:first-child a")).getAttribute("href"));
    }

    @Test
    void typingSearchesAndTheExactNameComesFirstThoughListedLast() {
        open("/search/");
        WebElement input = browser.driver().findElement(By.id("search-input"));
        input.sendKeys("record");
        waitForSearch("q=record");
        List<String> names = names();
        assertEquals("record", names.get(0), "the tool named exactly 'record' first: " + names);
        assertEquals(50, names.size());
        assertEquals("142 results for \u201crecord\u201d (1 server, 141 tools), showing 1\u201350.", status());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/search/?q=record"), browser.driver().getCurrentUrl());
    }

    @Test
    void facetsCombineAreReflectedInTheAddressAndTheAddressRestoresThem() {
        open("/search/?q=record");
        checkbox("category", "Destructive").click();
        waitForSearch("q=record&category=Destructive");
        assertEquals(70, names().size() + 20, "70 Destructive: a first page of 50"); // 50 shown of 70
        assertEquals("70 results for \u201crecord\u201d (70 tools), showing 1\u201350.", status());
        checkbox("risk", "Critical").click();
        waitForSearch("q=record&category=Destructive&risk=Critical");
        new Select(browser.driver().findElement(By.id("search-server"))).selectByValue("records");
        waitForSearch("q=record&category=Destructive&risk=Critical&server=records");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.endsWith("/search/?q=record&category=Destructive&risk=Critical&server=records"), url);
        List<String> filtered = names();
        assertTrue(filtered.stream().allMatch(n -> n.startsWith("delete_record_")), filtered.toString());
        assertEquals(List.of("Destructive"), distinct("#search-results .badge[class*='cat-']"));
        assertTrue(distinct("#search-results .badge[class*='risk-']").stream().allMatch(t -> t.startsWith("Critical")));
        String shown = status();

        // Back: the search before the server was chosen; forward: with it again.
        browser.driver().navigate().back();
        waitForSearch("q=record&category=Destructive&risk=Critical");
        assertEquals("", browser.driver().findElement(By.id("search-server")).getAttribute("value"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/search/?q=record&category=Destructive&risk=Critical"));
        browser.driver().navigate().forward();
        waitForSearch("q=record&category=Destructive&risk=Critical&server=records");
        assertEquals(filtered, names());

        // The same address in a fresh page gives the same search, controls included.
        browser.driver().get("about:blank");
        browser.driver().get(url);
        waitForSearch("q=record&category=Destructive&risk=Critical&server=records");
        assertEquals(filtered, names());
        assertEquals(shown, status());
        assertTrue(checkbox("category", "Destructive").isSelected() && checkbox("risk", "Critical").isSelected());
        assertEquals("records", browser.driver().findElement(By.id("search-server")).getAttribute("value"));
        assertEquals("record", browser.driver().findElement(By.id("search-input")).getAttribute("value"));

    }

    @Test
    void pagingGoesPastTheFirstFiftyAndBackAgain() {
        open("/search/?q=record");
        List<String> first = names();
        browser.driver().findElement(By.id("search-next")).sendKeys(Keys.ENTER);
        waitForSearch("q=record&page=2");
        List<String> second = names();
        assertEquals(50, second.size());
        assertTrue(second.stream().noneMatch(first::contains), "page 2 shows other results");
        assertEquals("Page 2 of 3", browser.driver().findElement(By.id("search-page")).getText());
        browser.driver().findElement(By.id("search-next")).sendKeys(Keys.ENTER);
        waitForSearch("q=record&page=3");
        assertEquals(42, names().size());
        assertEquals("142 results for \u201crecord\u201d (1 server, 141 tools), showing 101\u2013142.", status());
        assertTrue(browser.driver().findElement(By.id("search-next")).getAttribute("hidden") != null);
        browser.driver().navigate().back();
        waitForSearch("q=record&page=2");
        assertEquals(second, names());
    }

    @Test
    void riskLevelsAndCategoriesAreWordsToo() {
        open("/search/?q=destructive+record");
        assertEquals(70, total());
        open("/search/?q=critical");
        assertTrue(distinct("#search-results .badge[class*='risk-']").stream().allMatch(t -> t.contains("Critical")),
                distinct("#search-results .badge[class*='risk-']").toString());
        open("/search/?q=zzzqqq");
        assertEquals("No servers or tools match \u201czzzqqq\u201d.", status());
        assertEquals(0, names().size());
    }

    @Test
    void searchWorksFromFileUrls() {
        fromFile = true;
        browser.driver().get(site.resolve("search/index.html").toUri() + "?q=read_file");
        waitForSearch("q=read_file");
        assertEquals("read_file", names().get(0));
        assertTrue(browser.driver().findElement(By.cssSelector("#search-results > li:first-child a")).getAttribute("href")
                .endsWith("/tools/files/read-file/index.html"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void open(String path) {
        browser.driver().get(server.url(path));
        int q = path.indexOf('?');
        waitForSearch(q < 0 ? "" : path.substring(q + 1).replace("+", "%20").replace("%20", "+"));
    }

    /** Waits until the results shown are those of {@code query} (the page's own serialisation of its state). */
    private static void waitForSearch(String query) {
        browser.waitFor(() -> "ready".equals(browser.js("return document.getElementById('search-results').dataset.state;"))
                && query.equals(browser.js("return document.getElementById('search-results').dataset.for;")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> names() {
        return (List<String>) browser.js("return [...document.querySelectorAll('#search-results > li > a')].map(a => a.textContent);");
    }

    @SuppressWarnings("unchecked")
    private static List<String> distinct(String css) {
        return (List<String>) browser.js("return [...new Set([...document.querySelectorAll(arguments[0])].map(e => e.textContent))];", css);
    }

    private static String status() {
        return browser.driver().findElement(By.id("search-status")).getText();
    }

    private static int total() {
        return Integer.parseInt(status().substring(0, status().indexOf(' ')));
    }

    private static WebElement checkbox(String name, String value) {
        return browser.driver().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    }
}
