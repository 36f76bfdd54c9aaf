package org.mcpcatalogue.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;

/**
 * The stdio client against a fake server that misbehaves on purpose (src/test/resources/import/fake/fake-server.js).
 *
 * <p>Nothing here depends on the machine's speed. A timeout under test is made to happen by a {@link ManualClock},
 * and only after the server has announced, on its standard error, that it has the request and will never answer;
 * every other deadline is a safety net of a minute or more that a passing run never reaches.
 */
class McpStdioClientTest {

    static final String FAKE = "src/test/resources/import/fake/fake-server.js";
    /** A safety net only: what a hung test waits at most before it fails. */
    static final Duration SAFETY = Duration.ofSeconds(120);
    /** What the "never answers" modes write once they have the initialize request. */
    static final String THINKING = "thinking about initialize forever";

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @BeforeEach
    void node() {
        Node.require();
    }

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    private static McpStdioClient start(String mode) throws ImportException {
        return new McpStdioClient(List.of("node", FAKE, mode), SAFETY, SAFETY.multipliedBy(2));
    }

    private static McpStdioClient start(String mode, Duration request, Duration overall, ManualClock clock)
            throws ImportException {
        return new McpStdioClient(List.of("node", FAKE, mode), request, overall, clock);
    }

    /**
     * Asks for the tools in the background, waits until the server says it has the request and will not answer,
     * then moves the clock by {@code by}: the error the client then gives.
     */
    private ImportException timesOutAfterTheServerSpoke(McpStdioClient client, ManualClock clock, Duration by)
            throws Exception {
        Future<ImportException> listing = caller.submit(() -> assertThrows(ImportException.class, () -> client.listTools("test")));
        assertTrue(client.awaitStderr(THINKING, SAFETY), "the fake server never got the initialize request");
        clock.advance(by);
        return listing.get(SAFETY.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void followsCursorsAnswersServerRequestsAndIgnoresNotifications() throws Exception {
        McpStdioClient client = start("pages");
        McpStdioClient.Listing listing;
        try (client) {
            listing = client.listTools("test");
        }
        assertFalse(client.alive());
        assertEquals(List.of("alpha", "beta", "gamma"), listing.tools().stream()
                .map(t -> ((Json.Str) ((Json.Obj) t).get("name").orElseThrow()).value()).toList());
        assertEquals("fake-server", ((Json.Str) listing.serverInfo().get("name").orElseThrow()).value());
        assertEquals(McpStdioClient.PROTOCOL_VERSION, listing.protocolVersion());
    }

    @Test
    void aServerThatNeverAnswersTimesOutShowsItsStderrAndIsEnded() throws Exception {
        ManualClock clock = new ManualClock();
        McpStdioClient client = start("hang", Duration.ofSeconds(8), Duration.ofSeconds(20), clock);
        ImportException e;
        try (client) {
            e = timesOutAfterTheServerSpoke(client, clock, Duration.ofSeconds(8));
        }
        assertFalse(client.alive());
        assertTrue(e.getMessage().contains("did not answer initialize within 8 s"), e.getMessage());
        assertFalse(e.getMessage().contains("--timeout"), e.getMessage());
        assertTrue(e.getMessage().contains(THINKING), e.getMessage());
    }

    @Test
    void aRequestIsGivenItsWholeTimeout() throws Exception {
        ManualClock clock = new ManualClock();
        try (McpStdioClient client = start("hang", Duration.ofSeconds(5), Duration.ofSeconds(20), clock)) {
            Future<ImportException> listing = caller.submit(() -> assertThrows(ImportException.class, () -> client.listTools("test")));
            assertTrue(client.awaitStderr(THINKING, SAFETY));
            clock.advance(Duration.ofSeconds(5).minusNanos(1));
            // Still waiting: not done after a real moment, since only the clock can end the wait...
            assertThrows(TimeoutException.class, () -> listing.get(200, TimeUnit.MILLISECONDS));
            // ...and done once the request's 5 s have passed on it.
            clock.advance(Duration.ofNanos(1));
            ImportException e = listing.get(SAFETY.toSeconds(), TimeUnit.SECONDS);
            assertTrue(e.getMessage().contains("did not answer initialize within 5 s"), e.getMessage());
        }
    }

    @Test
    void theOverallTimeoutBoundsTheWholeExchange() throws Exception {
        ManualClock clock = new ManualClock();
        try (McpStdioClient client = start("hang", Duration.ofSeconds(30), Duration.ofSeconds(7), clock)) {
            ImportException e = timesOutAfterTheServerSpoke(client, clock, Duration.ofSeconds(7));
            assertTrue(e.getMessage().contains("did not answer initialize within the time allowed"
                    + " (the --timeout for the whole import ran out)"), e.getMessage());
        }
    }

    @Test
    void aServerThatIgnoresSigtermIsKilled() throws Exception {
        ManualClock clock = new ManualClock();
        McpStdioClient client = start("stubborn", Duration.ofSeconds(5), Duration.ofSeconds(20), clock);
        try (client) {
            timesOutAfterTheServerSpoke(client, clock, Duration.ofSeconds(5));
        }
        assertFalse(client.alive());
        assertFalse(ProcessHandle.of(client.pid()).map(ProcessHandle::isAlive).orElse(false));
        // 128 + 9: it outlived its closed input and SIGTERM, and only SIGKILL ended it.
        assertEquals(137, client.exitValue());
    }

    @Test
    void aServerThatExitsAtStartIsReportedWithItsStatusAndStderr() throws Exception {
        try (McpStdioClient client = start("exit")) {
            // Gone before the client says anything: writing the request then fails.
            client.exited().get(SAFETY.toSeconds(), TimeUnit.SECONDS);
            ImportException e = assertThrows(ImportException.class, () -> client.listTools("test"));
            assertTrue(e.getMessage().contains("stopped reading its input"), e.getMessage());
            assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
            assertTrue(e.getMessage().contains("fatal: missing API key FAKE_TOKEN"), e.getMessage());
        }
    }

    @Test
    void aServerThatExitsBeforeAnsweringIsReportedWithItsStatusAndStderr() throws Exception {
        try (McpStdioClient client = start("exit-on-initialize")) {
            ImportException e = assertThrows(ImportException.class, () -> client.listTools("test"));
            assertTrue(e.getMessage().contains("closed its output before answering initialize"), e.getMessage());
            assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
            assertTrue(e.getMessage().contains("fatal: missing API key FAKE_TOKEN"), e.getMessage());
        }
    }

    @Test
    void bannersAndLogLinesOnStdoutAreSkippedWithAWarning() throws Exception {
        McpStdioClient.Listing listing;
        try (McpStdioClient client = start("banner")) {
            listing = client.listTools("test");
        }
        assertEquals(3, listing.tools().size());
        assertEquals(List.of("the server wrote 3 lines to standard output that are not JSON-RPC (skipped); the first: "
                + "\"Fake MCP Server running on stdio\""), listing.warnings());
    }

    @Test
    void aServerThatAnswersWithoutJsonRpcTimesOutNamingWhatItWrote() throws Exception {
        ManualClock clock = new ManualClock();
        try (McpStdioClient client = start("garbage", Duration.ofSeconds(8), Duration.ofSeconds(20), clock)) {
            Future<ImportException> listing = caller.submit(() -> assertThrows(ImportException.class, () -> client.listTools("test")));
            assertTrue(client.awaitStderr(THINKING, SAFETY), "the fake server never got the initialize request");
            assertTrue(client.awaitSkipped(3, SAFETY), "the client never read the three lines");
            clock.advance(Duration.ofSeconds(8));
            ImportException e = listing.get(SAFETY.toSeconds(), TimeUnit.SECONDS);
            assertTrue(e.getMessage().contains("did not answer initialize within 8 s"), e.getMessage());
            assertTrue(e.getMessage().contains("(it wrote 3 lines to standard output that are not JSON-RPC (skipped);"
                    + " the first: \"Welcome to the \\u001b[1mfake\\u001b[0m server!\")"), e.getMessage());
        }
    }

    @Test
    void onlyTheLast64KibOfStderrAreKept() throws Exception {
        ManualClock clock = new ManualClock();
        try (McpStdioClient client = start("chatty-stderr", Duration.ofSeconds(15), Duration.ofSeconds(60), clock)) {
            ImportException e = timesOutAfterTheServerSpoke(client, clock, Duration.ofSeconds(15));
            assertTrue(e.getMessage().contains("(the last 64 KiB)"), e.getMessage().substring(0, 300));
            assertTrue(e.getMessage().contains("the last words"));
            assertFalse(e.getMessage().contains("noise line 0 "));
            assertTrue(e.getMessage().length() < 64 * 1024 + 1000);
        }
    }

    @Test
    void aCommandThatCannotStartIsAnError() {
        ImportException e = assertThrows(ImportException.class, () -> new McpStdioClient(
                List.of("/nonexistent/server"), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("cannot start the server /nonexistent/server"), e.getMessage());
    }

    @Test
    void tailBufferKeepsTheEnd() {
        McpStdioClient.TailBuffer b = new McpStdioClient.TailBuffer(8);
        byte[] data = "0123456789abc".getBytes();
        b.write(data, data.length);
        assertEquals("56789abc", b.text());
        assertTrue(b.truncated());
    }
}
