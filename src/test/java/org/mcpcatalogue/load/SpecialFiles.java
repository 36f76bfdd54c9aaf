package org.mcpcatalogue.load;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes FIFOs for tests (with the system's mkfifo) and the safety-net timeout such tests run under. */
public final class SpecialFiles {

    /** A safety net only: a regression that opens a FIFO would block for ever; this turns it into a failure. */
    public static final java.time.Duration SAFETY_NET = java.time.Duration.ofSeconds(60);

    private SpecialFiles() {
    }

    /** Creates a FIFO at {@code path}; the test is skipped where there is no mkfifo (not on POSIX). */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        assumeTrue(Files.exists(path), "no FIFO was made");
        return path;
    }
}
