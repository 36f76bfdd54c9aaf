package org.mcpcatalogue.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live servers in the real sandbox (bubblewrap, no mocks): a small server
 * (src/test/resources/import/sandbox/probe-server.js) tries what the sandbox must deny, reports each result on
 * its standard error and then "probe: done"; the tests wait for that line, then look at what it reported and
 * at the machine. Without bubblewrap they skip locally and fail when {@code CI=true}.
 */
class SandboxTest {

    static final Path DIR = Path.of("src/test/resources/import/sandbox").toAbsolutePath();
    static final String PROBE = DIR.resolve("probe-server.js").toString();
    /** A safety net only: what a hung test waits at most. */
    static final Duration SAFETY = Duration.ofSeconds(120);

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @BeforeEach
    void sandboxes() {
        Node.require();
        Optional<String> why = Bubblewrap.unavailable();
        if (why.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why.get() + " (CI=true: the sandbox tests must run)");
            }
            Assumptions.abort(why.get() + "; skipping the sandbox tests");
        }
    }

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    private static McpStdioClient start(Sandbox sandbox, String... args) throws ImportException {
        List<String> command = new ArrayList<>(List.of("node", PROBE));
        command.addAll(Arrays.asList(args));
        return new McpStdioClient(command, Optional.of(sandbox), SAFETY, SAFETY.multipliedBy(2));
    }

    /** Waits for the probe's report, lists the tools (which must work), and returns the report. */
    private static String probeThenList(McpStdioClient client) throws Exception {
        assertTrue(client.awaitStderr("probe: done", SAFETY), client.stderrText());
        McpStdioClient.Listing listing = client.listTools("test");
        assertEquals(1, listing.tools().size());
        return client.stderrText();
    }

    @Test
    void theServerHasNoNetworkButItsToolsAreListed() throws Exception {
        String report;
        try (McpStdioClient client = start(Sandbox.of(DIR), "network")) {
            report = probeThenList(client);
        }
        assertTrue(report.contains("probe: dns example.com: failed ("), report);
        assertTrue(report.contains("probe: connect 1.1.1.1:443: failed ("), report);
        assertTrue(report.contains("probe: connect [2606:4700:4700::1111]:443: failed ("), report);
        Matcher m = Pattern.compile("probe: interfaces: (.*)").matcher(report);
        assertTrue(m.find(), report);
        for (String address : m.group(1).split(" ")) {
            assertTrue(address.equals("127.0.0.1") || address.equals("::1"), "an interface besides loopback: " + report);
        }
    }

    @Test
    void theServerCannotWriteOutsideItsHomeAndTmpNorSeeTheRepository(@TempDir Path hostDir) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        String marker = "sandbox-probe-was-here";
        Path hostTmp = Path.of("/tmp", marker);
        Files.deleteIfExists(hostTmp);
        // A checkout under /tmp (CI systems clone there) lies, inside the sandbox, in the sandbox's own private
        // /tmp: bubblewrap makes the way down to the package folder there, so a write to it lands in the
        // sandbox's tmpfs and vanishes with it. The repository is then checked only for what matters: nothing
        // reaches the machine (the marker test below), not for a refused write.
        boolean repoInPrivateTmp = repo.startsWith("/tmp");
        List<Path> denied = new ArrayList<>(List.of(DIR, Path.of("/usr"), Path.of("/etc"), hostDir));
        if (!repoInPrivateTmp) {
            denied.add(repo);
        }
        List<String> args = new ArrayList<>(List.of("write"));
        denied.forEach(p -> args.add(p.toString()));
        String report;
        try (McpStdioClient client = start(Sandbox.of(DIR), args.toArray(String[]::new))) {
            report = probeThenList(client);
        }
        for (Path p : denied) {
            assertTrue(report.contains("probe: write " + p.resolve(marker) + ": failed ("), report);
            assertTrue(Files.notExists(p.resolve(marker)), p.resolve(marker) + " was written");
        }
        // Other folders of the machine are not there; of the repository, only the way down to the package folder
        // (its one entry "src"); the package folder is there, read-only.
        if (!repoInPrivateTmp) {
            assertTrue(report.contains("probe: list " + repo + ": LISTED 1 entries"), report);
        }
        assertTrue(report.contains("probe: list " + hostDir + ": failed (ENOENT)"), report);
        assertTrue(report.contains("probe: list " + DIR + ": LISTED"), report);
        // Its own home and /tmp are writable, and private: nothing of them reaches the machine.
        assertTrue(report.contains("probe: write " + Sandbox.HOME + "/" + marker + ": WRITTEN"), report);
        assertTrue(report.contains("probe: write /tmp/" + marker + ": WRITTEN"), report);
        assertTrue(Files.notExists(hostTmp), hostTmp + " was written on the machine");
    }

    @Test
    void theServerGetsACleanEnvironmentAndNotRoot() throws Exception {
        String report;
        try (McpStdioClient client = start(Sandbox.of(DIR), "env")) {
            report = probeThenList(client);
        }
        Matcher env = Pattern.compile("probe: env: (.*)").matcher(report);
        assertTrue(env.find(), report);
        Set<String> keys = new TreeSet<>();
        for (String kv : env.group(1).split(" ")) {
            keys.add(kv.substring(0, kv.indexOf('=')));
        }
        assertEquals(Set.of("HOME", "LANG", "PATH", "PWD", "TMPDIR", "USER"), keys, report);
        assertTrue(env.group(1).contains("HOME=" + Sandbox.HOME), report);
        Matcher uid = Pattern.compile("probe: uid: (\\d+)").matcher(report);
        assertTrue(uid.find(), report);
        assertNotEquals("0", uid.group(1), "the server ran as root");
    }

    @Test
    void memoryIsLimited() throws Exception {
        Sandbox small = new Sandbox(DIR, 512L << 20, Sandbox.PROCESSES, Sandbox.SCRATCH);
        String report;
        try (McpStdioClient client = start(small, "memory")) {
            report = probeThenList(client);
        }
        Matcher m = Pattern.compile("probe: memory: refused after (\\d+) MiB").matcher(report);
        assertTrue(m.find(), report);
        assertTrue(Integer.parseInt(m.group(1)) <= 512, report);
    }

    @Test
    void aForkBombIsContainedReportedAndItsWholeTreeEnded() throws Exception {
        Sandbox sandbox = new Sandbox(DIR, Sandbox.MEMORY, 64, Sandbox.SCRATCH);
        ManualClock clock = new ManualClock();
        List<ProcessHandle> tree;
        ImportException e;
        McpStdioClient client = new McpStdioClient(List.of("node", PROBE, "fork-bomb"), Optional.of(sandbox),
                Duration.ofSeconds(20), Duration.ofSeconds(60), clock);
        Optional<Integer> uid;
        try (client) {
            uid = client.sandboxUid();
            Future<ImportException> listing = caller.submit(() -> assertThrows(ImportException.class, () -> client.listTools("test")));
            assertTrue(client.awaitStderr("probe: done", SAFETY), client.stderrText());
            tree = client.processTree();
            clock.advance(Duration.ofSeconds(20));
            e = listing.get(SAFETY.toSeconds(), TimeUnit.SECONDS);
        }
        Matcher m = Pattern.compile("probe: fork bomb: refused after (\\d+) processes").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        assertTrue(Integer.parseInt(m.group(1)) < 64, e.getMessage());
        assertTrue(tree.size() > 10, "the bomb's processes were not seen: " + tree.size());
        assertTrue(e.getMessage().contains("did not answer initialize within 20 s"), e.getMessage());
        assertTrue(e.getMessage().contains("(it ran in the sandbox: no network, a read-only system, a private home and"
                + " /tmp of 256 MiB, only " + DIR + " visible (read-only), at most 64 processes and threads and 2 GiB of"
                + " data memory per process)"), e.getMessage());
        // Every process of the sandbox is gone: those seen while it ran, and (as root) any of its user id.
        assertFalse(client.alive());
        for (ProcessHandle h : tree) {
            h.onExit().get(SAFETY.toSeconds(), TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "process " + h.pid() + " outlived the sandbox");
        }
        uid.ifPresent(u -> assertEquals(List.of(), Bubblewrap.processesOf(u), "processes of the sandbox's user id " + u));
        if (Bubblewrap.root()) {
            assertTrue(uid.isPresent(), "as root the server must run as a user id of its own");
        }
    }

    @Test
    void withoutBubblewrapTheCheckSaysHowToInstallIt(@TempDir Path empty) {
        assertEquals(Optional.of("the sandbox for live servers needs bwrap, which is not installed; install it with:"
                + " sudo apt-get install bubblewrap"), Bubblewrap.check(empty.toString()));
    }

    @Test
    void theFolderOfAServerIsItsInstallPrefix(@TempDir Path tmp) throws Exception {
        Path entry = tmp.resolve("prefix/node_modules/@acme/server/dist/index.js");
        Files.createDirectories(entry.getParent());
        Files.writeString(entry, "");
        assertEquals(Optional.of(tmp.resolve("prefix")), Sandbox.folderFor(List.of("node", entry.toString(), "--flag"), tmp));
        assertEquals(Optional.of(tmp.resolve("prefix")),
                Sandbox.folderFor(List.of("node", "prefix/node_modules/@acme/server/dist/index.js"), tmp));
        Path script = Files.writeString(tmp.resolve("server.py"), "");
        assertEquals(Optional.of(tmp), Sandbox.folderFor(List.of("/usr/bin/python3", script.toString()), tmp));
        assertEquals(Optional.empty(), Sandbox.folderFor(List.of("npx", "-y", "@acme/server"), tmp));
    }
}
