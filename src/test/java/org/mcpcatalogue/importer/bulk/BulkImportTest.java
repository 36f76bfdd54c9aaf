package org.mcpcatalogue.importer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.cli.Main;
import org.mcpcatalogue.importer.Bubblewrap;
import org.mcpcatalogue.importer.Node;

/**
 * {@code catalogue import-bulk} end to end: fixture packages (one fake MCP server, src/test/resources/import/bulk/server.js,
 * behaving as its package.json says) installed by a stand-in for npm (fake-npm.sh: no network), started in the real
 * sandbox, imported into a fixture catalogue. Each outcome, resume after an interruption, and a second run of an
 * unchanged list. Needs node and bubblewrap (skips without them locally, fails with CI=true).
 */
class BulkImportTest {

    private static final Path RESOURCES = Path.of("src/test/resources/import/bulk");

    private Path root;
    private Path fixtures;
    private Path installDir;
    private Path catalogue;
    private Path list;
    private Path state;
    private Path report;

    @BeforeEach
    void setUp() throws IOException {
        Node.require();
        Optional<String> why = Bubblewrap.unavailable();
        if (why.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why.get() + " (CI=true: the sandbox tests must run)");
            }
            Assumptions.abort(why.get() + "; skipping the bulk import tests");
        }
        // Under target/, readable by others: as root the sandboxed server runs as a user id that owns no file.
        Files.createDirectories(Path.of("target"));
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bulk-test");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        fixtures = Files.createDirectories(root.resolve("fixtures/packages")).getParent();
        Files.copy(RESOURCES.resolve("fake-npm.sh"), fixtures.resolve("fake-npm.sh"));
        Files.copy(RESOURCES.resolve("server.js"), fixtures.resolve("server.js"));
        Files.setPosixFilePermissions(fixtures.resolve("fake-npm.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        installDir = root.resolve("npm");
        catalogue = Files.createDirectories(root.resolve("catalogue/servers")).getParent();
        list = root.resolve("list.tsv");
        state = root.resolve("state.tsv");
        report = root.resolve("report.tsv");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A fixture package: its package.json, with the fake server's mode and tools. */
    private void fixture(String name, String mode, String description, boolean bin, String... tools) throws IOException {
        Path dir = Files.createDirectories(fixtures.resolve("packages").resolve(name));
        String toolList = Stream.of(tools).map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
        Files.writeString(dir.resolve("package.json"), "{\n  \"name\": \"" + name + "\",\n  \"version\": \"1.0.0\",\n"
                + "  \"description\": \"" + description + "\",\n  \"license\": \"MIT\",\n"
                + "  \"repository\": {\"type\": \"git\", \"url\": \"git+https://github.com/example/" + name + ".git\"},\n"
                + (bin ? "  \"bin\": {\"" + name + "\": \"server.js\"},\n" : "")
                + "  \"fakeMode\": \"" + mode + "\",\n  \"fakeTools\": [" + toolList + "]\n}\n", StandardCharsets.UTF_8);
    }

    private void list(String... lines) throws IOException {
        Files.writeString(list, "# package@version\tslug\tname\trepository\targuments\tenvironment\n"
                + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("import-bulk", "--catalogue", catalogue.toString(),
                "--install-dir", installDir.toString(), "--state", state.toString(), "--report", report.toString(),
                "--npm", fixtures.resolve("fake-npm.sh").toString(), "--verified", "2026-11-30"));
        args.addAll(List.of(extra));
        args.add(list.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The report: slug to outcome label. */
    private Map<String, String> outcomes() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(report)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            m.put(cells[0].split(" ")[1], cells[1]);
        }
        return m;
    }

    private String serverFile(String slug) throws IOException {
        return Files.readString(catalogue.resolve("servers/" + slug + ".yaml"));
    }

    @Test
    void everyOutcomeIsReportedAndTheRunStillSucceeds() throws IOException {
        fixture("fake-good", "ok", "Lists fake files and reads them, for the tests.", true, "list_files", "read_file");
        fixture("fake-keyed", "credentials", "Needs a key to start, though listing needs none.", true, "search");
        fixture("fake-keyless", "credentials", "Needs a key to start; this one is never given it.", true, "search");
        fixture("fake-crash", "crash", "Crashes at once: a broken release.", true);
        fixture("fake-cli", "not-mcp", "A command-line tool that is not an MCP server at all.", true);
        fixture("fake-lib", "ok", "A library with no program to start.", false);
        list("fake-good@1.0.0\tfake-good\tFake Good",
                "fake-keyed@1.0.0\tfake-keyed\tFake Keyed\t-\t-\tFAKE_API_KEY=placeholder",
                "fake-keyless@1.0.0\tfake-keyless\tFake Keyless",
                "fake-crash@1.0.0\tfake-crash\tFake Crash",
                "fake-cli@1.0.0\tfake-cli\tFake CLI",
                "fake-lib@1.0.0\tfake-lib\tFake Lib",
                "fake-broken@1.0.0\tfake-broken\tFake Broken");

        Run r = run("--jobs", "3");

        assertEquals(Main.OK, r.code(), r.out() + r.err());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("fake-good", "imported");
        expected.put("fake-keyed", "imported");
        expected.put("fake-keyless", "needs credentials");
        expected.put("fake-crash", "crashed");
        expected.put("fake-cli", "not an MCP server");
        expected.put("fake-lib", "not an MCP server");
        expected.put("fake-broken", "install failed");
        assertEquals(expected, outcomes());
        assertTrue(r.out().contains("summary: 7 servers: 2 imported, 0 unchanged, 0 changed, 1 needs credentials, 1 crashed,"
                + " 0 timed out, 2 not an MCP server, 1 install failed, 0 invalid"), r.out());
        assertTrue(r.out().contains("in the catalogue: 2 servers with 3 tools"), r.out());

        String good = serverFile("fake-good");
        assertTrue(good.contains("description: Lists fake files and reads them, for the tests."), good);
        assertTrue(good.contains("verified: 2026-11-30"), good);
        assertTrue(good.contains("source: npm fake-good@1.0.0, live tools/list over stdio"), good);
        assertTrue(good.contains("repository: https://github.com/example/fake-good"), good);
        assertTrue(good.contains("license: MIT"), good);
        assertTrue(good.contains("""
                packages:
                  - registry: npm
                    name: fake-good
                    version: 1.0.0
                    transport: stdio
                tools:
                """), "the package entry names the installed package and version: " + good);
        assertTrue(serverFile("fake-keyed").contains("""
                    transport: stdio
                    environmentVariables:
                      - name: FAKE_API_KEY
                        isRequired: true
                        isSecret: true
                """), "the environment the list had to set is in the package entry: " + serverFile("fake-keyed"));
        assertFalse(serverFile("fake-keyed").contains("placeholder"), "the placeholder never reaches the catalogue");
        assertFalse(Files.exists(catalogue.resolve("servers/fake-crash.yaml")));
        String text = Files.readString(report);
        assertTrue(text.contains("FAKE_API_KEY environment variable is required"), text);
        assertTrue(text.contains("boom: cannot load the fake configuration"), text);
        assertTrue(text.contains("ETARGET") || text.contains("No matching version"), text);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        fixture("fake-hang", "hang", "Reads its input and never answers a thing.", true);
        list("fake-hang@1.0.0\tfake-hang\tFake Hang");

        // The server never answers, so this timeout runs out however fast the machine is.
        Run r = run("--timeout", "2s");

        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertEquals(Map.of("fake-hang", "timed out"), outcomes());
    }

    @Test
    void rerunningAnUnchangedListReportsEverythingUnchanged() throws IOException {
        fixture("fake-one", "ok", "The first fake server of the unchanged list.", true, "alpha", "beta");
        fixture("fake-two", "ok", "The second fake server of the unchanged list.", true, "gamma");
        list("fake-one@1.0.0\tfake-one\tFake One", "fake-two@1.0.0\tfake-two\tFake Two");
        assertEquals(Main.OK, run().code());
        String before = serverFile("fake-one") + serverFile("fake-two");

        Run again = run("--force");

        assertEquals(Main.OK, again.code(), again.out() + again.err());
        assertEquals(Map.of("fake-one", "unchanged", "fake-two", "unchanged"), outcomes());
        assertTrue(again.out().contains("2 unchanged"), again.out());
        assertEquals(before, serverFile("fake-one") + serverFile("fake-two"));

        // Without --force the state file says both are done: nothing runs, the report keeps their outcomes.
        Run resumed = run();
        assertTrue(resumed.out().contains("this run imported 0, skipped 2"), resumed.out());
        assertEquals(Map.of("fake-one", "unchanged", "fake-two", "unchanged"), outcomes());
    }

    @Test
    void aServerWhoseToolsChangedIsReportedChanged() throws IOException {
        fixture("fake-drift", "ok", "A fake server whose tools change between runs.", true, "alpha");
        list("fake-drift@1.0.0\tfake-drift\tFake Drift");
        assertEquals(Main.OK, run().code());
        // The installed package changes (as a rug pull would), the list does not.
        Path installed = installDir.resolve("fake-drift_1.0.0/node_modules/fake-drift/package.json");
        Files.writeString(installed, Files.readString(installed).replace("[\"alpha\"]", "[\"alpha\", \"omega\"]"));

        Run r = run("--force");

        assertEquals(Map.of("fake-drift", "changed"), outcomes());
        assertTrue(Files.readString(report).contains("added: omega"), Files.readString(report));
        assertTrue(serverFile("fake-drift").contains("name: omega"));
        assertEquals(Main.OK, r.code());
    }

    @Test
    void anInterruptedRunResumesWhereItStopped() throws IOException {
        fixture("fake-a", "ok", "The first server, imported before the interruption.", true, "a1");
        fixture("fake-b", "ok", "The second server, being written when the run was killed.", true, "b1");
        fixture("fake-c", "ok", "The third server, never started before the interruption.", true, "c1");
        list("fake-a@1.0.0\tfake-a\tFake A", "fake-b@1.0.0\tfake-b\tFake B", "fake-c@1.0.0\tfake-c\tFake C");
        // What a killed run leaves: fake-a done and recorded, fake-b's record cut short mid-line, and a temporary
        // file of an unfinished write in servers/ (never a server file: writes are renamed into place).
        assertEquals(Main.OK, run().code());
        String done = Files.readAllLines(state).stream().filter(l -> l.startsWith("fake-a@")).findFirst().orElseThrow();
        Files.writeString(state, StateFile.HEADER + "\n" + done + "\nfake-b@1.0.0 fake-b\timpor", StandardCharsets.UTF_8);
        Files.delete(catalogue.resolve("servers/fake-b.yaml"));
        Files.delete(catalogue.resolve("servers/fake-c.yaml"));
        Files.writeString(catalogue.resolve("servers/.fake-b.yaml12345.tmp"), "slug: fake-b\nname: Fa");

        Run resumed = run();

        assertEquals(Main.OK, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("this run imported 2, skipped 1"), resumed.out());
        assertFalse(resumed.out().contains("fake-a@1.0.0 ->"), "fake-a is not run again: " + resumed.out());
        assertEquals(Map.of("fake-a", "imported", "fake-b", "imported", "fake-c", "imported"), outcomes());
        Files.writeString(state, StateFile.HEADER + "\n" + done + "\n", StandardCharsets.UTF_8);
        Run status = run("--status");
        assertTrue(status.out().contains("summary: 1 servers: 1 imported, 0 unchanged") && status.out().contains("; 2 not run yet"),
                status.out());
        assertEquals(Map.of("fake-a", "imported"), outcomes());
        assertTrue(Files.exists(catalogue.resolve("servers/fake-b.yaml")));
        try (Stream<Path> files = Files.list(catalogue.resolve("servers"))) {
            assertEquals(List.of("fake-a.yaml", "fake-b.yaml", "fake-c.yaml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void noInstallUsesTheInstallFolderAndReportsWhatIsMissing() throws IOException {
        fixture("fake-ready", "ok", "Installed before the run, by hand or by an earlier run.", true, "ready");
        list("fake-ready@1.0.0\tfake-ready\tFake Ready", "fake-absent@1.0.0\tfake-absent\tFake Absent");
        Path pkg = Files.createDirectories(installDir.resolve("fake-ready_1.0.0/node_modules/fake-ready"));
        Files.copy(fixtures.resolve("packages/fake-ready/package.json"), pkg.resolve("package.json"));
        Files.copy(fixtures.resolve("server.js"), pkg.resolve("server.js"), StandardCopyOption.REPLACE_EXISTING);

        Run r = run("--no-install");

        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertEquals(Map.of("fake-ready", "imported", "fake-absent", "install failed"), outcomes());
        assertTrue(Files.readString(report).contains("not installed"), Files.readString(report));
    }

    @Test
    void anInvalidListIsRefusedAtItsLineAndColumn() throws IOException {
        list("fake-one@^1.0.0\tfake-one", "fake-two@1.0.0\tNot A Slug", "fake-three@1.0.0\tok\t-\t-\t-\tnot-an-assignment");

        Run r = run();

        assertEquals(Main.INVALID, r.code());
        assertTrue(r.err().contains(list + ":2:1: error: pin an exact version, as package@1.2.3: \"fake-one@^1.0.0\""), r.err());
        assertTrue(r.err().contains(list + ":3:16: error: not a valid slug"), r.err());
        assertTrue(r.err().contains(list + ":4:27: error: environment entries are NAME=value"), r.err());
        assertFalse(Files.exists(state), "nothing ran");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        list("fake-one@1.0.0\tfake-one");
        assertEquals(Main.USAGE, run("--jobs", "0").code());
        assertEquals(Main.USAGE, run("--force", "--retry-failed").code());
        assertEquals(Main.USAGE, run("--timeout", "soon").code());
    }
}
