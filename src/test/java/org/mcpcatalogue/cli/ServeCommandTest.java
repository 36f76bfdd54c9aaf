package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalogue serve}'s usage errors: one line, exit 2, nothing started (the running server: ServeCommandProcessTest). */
class ServeCommandTest {

    static final String VALID = "src/test/resources/catalogues/valid";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aPortThatIsTakenIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("serve", "--port", Integer.toString(taken.getLocalPort()), "--catalogue", VALID, "--templates", "templates");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("catalogue: cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": "), r.err());
            assertTrue(r.err().contains("choose another --port, or 0 for any free one"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Run r = run("serve", "--port", "70000", "--catalogue", VALID, "--templates", "templates");
        assertEquals(2, r.code());
        assertEquals("catalogue: --port must be between 0 and 65535, got 70000\n", r.err());
    }

    @Test
    void aMissingFolderIsAUsageError(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope");
        Run r = run("serve", "--port", "0", "--catalogue", missing.toString(), "--templates", "templates");
        assertEquals(2, r.code());
        assertEquals("catalogue: " + missing + ": no such directory\n", r.err());
        Run t = run("serve", "--port", "0", "--catalogue", VALID, "--templates", missing.toString());
        assertEquals(2, t.code());
        assertEquals("catalogue: " + missing + ": no such directory\n", t.err());
    }

    @Test
    void helpNamesEveryOption() {
        Run r = run("serve", "--help");
        assertEquals(0, r.code());
        for (String option : new String[] {"--port", "--catalogue", "--templates", "--verbose"}) {
            assertTrue(r.out().contains(option), r.out());
        }
    }
}
