package org.mcpcatalogue.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Verdict first (issue 13.1), measured in headless Chromium: on a tool page the verdict panel and its policy snippet
 * end within the first 800 px at 1280 × 800 and within the first screen at 390 × 844; a server page lists its tools
 * riskiest first. The fixture catalogue src/test/resources/sites/verdict/ holds the real Together AI server file
 * (catalogue/servers/together-ai.yaml); its generate_image page is saved at both widths under target/screenshots/.
 */
class VerdictFirstBrowserTest {

    static final Path FIXTURE = Path.of("src/test/resources/sites/verdict");

    @TempDir
    static Path tmp;
    static StaticServer server;
    static Browser browser;

    @BeforeAll
    static void buildAndServe() {
        Browser.requireChromium();
        Path site = tmp.resolve("site");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true),
                "build", "--catalogue", FIXTURE.toString(), "--out", site.toString(), "--templates", "templates", "--quiet");
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

    /** Opens {@code path} and waits until the page has loaded and copy.js has shown the snippet's copy button. */
    private static void open(String path, boolean snippetButtons) {
        browser.driver().get(server.url(path));
        browser.waitFor(() -> "complete".equals(browser.js("return document.readyState")));
        browser.waitFor(() -> Boolean.TRUE.equals(browser.js("return document.fonts ? document.fonts.status === 'loaded' : true")));
        if (snippetButtons) {
            browser.waitFor(() -> browser.driver().findElement(By.cssSelector("button.copy[data-copy-target=policy-snippet]")).isDisplayed());
        }
    }

    /** The bottom edge of the first element matching {@code css}, in CSS pixels from the top of the document. */
    private static double bottom(String css) {
        Object v = browser.js("const e = document.querySelector(arguments[0]);"
                + "return e ? e.getBoundingClientRect().bottom + window.scrollY : -1;", css);
        return ((Number) v).doubleValue();
    }

    private static void assertWithinFirstScreen(int width, int height, boolean mobile, String screenshot) {
        browser.viewport(width, height, mobile);
        open("/tools/together-ai/generate-image/", true);
        browser.js("window.scrollTo(0, 0)");
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        double panel = bottom("section.verdict");
        double snippet = bottom("section.verdict figure.snippet");
        double copy = bottom("section.verdict button.copy");
        double download = bottom("section.verdict button.download");
        Map<String, Double> where = Map.of("panel", panel, "snippet", snippet, "copy", copy, "download", download);
        for (var e : where.entrySet()) {
            assertTrue(e.getValue() > 0 && e.getValue() <= height, width + "×" + height + ": the " + e.getKey()
                    + " ends at " + e.getValue() + " px " + where);
        }
        // Generic category text comes after the panel.
        assertTrue(bottom("#category-heading") > panel, "category text above the verdict");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theVerdictPanelAndSnippetEndWithinTheFirst800PixelsAt1280By800() {
        assertWithinFirstScreen(1280, 800, false, "together-ai-generate-image-verdict-1280");
    }

    @Test
    void theVerdictPanelAndSnippetEndWithinTheFirstScreenAt390By844() {
        assertWithinFirstScreen(390, 844, true, "together-ai-generate-image-verdict-390");
    }

    @Test
    void aLongDescriptionIsCollapsedAndOpensWithItsControl() {
        browser.viewport(1280, 800, false);
        open("/tools/acme-files/list-files/", true);
        // A long description does not push the verdict down: it comes after the panel, collapsed.
        double panel = bottom("section.verdict");
        assertTrue(panel > 0 && panel <= 800, "the panel ends at " + panel + " px");
        WebElement details = browser.driver().findElement(By.cssSelector("details.description-full"));
        WebElement full = details.findElement(By.cssSelector("p.description"));
        assertTrue(!full.isDisplayed(), "the full description is shown before the control is used");
        details.findElement(By.tagName("summary")).click();
        browser.waitFor(full::isDisplayed);
        assertTrue(full.getText().contains("Directories end with a slash"), full.getText());
    }

    @Test
    void aServerPageListsItsToolsRiskiestFirstBelowItsSummary() {
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            browser.viewport(size[0], size[1], size[0] < 600);
            open("/servers/repo-host/", false);
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#tools-heading ~ .table-wrap tbody tr"));
            List<Integer> scores = new ArrayList<>();
            for (WebElement row : rows) {
                String risk = row.findElement(By.cssSelector("td:nth-of-type(2) .badge")).getText();
                scores.add(Integer.parseInt(risk.replaceAll(".*(\\d)/5.*", "$1")));
            }
            assertEquals(6, scores.size(), scores.toString());
            for (int i = 1; i < scores.size(); i++) {
                assertTrue(scores.get(i - 1) >= scores.get(i), "not riskiest first: " + scores);
            }
            assertEquals("create_refund", rows.get(0).findElement(By.cssSelector("th")).getText());
            // The summary with the policy download comes before the list, on the first screen.
            double download = bottom("section.server-summary a[download]");
            assertTrue(download > 0 && download <= size[1], size[0] + ": the policy download ends at " + download + " px");
            assertTrue(bottom("#tools-heading") > download);
        }
        assertEquals(List.of(), browser.consoleErrors());
    }
}
