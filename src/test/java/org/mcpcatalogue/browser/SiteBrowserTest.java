package org.mcpcatalogue.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real catalogue (catalogue/) built with the CLI, served on localhost, and used in headless Chromium as a
 * reader would. Screenshots go to target/screenshots/.
 */
class SiteBrowserTest {

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
                "build", "--catalogue", "catalogue", "--out", site.toString(), "--templates", "templates", "--quiet");
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

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser.driver(), Browser.PATIENCE);
    }

    @Test
    void searchingGenerateImageFindsBothSeedTools() {
        browser.desktop();
        browser.driver().get(server.url("/search/"));
        WebElement input = browser.driver().findElement(By.id("search-input"));
        input.sendKeys("generate_image");
        // The results for the whole name, not for a part typed before it (a slow machine shows those too).
        waitFor().until(d -> d.findElement(By.id("search-status")).getText().contains("\u201cgenerate_image\u201d"));
        assertTrue(browser.driver().findElements(By.cssSelector("#search-results li")).size() >= 2);
        List<String> links = browser.driver().findElements(By.cssSelector("#search-results li a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertTrue(links.contains(server.url("/tools/together-ai/generate-image/")), links.toString());
        assertTrue(links.contains(server.url("/tools/hzzy2o-flux-cloudfare-mcp/generate-image/")), links.toString());
        browser.screenshot("search-generate-image");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theTogetherAiPageShowsExecuteHighThreeAndTheCopyButtonCopiesTheSnippet() {
        browser.desktop();
        browser.driver().get(server.url("/tools/together-ai/generate-image/"));
        assertEquals("High · 3/5", browser.driver().findElement(By.cssSelector(".badge.risk-high")).getText());
        assertEquals("Execute", browser.driver().findElement(By.cssSelector(".badge.cat-execute")).getText());
        String snippet = browser.driver().findElement(By.id("policy-snippet")).getAttribute("textContent");
        assertTrue(snippet.contains("rate_limit: \"10/minute\""), snippet);
        WebElement copy = browser.driver().findElement(By.cssSelector("button.copy[data-copy-target=policy-snippet]"));
        waitFor().until(d -> copy.isDisplayed());
        copy.click();
        waitFor().until(d -> snippet.equals(browser.clipboardText()));
        assertEquals(snippet, browser.clipboardText());
        browser.screenshot("together-ai-generate-image-desktop");
        browser.colorScheme(true);
        browser.screenshot("together-ai-generate-image-dark");
        browser.colorScheme(false);
        browser.mobile();
        browser.screenshot("together-ai-generate-image-mobile");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void thePolicyDownloadIsYamlThatPolicyCheckAccepts() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url("/policies/together-ai.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        Path file = tmp.resolve("together-ai.yaml");
        Files.writeString(file, r.body());
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                "policy", "check", file.toString());
        assertEquals(0, code, out.toString());
        assertEquals(file + ": valid\n", out.toString());
    }

    @Test
    void noPageHasABrokenLinkAndNoneLogsAConsoleError() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new HashSet<>(queue);
        int pages = 0;
        while (!queue.isEmpty()) {
            String path = queue.poll();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            if (!r.headers().firstValue("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            pages++;
            for (var a : Jsoup.parse(r.body()).select("a[href], link[href], script[src]")) {
                String href = a.hasAttr("src") ? a.attr("src") : a.attr("href");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    String p = href.replaceAll("#.*$", "").replaceAll("\\?.*$", "");
                    if (seen.add(p)) {
                        queue.add(p);
                    }
                }
            }
        }
        assertTrue(pages >= 20, "crawled " + pages + " pages");
        for (String path : List.of("/", "/servers/together-ai/", "/categories/execute/", "/attacks/tool-poisoning/", "/risk/high/")) {
            browser.driver().get(server.url(path));
            assertEquals(List.of(), browser.consoleErrors(), path);
        }
        browser.driver().get(server.url("/"));
        browser.screenshot("home");
    }
}
