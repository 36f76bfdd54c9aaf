package org.mcpcatalogue.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven by Debian's
 * {@code /usr/bin/chromedriver}, both named explicitly so that Selenium Manager never looks for, or
 * downloads, anything. Chromium starts with a fresh profile and its background networking off, so a test
 * talks to nothing but the local {@link StaticServer}.
 *
 * <p>Call {@link #requireChromium()} first (in {@code @BeforeEach}, so that each test is reported as skipped):
 * without the binaries it fails the test when {@code CI=true} and skips it otherwise. The page may read and write the clipboard (granted for every
 * origin through the DevTools protocol), every console message is kept for {@link #consoleErrors()}, and
 * {@link #screenshot(String)} writes PNGs under {@code target/screenshots/}.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start(); StaticServer server = StaticServer.start(site)) {
 *     browser.driver().get(server.url("/"));
 *     browser.screenshot("home-desktop-light");
 *     assertEquals(List.of(), browser.consoleErrors());
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium ({@code apt-get install chromium}). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's matching driver ({@code apt-get install chromium-driver}). */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where {@link #screenshot(String)} writes, relative to the Maven project directory. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * How long a test waits for a condition, a page load or a script before failing: a safety net only. Every
     * wait is for a condition (an element, a text, a URL), so a passing test waits as long as the machine
     * needs and no longer; the net is wide because a loaded machine can be many times slower than an idle one.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Desktop viewport used by {@link #desktop()}. */
    public static final int DESKTOP_WIDTH = 1280;
    /** Phone viewport used by {@link #mobile()}: an iPhone-sized 375 CSS pixels. */
    public static final int MOBILE_WIDTH = 375;

    /*
     * Selenium warns that it has no DevTools bindings for this Chromium version; the tests only send raw
     * DevTools commands (executeCdpCommand), which need none. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger CDP_VERSION_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.OFF);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private boolean dark;
    private boolean reduceMotion;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Fails (in CI) or skips (elsewhere) the calling test when Chromium or its driver is missing.
     * CI must never silently skip browser tests: {@code .ci/run} installs both.
     */
    public static void requireChromium() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser tests need " + String.join(" and ", missing)
                + ": install them with `apt-get install -y --no-install-recommends chromium chromium-driver`";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true, so this fails instead of skipping; .ci/run should install them)");
        }
        Assumptions.assumeTrue(false, message);
    }

    /** @return whether Chromium and its driver are installed where {@link #start()} looks for them */
    public static boolean isAvailable() {
        return missing().isEmpty();
    }

    private static List<String> missing() {
        return Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .toList();
    }

    /**
     * Starts headless Chromium with a fresh temporary profile and a desktop-sized viewport.
     *
     * @return the running browser; close it to quit Chromium and delete the profile
     */
    public static Browser start() {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--metrics-recording-only",
                "--password-store=basic",
                "--hide-scrollbars",
                "--window-size=" + DESKTOP_WIDTH + ",900",
                "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);

        // An explicit driver path: Selenium's DriverFinder then never runs Selenium Manager.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(PATIENCE)
                .withSilent(true)
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(PATIENCE.multipliedBy(2));
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        // Let pages use navigator.clipboard (read and write) without a prompt, on every origin.
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Browser browser = new Browser(driver, profile);
        browser.desktop();
        return browser;
    }

    /** @return the WebDriver, for navigation and element lookups */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Waits until {@code condition} holds, checking it again and again, for at most {@link #PATIENCE}.
     *
     * @param condition what the page must show; it may read the page through this browser
     */
    public void waitFor(BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE).until(d -> condition.getAsBoolean());
    }

    /**
     * Runs a script in the page.
     *
     * @param script JavaScript; {@code arguments[i]} are the args
     * @param args   the arguments
     * @return what the script returned
     */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** @return the text the page would read from the clipboard now */
    public String clipboardText() {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('<<clipboard error: ' + e + '>>'));");
    }

    /** Emulates a desktop viewport, {@value #DESKTOP_WIDTH} CSS pixels wide. */
    public void desktop() {
        viewport(DESKTOP_WIDTH, 900, false);
    }

    /** Emulates a phone viewport, {@value #MOBILE_WIDTH} CSS pixels wide, with mobile layout rules. */
    public void mobile() {
        viewport(MOBILE_WIDTH, 812, true);
    }

    /**
     * Emulates a viewport size through the DevTools protocol (exact, unlike resizing the window).
     *
     * @param width  CSS pixels
     * @param height CSS pixels
     * @param mobile whether to emulate a mobile device (meta viewport, overlay scrollbars)
     */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /**
     * Emulates the reader's colour-scheme preference.
     *
     * @param dark true for {@code prefers-color-scheme: dark}, false for light
     */
    public void colorScheme(boolean dark) {
        this.dark = dark;
        emulateMedia();
    }

    /**
     * Emulates {@code prefers-reduced-motion}.
     *
     * @param reduce true for {@code reduce}, false for {@code no-preference}
     */
    public void reducedMotion(boolean reduce) {
        this.reduceMotion = reduce;
        emulateMedia();
    }

    // setEmulatedMedia replaces every emulated feature at once, so both are always sent.
    private void emulateMedia() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"),
                Map.of("name", "prefers-reduced-motion", "value", reduceMotion ? "reduce" : "no-preference"))));
    }

    /**
     * Every console message and uncaught error so far at level SEVERE, i.e. what DevTools shows as errors.
     * Reading drains the browser's buffer; the messages are kept here, so each call returns all of them.
     *
     * @return the error messages, oldest first
     */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                console.add(entry.getMessage());
            }
        }
        return List.copyOf(console);
    }

    /**
     * Saves a PNG of the whole page (beyond the viewport) as {@code target/screenshots/NAME.png}.
     *
     * @param name file name without extension
     * @return the file written
     */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Object result = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true)).get("data");
            byte[] png = result instanceof String data
                    ? Base64.getDecoder().decode(data)
                    : ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits Chromium and deletes its temporary profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
