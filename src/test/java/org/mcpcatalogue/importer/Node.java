package org.mcpcatalogue.importer;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js and the real MCP servers that {@code scripts/install-test-servers.sh} installs into
 * {@code target/mcp-servers/}. Tests that need them skip locally with a message saying how to get them, and
 * fail when {@code CI=true}, so CI can never pass by skipping them.
 */
public final class Node {

    /** Where the install script puts the servers. */
    public static final Path SERVERS = Path.of("target/mcp-servers/node_modules/@modelcontextprotocol");
    public static final Path FILESYSTEM = SERVERS.resolve("server-filesystem/dist/index.js");
    public static final Path MEMORY = SERVERS.resolve("server-memory/dist/index.js");

    private Node() {
    }

    /** Skips (locally) or fails (CI) unless {@code node} runs. */
    public static void require() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor() == 0;
        } catch (Exception e) {
            ok = false;
        }
        need(ok, "node (Node.js 20 or later) is not on the PATH");
    }

    /** Skips (locally) or fails (CI) unless the test servers are installed. */
    public static void requireServers() {
        require();
        need(Files.isRegularFile(FILESYSTEM) && Files.isRegularFile(MEMORY),
                "the test MCP servers are not installed in target/mcp-servers; run scripts/install-test-servers.sh");
    }

    private static void need(boolean ok, String why) {
        if (ok) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (CI=true: live import tests must run)");
        }
        Assumptions.abort(why + "; skipping the live import tests");
    }
}
