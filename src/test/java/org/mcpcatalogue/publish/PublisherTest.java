package org.mcpcatalogue.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mcpcatalogue.render.Output;
import org.mcpcatalogue.site.SiteFixture;

/**
 * The publish scheme on small synthetic sites: the output path is a link flipped onto a complete version, what
 * dead builds left is removed, a build killed at any step leaves a complete old or new site, and two builds at
 * once give one complete site.
 */
class PublisherTest {

    /** Each concurrent build on a thread of its own, whatever the size of the common fork-join pool. */
    private static final java.util.concurrent.Executor OWN_THREAD = r -> {
        Thread t = new Thread(r, "concurrent-build");
        t.setDaemon(true);
        t.start();
    };

    private static final Duration SAFETY_NET = Duration.ofSeconds(60);

    /** A small site whose every file says which version it belongs to. */
    static List<Output> site(String label) {
        List<Output> files = new ArrayList<>();
        files.add(Output.text("index.html", "<h1>" + label + "</h1>"));
        files.add(Output.text("404.html", "lost in " + label));
        for (int i = 0; i < 30; i++) {
            files.add(Output.text("tools/t" + i + "/index.html", label + " tool " + i));
        }
        return files;
    }

    /** What a reader of {@code site} sees with the contents of {@code label}'s version, the marker aside. */
    private static Map<String, String> expected(String label) {
        Map<String, String> m = new TreeMap<>();
        for (Output o : site(label)) {
            m.put(o.path(), new String(o.bytes(), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static Map<String, String> seen(Path site) {
        Map<String, String> m = new TreeMap<>();
        SiteFixture.files(site).forEach((k, v) -> {
            if (!k.equals(OutputLocation.MARKER)) {
                m.put(k, new String(v, StandardCharsets.UTF_8));
            }
        });
        return m;
    }

    private static OutputLocation at(Path out) throws IOException {
        return OutputLocation.of(out.getParent().toRealPath().resolve(out.getFileName().toString()), out.toString());
    }

    private static Publisher.Published publish(Path out, String label) throws Exception {
        return new Publisher(at(out), new Publisher.Listener() { }).publish(site(label));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** After a successful publish: the link, the lock file, and in the versions only their marker and the version shown. */
    private static void assertClean(Path work, Path out) throws IOException {
        assertTrue(Files.isSymbolicLink(out), out + " is a link");
        String shown = out.toRealPath().getFileName().toString();
        assertEquals(List.of(".catalogue-site-versions", shown), names(work.resolve(".site-versions")), "leftovers in the versions");
        assertTrue(names(work).stream().noneMatch(n -> n.matches("\\.site-(build|old)-[0-9a-f-]{36}|.*tmp.*")), names(work).toString());
    }

    @Test
    void theOutputIsALinkToACompleteVersionCarryingTheMarker(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        publish(out, "v1");
        assertEquals(expected("v1"), seen(out));
        assertTrue(Files.isDirectory(out), "readers that treat site/ as a folder still can");
        assertTrue(Files.isRegularFile(out.resolve(".catalogue-site")));
        assertTrue(Files.readSymbolicLink(out).toString().startsWith(".site-versions/"), "relative, beside the output");
        Path first = out.toRealPath();
        publish(out, "v2");
        assertEquals(expected("v2"), seen(out));
        assertFalse(Files.exists(first), "the older version is removed after the flip");
        assertClean(work, out);
        assertEquals(List.of(".site-lock", ".site-versions", "site"), names(work));
    }

    @Test
    void leftoversOfDeadBuildsAreRemovedButNothingElse(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        publish(out, "v1");
        Path versions = work.resolve(".site-versions");
        // what builds killed at various points leave: a half-written staging folder, a complete version never
        // shown, a temporary link (dangling), and a staging folder of the earlier layout (disk full, issue 9)
        Path staging = versions.resolve("20260101T000000000Z-999999-0000abcd");
        Files.createDirectories(staging.resolve("tools/t1"));
        Files.writeString(staging.resolve("index.html"), "half");
        Path complete = versions.resolve("20260102T000000000Z-999999-0000abce");
        Files.createDirectories(complete);
        Files.writeString(complete.resolve(OutputLocation.MARKER), "x");
        Files.createSymbolicLink(versions.resolve(".link-20260103T000000000Z-999999-0000abcf"), Path.of(".site-versions/gone"));
        Path earlier = work.resolve(".site-build-123e4567-e89b-12d3-a456-426614174000");
        Files.createDirectories(earlier.resolve("tools"));
        Files.writeString(earlier.resolve("tools/x.html"), "half");
        Path lookalike = work.resolve(".site-build-mine");
        Decoys.plant(lookalike);
        Map<String, String> mine = Decoys.picture(lookalike);

        publish(out, "v2");

        assertEquals(expected("v2"), seen(out));
        assertClean(work, out);
        assertFalse(Files.exists(earlier));
        assertEquals(mine, Decoys.picture(lookalike), "a folder that only looks like a staging folder is kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOCKED", "WRITE:1", "WRITE:12", "STAGED", "LINKED", "FLIPPED"})
    void aBuildKilledAtAnyStepLeavesACompleteSiteAndTheNextBuildCleansUp(String step, @TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        publish(out, "v1");

        Process dying = child(out, "v2", step).start();
        assertTrue(dying.waitFor(SAFETY_NET.toSeconds(), TimeUnit.SECONDS), "the child ended");
        assertEquals(137, dying.exitValue(), "the child was killed at " + step + ": " + new String(dying.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        Map<String, String> after = seen(out);
        assertTrue(after.equals(expected("v1")) || after.equals(expected("v2")), "a complete old or new site after a kill at " + step);
        assertEquals(expected(step.equals("FLIPPED") ? "v2" : "v1"), after, "the old site until the flip, the new one from it");

        publish(out, "v3");
        assertEquals(expected("v3"), seen(out));
        assertClean(work, out);
    }

    @Test
    void aKillDuringTheMigrationFromARealFolderIsRepairedByTheNextBuild(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputLocation.MARKER), "made by a build");
        Files.writeString(out.resolve("index.html"), "old real folder");

        Process dying = child(out, "v2", "MOVED_ASIDE").start();
        assertTrue(dying.waitFor(SAFETY_NET.toSeconds(), TimeUnit.SECONDS));
        assertEquals(137, dying.exitValue(), new String(dying.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        // the one moment the scheme cannot cover (a folder cannot be swapped for a link atomically): the next
        // build links the newest complete version back before anything else, then publishes
        List<String> reached = new ArrayList<>();
        new Publisher(at(out), Publisher.FileWriter.FILES, new Publisher.Listener() {
            @Override
            public void reached(Publisher.Step s) {
                if (s == Publisher.Step.STAGED) {
                    reached.add(seen(out).toString());
                }
            }
        }, SAFETY_NET).publish(site("v3"));
        assertEquals(1, reached.size());
        assertTrue(reached.get(0).contains("v2") || reached.get(0).contains("old real folder"), "a site was back before the flip: " + reached);
        assertEquals(expected("v3"), seen(out));
        assertClean(work, out);
    }

    @Test
    void aSiteTheEarlierLayoutLeftAsideWhenKilledBetweenItsRenamesIsPutBackThenReplaced(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        Path aside = work.resolve(".site-old-123e4567-e89b-12d3-a456-426614174000");
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("index.html"), "the previous site");
        List<String> atStaged = new ArrayList<>();
        new Publisher(at(out), Publisher.FileWriter.FILES, new Publisher.Listener() {
            @Override
            public void reached(Publisher.Step s) {
                if (s == Publisher.Step.STAGED) {
                    atStaged.add(seen(out).toString());
                }
            }
        }, SAFETY_NET).publish(site("v2"));
        assertEquals(List.of("{index.html=the previous site}"), atStaged, "put back before the new version was shown");
        assertEquals(expected("v2"), seen(out));
        assertFalse(Files.exists(aside));
        assertClean(work, out);
    }

    @Test
    void twoBuildsAtOnceInThisProcessOneWaitsAndTheResultIsOneCompleteSite(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        publish(out, "v1");
        CountDownLatch firstStaged = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        List<String> waitedFor = new ArrayList<>();
        List<Path> firstVersion = new ArrayList<>();

        CompletableFuture<Publisher.Published> first = CompletableFuture.supplyAsync(() -> call(() ->
                new Publisher(at(out), Publisher.FileWriter.FILES, new Publisher.Listener() {
                    @Override
                    public void reached(Publisher.Step s) {
                        if (s == Publisher.Step.STAGED) {
                            firstStaged.countDown();
                            await(releaseFirst);
                        }
                    }
                }, SAFETY_NET).publish(site("first"))), OWN_THREAD);
        await(firstStaged);
        Path shown = out.toRealPath();
        try (Stream<Path> s = Files.list(work.resolve(".site-versions"))) {
            firstVersion.addAll(s.filter(p -> !p.equals(shown) && !p.getFileName().toString().startsWith(".")).toList());
        }
        assertEquals(1, firstVersion.size(), "the first build's staging folder");

        CompletableFuture<Publisher.Published> second = CompletableFuture.supplyAsync(() -> call(() ->
                new Publisher(at(out), Publisher.FileWriter.FILES, new Publisher.Listener() {
                    @Override
                    public void waiting(String pid) {
                        waitedFor.add(pid);
                        secondWaits.countDown();
                    }
                }, SAFETY_NET).publish(site("second"))), OWN_THREAD);
        await(secondWaits);
        assertEquals(List.of(String.valueOf(ProcessHandle.current().pid())), waitedFor);
        assertTrue(Files.isDirectory(firstVersion.get(0)), "the waiting build removed nothing of the running one");
        assertEquals(expected("v1"), seen(out));

        releaseFirst.countDown();
        first.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS);
        second.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS);
        assertEquals(expected("second"), seen(out), "the build that published last is shown, whole");
        assertClean(work, out);
    }

    @Test
    void aBuildInAnotherProcessHoldingTheLockIsWaitedForAndItsLeftoversRemovedWhenItDies(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        publish(out, "v1");
        Process holder = child(out, "other", "HOLD:STAGED").start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", lines.readLine(), "the other build holds the lock with its version staged");
            assertEquals(2, names(work.resolve(".site-versions")).stream().filter(n -> !n.startsWith(".")).count());

            CountDownLatch waits = new CountDownLatch(1);
            List<String> waitedFor = new ArrayList<>();
            CompletableFuture<Publisher.Published> mine = CompletableFuture.supplyAsync(() -> call(() ->
                    new Publisher(at(out), Publisher.FileWriter.FILES, new Publisher.Listener() {
                        @Override
                        public void waiting(String pid) {
                            waitedFor.add(pid);
                            waits.countDown();
                        }
                    }, SAFETY_NET).publish(site("mine"))), OWN_THREAD);
            await(waits);
            assertEquals(List.of(String.valueOf(holder.pid())), waitedFor, "the message names the holder's PID");
            holder.destroyForcibly(); // kill -9: the OS releases its lock
            mine.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS);
        } finally {
            holder.destroyForcibly();
            holder.waitFor(SAFETY_NET.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(expected("mine"), seen(out));
        assertClean(work, out);
    }

    @Test
    void aFailedWriteRemovesItsStagingAndLeavesThePreviousSite(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        publish(out, "v1");
        Path shown = out.toRealPath();
        Publisher.FileWriter full = (file, bytes) -> {
            if (file.getFileName().toString().equals("index.html") && file.getParent().getFileName().toString().equals("t7")) {
                throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
            }
            Publisher.FileWriter.FILES.write(file, bytes);
        };
        IOException e = assertThrows(IOException.class,
                () -> new Publisher(at(out), full, new Publisher.Listener() { }, SAFETY_NET).publish(site("v2")));
        assertTrue(Failures.describe(e).startsWith("no space left on device ("), Failures.describe(e));
        assertEquals(expected("v1"), seen(out));
        assertEquals(shown, out.toRealPath());
        assertClean(work, out);
    }

    @Test
    void aFailedWriteReturnsOnlyWhenNoOtherWriteIsInFlight(@TempDir Path work) throws Exception {
        // A parallel write that fails must not hand control back while other workers still write: the caller
        // then deletes the version they write into, and whatever they create after its walk is left behind.
        // Every write that starts after the failure waits until publish has returned, for at most `hold`: a
        // publish that returns early then sees them write afterwards. The bound only limits how long a write
        // that slipped in just before the failure was recorded (which publish rightly waits for) holds the test
        // up; a correct publish passes whatever the machine's speed, and a broken one fails unless its cleanup
        // takes longer than that.
        Duration hold = Duration.ofSeconds(2);
        Path out = work.resolve("site");
        publish(out, "v1");
        List<Output> many = new ArrayList<>(site("v2"));
        for (int i = 0; i < 3000; i++) {
            many.add(Output.text("servers/s" + i + "/index.html", "server " + i));
        }
        AtomicBoolean failed = new AtomicBoolean();
        CountDownLatch returned = new CountDownLatch(1);
        AtomicInteger writesAfterReturn = new AtomicInteger();
        Publisher.FileWriter failing = (file, bytes) -> {
            if (file.getParent().getFileName().toString().equals("t0")) {
                failed.set(true);
                throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
            }
            if (failed.get()) {
                try {
                    returned.await(hold.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (returned.getCount() == 0) {
                writesAfterReturn.incrementAndGet();
            }
            Publisher.FileWriter.FILES.write(file, bytes);
        };
        assertThrows(IOException.class,
                () -> new Publisher(at(out), failing, new Publisher.Listener() { }, SAFETY_NET).publish(many));
        returned.countDown();
        ForkJoinPool.commonPool().awaitQuiescence(SAFETY_NET.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(0, writesAfterReturn.get(), "writes still running after publish returned");
        assertEquals(expected("v1"), seen(out));
        assertClean(work, out);
    }

    @Test
    void aSymlinkOrAFolderAppearingUnderTheLockIsRefused(@TempDir Path work) throws Exception {
        Path out = work.resolve("site");
        OutputLocation loc = at(out);
        Decoys.plant(out); // appeared between the check at start and the publish
        Map<String, String> before = Decoys.picture(work);
        assertThrows(OutputGuard.Refused.class, () -> new Publisher(loc, new Publisher.Listener() { }).publish(site("v1")));
        Map<String, String> after = Decoys.picture(work);
        after.keySet().removeIf(k -> k.startsWith(".site-lock"));
        assertEquals(before, after);
    }

    private static ProcessBuilder child(Path out, String label, String at) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HaltingPublish.class.getName(),
                out.toString(), label, at).redirectErrorStream(true);
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(SAFETY_NET.toSeconds(), TimeUnit.SECONDS), "safety net");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
