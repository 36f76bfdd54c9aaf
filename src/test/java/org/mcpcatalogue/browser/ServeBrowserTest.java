package org.mcpcatalogue.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.cli.BuildCommandSiteBuilder;
import org.mcpcatalogue.serve.DevServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code catalogue serve} in headless Chromium: a copy of the small valid fixture catalogue is served, a tool page is
 * opened, and the test edits the catalogue as a contributor would and waits (on the page's content, never a fixed
 * time) for the open page to change by itself: the new description after a save, the error overlay after a broken
 * save, and the overlay gone after the fix.
 */
class ServeBrowserTest {

    static final String PAGE = "/tools/files/read-file/";
    static final String OLD = "Read the complete contents of a file.";

    @TempDir
    Path tmp;
    Path serverFile;
    DevServer serve;
    String url;
    Browser browser;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        Browser.requireChromium();
        Path catalogue = tmp.resolve("catalogue");
        copy(Path.of("src/test/resources/catalogues/valid"), catalogue);
        serverFile = catalogue.resolve("servers/files.yaml");
        serve = new DevServer(new DevServer.Options(catalogue, Path.of("templates"), 0, false), new BuildCommandSiteBuilder(),
                new PrintWriter(out, true), new PrintWriter(err, true));
        url = serve.start(); // returns once "serving URL" is printed: the first build is done and the server answers
        assertTrue(out.toString().contains("serving " + url), out.toString());
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (serve != null) {
            serve.close();
            assertFalse(Files.exists(serve.workDir()), "the temporary folder is deleted");
        }
    }

    @Test
    void aSavedEditShowsInTheOpenPageWithoutTheTestReloadingIt() throws IOException {
        browser.driver().get(url + PAGE.substring(1));
        assertTrue(body().contains(OLD), body());
        browser.js("window.notReloadedYet = true;");

        String edited = Files.readString(serverFile).replace(OLD, "Read a whole file, edited while served.");
        assertFalse(edited.equals(Files.readString(serverFile)));
        Files.writeString(serverFile, edited);

        browser.waitFor(() -> body().contains("Read a whole file, edited while served."));
        assertEquals(null, browser.js("return window.notReloadedYet === undefined ? null : true;"), "the page reloaded itself");
        assertFalse(body().contains(OLD));
        assertTrue(out.toString().contains("rebuilt in "), out.toString());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aBrokenSaveShowsTheErrorOverThePageUntilItIsFixed() throws IOException {
        browser.driver().get(url + PAGE.substring(1));
        String good = Files.readString(serverFile);
        Files.writeString(serverFile, good + "  - name: <b>broken\n    description: [unclosed\n");

        browser.waitFor(() -> !browser.driver().findElements(By.id("catalogue-serve-error")).isEmpty());
        WebElement overlay = browser.driver().findElement(By.id("catalogue-serve-error"));
        assertTrue(overlay.isDisplayed());
        String shown = overlay.getText();
        assertTrue(shown.contains("files.yaml:"), shown);
        assertTrue(shown.contains(": error: "), shown);
        assertTrue(overlay.findElements(By.tagName("b")).isEmpty(), "the error is text, never markup");
        assertTrue(body().contains(OLD), "the last good build stays underneath");
        browser.screenshot("serve-build-error-overlay");
        assertTrue(err.toString().lines().anyMatch(l -> l.matches(".*files\\.yaml:\\d+:\\d+: error: .*")), err.toString());
        assertTrue(err.toString().contains("build failed; still serving the last good build"), err.toString());

        Files.writeString(serverFile, good.replace(OLD, "Fixed again."));
        browser.waitFor(() -> body().contains("Fixed again."));
        assertTrue(browser.driver().findElements(By.id("catalogue-serve-error")).isEmpty());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aPageOpenedWhileTheBuildIsBrokenShowsTheOverlayAtOnce() throws IOException {
        String good = Files.readString(serverFile);
        Files.writeString(serverFile, good + "oops: [\n");
        // the terminal says when the failed build is done; then a page opened now must show it
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.PATIENCE)
                .until(d -> err.toString().contains("build failed"));
        browser.driver().get(url + PAGE.substring(1));
        browser.waitFor(() -> !browser.driver().findElements(By.id("catalogue-serve-error")).isEmpty());
        assertTrue(browser.driver().findElement(By.id("catalogue-serve-error")).getText().contains("files.yaml:"));
    }

    private String body() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
