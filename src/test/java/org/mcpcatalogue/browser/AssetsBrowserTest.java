package org.mcpcatalogue.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.mcpcatalogue.render.search.SearchIndexBuilder;
import org.mcpcatalogue.render.search.SearchRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared assets in {@code templates/assets/} (site.css, copy.js, search.js) in a real headless Chromium, on
 * a small fixture site: {@code src/test/resources/browser-site/} plus the assets and a search index of three tools
 * and their servers written by {@link SearchIndexBuilder}, copied into a temporary directory and published under the base path {@code /catalogue/}, as on a
 * project site. Screenshots of every fixture page, light and dark, desktop and 375 px, go to
 * {@code target/screenshots/}.
 *
 * <p>No test depends on the machine's speed: each waits for the state it needs (the status line naming the
 * query typed last, a label the page recorded, the address), never for a fixed time, and never for an
 * intermediate state that a slow machine may show (a result count that a partly typed query also gives), nor
 * for one that a slow machine may miss (the copy button's two-second "Copied").
 */
class AssetsBrowserTest {

    /** The first file of the search index that search.js loads. */
    private static final String INDEX = "/catalogue/search/manifest.js";
    private static final String SEARCH = "/catalogue/search/";
    private static final String TOOL = "/catalogue/tools/together-ai/generate-image/";
    private static final String HOME = "/catalogue/";

    @TempDir
    static Path site;

    private static Browser browser;
    private static StaticServer server;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.isAvailable()) {
            return; // each test then skips, or fails in CI, in reset()
        }
        copyTree(Path.of("src/test/resources/browser-site"), site);
        copyTree(Path.of("templates/assets"), site.resolve("catalogue/assets"));
        writeIndex(site.resolve("catalogue/search"), fixtureRecords());
        writeBigIndex(site.resolve("catalogue/big"), 63);
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
    void reset() {
        Browser.requireChromium();
        browser.desktop();
        browser.colorScheme(false);
        server.resetCounts();
    }

    @AfterEach
    void noConsoleErrorsAndNothingFromOutside() {
        if (browser == null) {
            return;
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
        // Every resource the page loaded came from the local server: no CDN, no web font.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.js(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        for (String url : resources) {
            assertTrue(url.startsWith(server.baseUrl() + "/"), "fetched from outside: " + url);
        }
    }

    @Test
    void typingGenerateImageListsBothToolsAndLoadsTheIndexOnlyThen() {
        open(SEARCH);
        // The page has loaded and search.js has run (deferred scripts run before the load event ends).
        assertEquals(1, server.requests("/catalogue/assets/search.js"), "the page and its script loaded");
        assertEquals(0, server.requests(INDEX), "index loaded before search was used");

        WebElement input = browser.driver().findElement(By.id("search-input"));
        input.sendKeys("generate_image");
        waitForStatus("2 results for \u201cgenerate_image\u201d (2 tools).");
        List<WebElement> results = results();
        assertEquals(1, server.requests(INDEX), "index loaded once, on first use");

        assertEquals(List.of("generate_image", "generate_image"), texts(results, "a"));
        List<String> hrefs = results.stream().map(r -> r.findElement(By.tagName("a")).getAttribute("href")).toList();
        assertTrue(hrefs.contains(server.url("/catalogue/tools/together-ai/generate-image/")), hrefs.toString());
        assertTrue(hrefs.contains(server.url("/catalogue/tools/image-studio/generate-image/")), hrefs.toString());
        List<String> categories = results.stream()
                .map(r -> r.findElement(By.cssSelector(".badge[class*='cat-']")).getAttribute("class")).toList();
        assertTrue(categories.containsAll(List.of("badge cat-execute", "badge cat-write")), categories.toString());

        // Index text is shown as text: no markup from the index reaches the DOM.
        String listText = browser.driver().findElement(By.id("search-results")).getText();
        assertTrue(listText.contains("Image Studio <b>&amp;</b>"), listText);
        assertTrue(listText.contains("<script>alert(1)</script>"), listText);
        assertEquals(0L, browser.js("return document.querySelectorAll('#search-results b, #search-results script').length;"));

        // Underscores, spaces and hyphens all split words: "generate image" finds the same two.
        retype(input, "generate image");
        waitForStatus("2 results for \u201cgenerate image\u201d (2 tools).");
        assertEquals(List.of("generate_image", "generate_image"), resultNames());

        // The last word is a prefix while typing; a query for another tool narrows to it.
        retype(input, "genera");
        waitForStatus("2 results for \u201cgenera\u201d (2 tools).");
        assertEquals(List.of("generate_image", "generate_image"), resultNames());
        retype(input, "read file");
        waitForStatus("1 result for \u201cread file\u201d (1 tool).");
        assertEquals(List.of("read_file"), resultNames());
        assertEquals(1, server.requests(INDEX), "index loaded once in all");
        assertEquals(1, server.requests("/catalogue/search/facets.js"), "facets loaded once in all");
        assertTrue(browser.driver().getCurrentUrl().endsWith("?q=read+file"), browser.driver().getCurrentUrl());
    }

    @Test
    void queryInTheAddressPrefillsTheBoxAndShowsResults() {
        open(SEARCH + "?q=generate");
        List<WebElement> results = waitForResults(2);
        assertEquals("generate", browser.driver().findElement(By.id("search-input")).getAttribute("value"));
        assertEquals(List.of("generate_image", "generate_image"), texts(results, "a"));
        assertEquals(1, server.requests(INDEX));

        open(SEARCH + "?q=zzzqqq");
        waitFor(() -> status().startsWith("No servers or tools match"));
        assertEquals(0, results().size());
    }

    @Test
    void fiftyResultsAPageAreShownAndAllCounted() {
        open("/catalogue/big/?q=list");
        assertEquals(50, waitForResults(50).size());
        assertEquals("63 results for \u201clist\u201d (63 tools), showing 1\u201350.", status());
        // The exact name ranks first.
        retype(browser.driver().findElement(By.id("search-input")), "list_items_7");
        waitFor(() -> status().contains("\u201clist_items_7\u201d"));
        assertEquals("list_items_7", resultNames().get(0));
    }

    @Test
    void theHeaderSearchFormOpensTheSearchPage() {
        open(TOOL);
        WebElement box = browser.driver().findElement(By.id("header-q"));
        box.sendKeys("read_file", Keys.ENTER);
        waitFor(() -> browser.driver().getCurrentUrl().contains("/catalogue/search/?q=read_file"));
        waitForNames(List.of("read_file"));
    }

    @Test
    void arrowKeysMoveBetweenTheBoxAndTheResults() {
        open(SEARCH + "?q=generate");
        waitForResults(2);
        WebElement input = browser.driver().findElement(By.id("search-input"));
        input.click();
        input.sendKeys(Keys.ARROW_DOWN);
        List<WebElement> links = browser.driver().findElements(By.cssSelector("#search-results a"));
        assertEquals(links.get(0), browser.driver().switchTo().activeElement());
        links.get(0).sendKeys(Keys.ARROW_DOWN);
        assertEquals(links.get(1), browser.driver().switchTo().activeElement());
        links.get(1).sendKeys(Keys.ARROW_UP);
        links.get(0).sendKeys(Keys.ARROW_UP);
        assertEquals(input, browser.driver().switchTo().activeElement());
        input.sendKeys(Keys.ESCAPE);
        waitFor(() -> results().isEmpty());
        assertEquals("", input.getAttribute("value"));
    }

    @Test
    void copyButtonPutsTheExactSnippetOnTheClipboard() {
        open(TOOL);
        WebElement button = browser.driver().findElement(By.cssSelector("button.copy[data-copy-target='policy-yaml']"));
        assertTrue(button.isDisplayed(), "copy.js shows the button it enhances");
        String expected = (String) browser.js("return document.getElementById('policy-yaml').textContent;");
        assertTrue(expected.startsWith("version: \"1\"\n") && expected.contains("\n      - name: \"cap image count\"\n"),
                expected);

        recordLabels(button);
        button.click();
        waitFor(() -> labels().contains("Copied"));
        assertEquals(expected, browser.clipboardText());
        waitFor(() -> "Copied to the clipboard".equals(
                browser.js("return document.getElementById('copy-status').textContent;")));
        assertEquals("polite", browser.js("return document.getElementById('copy-status').getAttribute('aria-live');"));
        // "Copied" for a while, then the label again.
        waitFor(() -> labels().equals(List.of("Copy", "Copied", "Copy")));
    }

    @Test
    void copyFallsBackToExecCommandWithoutTheClipboardApi() {
        // Hide the Clipboard API before copy.js runs, as on a browser or origin without it.
        Object script = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true});"))
                .get("identifier");
        String expected;
        try {
            open(TOOL);
            assertEquals(Boolean.TRUE, browser.js("return navigator.clipboard === undefined;"));
            expected = (String) browser.js("return document.getElementById('policy-yaml').textContent;");
            WebElement button = browser.driver().findElement(By.cssSelector("button.copy"));
            recordLabels(button);
            button.click();
            waitFor(() -> labels().contains("Copied"));
        } finally {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }
        open(HOME);
        assertEquals(expected, browser.clipboardText());
    }

    @Test
    void pagesWithoutCopyButtonsOrSearchBoxesRaiseNoErrors() {
        open(HOME);
        assertEquals(0L, browser.js("return document.querySelectorAll('#copy-status').length;"));
        open(TOOL);
        assertEquals(0, server.requests(INDEX));
    }

    @Test
    void nothingOverflowsAPhoneScreen() {
        browser.mobile();
        for (String page : List.of(HOME, TOOL, SEARCH + "?q=generate")) {
            open(page);
            if (page.contains("?q=")) {
                waitForResults(2);
            }
            Number width = (Number) browser.js("return document.documentElement.scrollWidth;");
            assertTrue(width.intValue() <= Browser.MOBILE_WIDTH, page + " is " + width + " px wide at 375 px");
        }
    }

    @Test
    void textContrastMeetsWcagAaInBothThemes() {
        for (boolean dark : new boolean[] {false, true}) {
            browser.colorScheme(dark);
            for (String page : List.of(HOME, TOOL, SEARCH + "?q=generate")) {
                open(page);
                if (page.contains("?q=")) {
                    waitForResults(2);
                }
                @SuppressWarnings("unchecked")
                List<String> failures = (List<String>) browser.js(CONTRAST_SCRIPT);
                assertEquals(List.of(), failures, (dark ? "dark " : "light ") + page);
            }
        }
    }

    @Test
    void theSkipLinkAppearsOnFirstTabAndLeadsToMain() {
        for (boolean dark : new boolean[] {false, true}) {
            browser.colorScheme(dark);
            open(TOOL);
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement skip = browser.driver().switchTo().activeElement();
            assertEquals("skip-link", skip.getAttribute("class"));
            Number top = (Number) browser.js("return arguments[0].getBoundingClientRect().top;", skip);
            assertTrue(top.doubleValue() >= 0, "skip link is on screen when focused: top " + top);
            assertFalse(((String) browser.js("return getComputedStyle(arguments[0]).outlineStyle;", skip)).equals("none"),
                    "focus ring");
            browser.screenshot("focus-skip-link-" + (dark ? "dark" : "light"));
            skip.sendKeys(Keys.ENTER);
            waitFor(() -> browser.driver().getCurrentUrl().endsWith("#main"));
        }
    }

    @Test
    void screenshots() {
        for (String width : List.of("desktop", "mobile")) {
            for (boolean dark : new boolean[] {false, true}) {
                if (width.equals("mobile")) {
                    browser.mobile();
                } else {
                    browser.desktop();
                }
                browser.colorScheme(dark);
                String suffix = "-" + width + "-" + (dark ? "dark" : "light");
                open(HOME);
                browser.screenshot("home" + suffix);
                open(TOOL);
                browser.screenshot("tool" + suffix);
                open(SEARCH + "?q=generate");
                waitForResults(2);
                browser.screenshot("search" + suffix);
            }
        }
        assertTrue(Files.isRegularFile(Browser.SCREENSHOTS.resolve("search-mobile-dark.png")));
    }

    /**
     * For every element with its own text: the contrast of its colour against the first opaque background
     * behind it (WCAG relative luminance), 4.5:1 required (3:1 for large text). Returns the failures.
     */
    private static final String CONTRAST_SCRIPT = """
            const rgb = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
              const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
              return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const bg = el => { for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a >= 0.99) return c; }
              return {r: 255, g: 255, b: 255, a: 1}; };
            const failures = [];
            for (const el of document.querySelectorAll('body *')) {
              const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
              if (!own || el.closest('.visually-hidden, .skip-link, noscript, script, style')) continue;
              if (el.getClientRects().length === 0) continue;
              const cs = getComputedStyle(el), fg = rgb(cs.color), b = bg(el);
              const hi = Math.max(lum(fg), lum(b)), lo = Math.min(lum(fg), lum(b));
              const ratio = (hi + 0.05) / (lo + 0.05);
              const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
              const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < need) failures.push(el.tagName.toLowerCase() + '.' + el.className + ' "'
                + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2) + ' < ' + need);
            }
            return failures;
            """;

    // ---- helpers ----------------------------------------------------------------------------------------

    private static void open(String path) {
        browser.driver().get(server.url(path));
    }

    private static String status() {
        return browser.driver().findElement(By.id("search-status")).getText();
    }

    private static List<WebElement> results() {
        return browser.driver().findElements(By.cssSelector("#search-results > li"));
    }

    /** The result links' texts, read in one script so a re-render cannot make them stale. */
    @SuppressWarnings("unchecked")
    private static List<String> resultNames() {
        return (List<String>) browser.js(
                "return [...document.querySelectorAll('#search-results > li > a')].map(a => a.textContent);");
    }

    /** Waits until the status line reads {@code expected}: the search for the query typed last has been shown. */
    private static void waitForStatus(String expected) {
        waitFor(() -> status().equals(expected));
    }


    /**
     * Records every label the button shows from now on (a MutationObserver in the page), so that a label shown
     * only briefly is seen however slowly this test gets to look.
     */
    private static void recordLabels(WebElement button) {
        browser.js("const b = arguments[0]; window.__labels = [b.textContent];"
                + "new MutationObserver(() => window.__labels.push(b.textContent))"
                + ".observe(b, {childList: true, characterData: true, subtree: true});", button);
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels() {
        return (List<String>) browser.js("return window.__labels;");
    }

    private static void waitForNames(List<String> expected) {
        waitFor(() -> resultNames().equals(expected));
    }

    private static List<WebElement> waitForResults(int count) {
        waitFor(() -> results().size() == count);
        return results();
    }

    private static void retype(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static List<String> texts(List<WebElement> elements, String tag) {
        return elements.stream().map(e -> e.findElement(By.tagName(tag)).getText()).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        browser.waitFor(condition);
    }

    /** A copy of the search page over an index of {@code count} tools named list_items_N, each on a server of its own. */
    private static void writeBigIndex(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Files.copy(site.resolve("catalogue/search/index.html"), dir.resolve("index.html"));
        List<SearchRecord> records = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String slug = String.format("s%03d", i);
            records.add(new SearchRecord(SearchRecord.Kind.SERVER, "Server " + i, slug, "Server " + i, "", "Low", 1, "", "/servers/" + slug + "/"));
            records.add(new SearchRecord(SearchRecord.Kind.TOOL, "list_items_" + i, slug, "Server " + i, "Read", "Low", 1, "List items",
                    "/tools/" + slug + "/list-items-" + i + "/"));
        }
        writeIndex(dir, records);
    }

    /** The fixture's three tools and their servers (names and descriptions with markup, to show it stays text). */
    private static List<SearchRecord> fixtureRecords() {
        String studio = "Image Studio <b>&amp;</b>";
        return List.of(
                new SearchRecord(SearchRecord.Kind.SERVER, "Filesystem", "filesystem", "Filesystem", "", "Low", 1, "", "/servers/filesystem/"),
                new SearchRecord(SearchRecord.Kind.TOOL, "read_file", "filesystem", "Filesystem", "Read", "Low", 1,
                        "Read the complete contents of a file from the file system", "/tools/filesystem/read-file/"),
                new SearchRecord(SearchRecord.Kind.SERVER, studio, "image-studio", studio, "", "Medium", 2, "", "/servers/image-studio/"),
                new SearchRecord(SearchRecord.Kind.TOOL, "generate_image", "image-studio", studio, "Write", "Medium", 2,
                        "Create an image from a text prompt and save it to <script>alert(1)</script> the output folder",
                        "/tools/image-studio/generate-image/"),
                new SearchRecord(SearchRecord.Kind.SERVER, "Together AI", "together-ai", "Together AI", "", "High", 3, "", "/servers/together-ai/"),
                new SearchRecord(SearchRecord.Kind.TOOL, "generate_image", "together-ai", "Together AI", "Execute", "High", 3,
                        "Generate images using Flux.1 Schnell model", "/tools/together-ai/generate-image/"));
    }

    private static void writeIndex(Path dir, List<SearchRecord> records) throws IOException {
        SearchIndexBuilder builder = new SearchIndexBuilder("", o -> {
            Path file = dir.resolve(o.path());
            Files.createDirectories(file.getParent());
            Files.write(file, o.bytes());
        }, SearchIndexBuilder.Options.DEFAULT);
        for (SearchRecord r : records) {
            builder.add(r);
        }
        builder.finish();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
