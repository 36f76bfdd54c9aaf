package org.mcpcatalogue.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.cli.BuildCommand;
import org.mcpcatalogue.cli.Main;
import org.mcpcatalogue.site.SiteFixture;
import picocli.CommandLine;

/**
 * Failures of the environment during {@code catalogue build}: a full disk, memory running out, a read-only
 * location. Each gives one line naming the cause and exit 2 (a stack trace only with {@code --verbose}); the
 * previous site stays as it was and no staging folder is left.
 */
class BuildFailureTest {

    /** Each concurrent build on a thread of its own, whatever the size of the common fork-join pool. */
    private static final java.util.concurrent.Executor OWN_THREAD = r -> {
        Thread t = new Thread(r, "concurrent-build");
        t.setDaemon(true);
        t.start();
    };

    private record Run(int exitCode, String out, String err) {
    }

    /** {@code catalogue build} whose site files are written by {@code writer}. */
    private static Run build(Path out, Publisher.FileWriter writer, String... extra) {
        return build(out, writer, new StringWriter(), extra);
    }

    private static Run build(Path out, Publisher.FileWriter writer, java.io.Writer errors, String... extra) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == BuildCommand.class ? cls.cast(new BuildCommand(writer)) : CommandLine.defaultFactory().create(cls);
            }
        };
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        java.io.Writer err = new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                e.write(buf, off, len);
                errors.write(buf, off, len);
            }

            @Override
            public void flush() throws IOException {
                errors.flush();
            }

            @Override
            public void close() {
            }
        };
        List<String> args = new java.util.ArrayList<>(List.of("build", "--catalogue", SiteFixture.FIXTURE.toString(), "--templates", "templates",
                "--base-url", SiteFixture.BASE_URL, "--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(err, true), factory, args.toArray(String[]::new));
        return new Run(code, o.toString(), e.toString());
    }

    /** A writer that writes {@code before} files, then fails as {@code failure} says. */
    private interface Failure {
        void fail(Path file) throws IOException;
    }

    private static Publisher.FileWriter failingAfter(int before, Failure failure) {
        AtomicInteger n = new AtomicInteger();
        return (file, bytes) -> {
            if (n.incrementAndGet() > before) {
                failure.fail(file);
            }
            Publisher.FileWriter.FILES.write(file, bytes);
        };
    }

    private static void assertUnchanged(Map<String, byte[]> before, Path out) {
        Map<String, byte[]> after = SiteFixture.files(out);
        assertEquals(before.keySet(), after.keySet());
        for (String p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p);
        }
    }

    private static void assertNoStagingLeft(Path work, Path out) throws IOException {
        try (Stream<Path> s = Files.list(work.resolve(".site-versions"))) {
            assertEquals(List.of(".catalogue-site-versions", out.toRealPath().getFileName().toString()),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFullDiskIsOneLineExitTwoAndThePreviousSiteStays(@TempDir Path work) throws IOException {
        Path out = work.resolve("site");
        assertEquals(0, build(out, Publisher.FileWriter.FILES).exitCode());
        Map<String, byte[]> before = SiteFixture.files(out);

        // --clean: the same inputs again would be found unchanged, and nothing written
        Run r = build(out, failingAfter(40, f -> {
            throw new FileSystemException(f.toString(), null, "No space left on device");
        }), "--clean");

        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("catalogue: cannot publish to " + out + ": no space left on device ("), r.err());
        assertTrue(r.err().strip().endsWith("); the previous site is unchanged"), r.err());
        assertUnchanged(before, out);
        assertNoStagingLeft(work, out);
    }

    @Test
    void verboseAddsTheStackTrace(@TempDir Path work) {
        Run r = build(work.resolve("site"), failingAfter(3, f -> {
            throw new FileSystemException(f.toString(), null, "No space left on device");
        }), "--verbose");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().lines().count() > 3, r.err());
        assertTrue(r.err().contains("\tat org.mcpcatalogue.publish.Publisher"), r.err());
    }

    @Test
    void runningOutOfMemoryIsOneLineExitTwoAndThePreviousSiteStays(@TempDir Path work) throws IOException {
        Path out = work.resolve("site");
        assertEquals(0, build(out, Publisher.FileWriter.FILES).exitCode());
        Map<String, byte[]> before = SiteFixture.files(out);

        Run r = build(out, failingAfter(10, f -> {
            throw new OutOfMemoryError("Java heap space");
        }), "--clean");

        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of("catalogue: cannot publish to " + out + ": out of memory (Java heap space); give Java more, e.g."
                + " CATALOGUE_JAVA_OPTS=-Xmx4g; the previous site is unchanged"), r.err().lines().toList());
        assertUnchanged(before, out);
        assertNoStagingLeft(work, out);
    }

    @Test
    void twoBuildsAtOnceOneSaysItWaitsForTheOtherAndTheResultIsOneCompleteSite(@TempDir Path work) throws Exception {
        Path reference = work.resolve("reference");
        assertEquals(0, build(reference, Publisher.FileWriter.FILES).exitCode());
        Path out = work.resolve("site");
        java.util.concurrent.CountDownLatch firstWriting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondWaits = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Publisher.FileWriter blocking = (file, bytes) -> {
            if (file.getFileName().toString().equals("robots.txt")) {
                firstWriting.countDown();
                await(release);
            }
            Publisher.FileWriter.FILES.write(file, bytes);
        };
        java.io.Writer watch = new java.io.Writer() {
            private final StringBuilder seen = new StringBuilder();

            @Override
            public synchronized void write(char[] buf, int off, int len) {
                seen.append(buf, off, len);
                if (seen.toString().contains("catalogue: waiting for build PID " + ProcessHandle.current().pid() + " to finish publishing to " + out)) {
                    secondWaits.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> build(out, blocking), OWN_THREAD);
        await(firstWriting);
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> build(out, Publisher.FileWriter.FILES, watch), OWN_THREAD);
        await(secondWaits);
        release.countDown();
        Run a = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        Run b = second.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(1, b.err().lines().count(), b.err());
        assertUnchanged(SiteFixture.files(reference), out);
        assertNoStagingLeft(work, out);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, java.util.concurrent.TimeUnit.SECONDS), "safety net");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aReadOnlyLocationIsOneLineExitTwoAndThePreviousSiteStays(@TempDir Path work) throws IOException {
        Path parent = work.resolve("ro");
        Path out = parent.resolve("site");
        assertEquals(0, build(out, Publisher.FileWriter.FILES).exitCode());
        Map<String, byte[]> before = SiteFixture.files(out);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(parent)) {
                // root is not restricted by permissions: /sys refuses new files even to root
                Path sys = Path.of("/sys");
                org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sys), "no /sys here");
                Run r = build(sys.resolve("catalogue-test-site"), Publisher.FileWriter.FILES);
                assertEquals(2, r.exitCode(), r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().matches("(?s)catalogue: (cannot publish to /sys/catalogue-test-site: |refusing --out /sys/catalogue-test-site: cannot write in /sys: )"
                        + "(permission denied|read-only file system|it is on a read-only file system).*"), r.err());
                assertFalse(Files.exists(sys.resolve("catalogue-test-site")));
                return;
            }
            Run r = build(out, Publisher.FileWriter.FILES);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("permission denied"), r.err());
            assertUnchanged(before, out);
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
