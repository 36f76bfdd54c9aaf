package org.mcpcatalogue.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;

/** The stdio client against a fake server that misbehaves on purpose (src/test/resources/import/fake/fake-server.js). */
class McpStdioClientTest {

    static final String FAKE = "src/test/resources/import/fake/fake-server.js";

    @BeforeEach
    void node() {
        Node.require();
    }

    private static McpStdioClient start(String mode, Duration request, Duration overall) throws ImportException {
        return new McpStdioClient(List.of("node", FAKE, mode), request, overall);
    }

    @Test
    void followsCursorsAnswersServerRequestsAndIgnoresNotifications() throws Exception {
        McpStdioClient client = start("pages", Duration.ofSeconds(10), Duration.ofSeconds(20));
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
        McpStdioClient client = start("hang", Duration.ofMillis(800), Duration.ofSeconds(20));
        long started = System.nanoTime();
        ImportException e;
        try (client) {
            e = assertThrows(ImportException.class, () -> client.listTools("test"));
        }
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos());
        assertFalse(client.alive());
        assertTrue(e.getMessage().contains("did not answer initialize within 800 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("thinking about initialize forever"), e.getMessage());
    }

    @Test
    void theOverallTimeoutBoundsTheWholeExchange() throws Exception {
        try (McpStdioClient client = start("hang", Duration.ofSeconds(30), Duration.ofMillis(700))) {
            ImportException e = assertThrows(ImportException.class, () -> client.listTools("test"));
            assertTrue(e.getMessage().contains("the --timeout for the whole import ran out"), e.getMessage());
        }
    }

    @Test
    void aServerThatIgnoresSigtermIsKilled() throws Exception {
        McpStdioClient client = start("stubborn", Duration.ofMillis(500), Duration.ofSeconds(20));
        try (client) {
            assertThrows(ImportException.class, () -> client.listTools("test"));
        }
        assertFalse(client.alive());
        assertFalse(ProcessHandle.of(client.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aServerThatExitsEarlyIsReportedWithItsStatusAndStderr() throws Exception {
        try (McpStdioClient client = start("exit", Duration.ofSeconds(10), Duration.ofSeconds(20))) {
            ImportException e = assertThrows(ImportException.class, () -> client.listTools("test"));
            assertTrue(e.getMessage().contains("before answering initialize"), e.getMessage());
            assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
            assertTrue(e.getMessage().contains("fatal: missing API key FAKE_TOKEN"), e.getMessage());
        }
    }

    @Test
    void garbageOnStdoutIsAnError() throws Exception {
        try (McpStdioClient client = start("garbage", Duration.ofSeconds(10), Duration.ofSeconds(20))) {
            ImportException e = assertThrows(ImportException.class, () -> client.listTools("test"));
            assertTrue(e.getMessage().contains("not a JSON-RPC message to standard output: Welcome to the fake server!"),
                    e.getMessage());
        }
    }

    @Test
    void onlyTheLast64KibOfStderrAreKept() throws Exception {
        try (McpStdioClient client = start("chatty-stderr", Duration.ofMillis(1500), Duration.ofSeconds(20))) {
            ImportException e = assertThrows(ImportException.class, () -> client.listTools("test"));
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
