package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.importer.Node;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.validate.CatalogueValidator;

/**
 * {@code catalogue import --stdio} against the real reference servers from npm, installed by
 * {@code scripts/install-test-servers.sh} (skipped locally without them, failing when {@code CI=true}).
 *
 * <p>Every import here is given {@link #SAFETY_NETS}: deadlines far beyond what a server needs to start and list
 * its tools on a loaded machine, so that they only stop a hung test and never decide one.
 */
class ImportLiveTest {

    @TempDir
    Path tmp;
    Path catalogue;

    @BeforeEach
    void servers() throws IOException {
        Node.requireServers();
        catalogue = Files.createDirectories(tmp.resolve("catalogue/servers")).getParent();
    }

    static final List<String> SAFETY_NETS = List.of("--request-timeout", "120s", "--timeout", "300s");

    /** {@code import --catalogue C --stdio OPTIONS... SAFETY_NETS... -- COMMAND...}. */
    private String[] stdio(List<String> options, String... command) {
        List<String> args = new ArrayList<>(List.of("import", "--catalogue", catalogue.toString(), "--stdio"));
        args.addAll(options);
        args.addAll(SAFETY_NETS);
        args.add("--");
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    private Server load(String slug) {
        CatalogueLoader.Result loaded = new CatalogueLoader().load(catalogue, catalogue.toString());
        CatalogueValidator.Result v = new CatalogueValidator(java.time.LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors()).validate(loaded);
        assertEquals(0, v.errors(), v.diagnostics().toString());
        return loaded.servers().stream().map(LoadedServer::server).filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void importsTheFilesystemServer() throws IOException {
        // The server runs in the sandbox, which sees none of this machine's folders but the server's own: the
        // one it is allowed is the sandbox's private home.
        String root = org.mcpcatalogue.importer.Sandbox.HOME;
        String[] args = stdio(List.of("--slug", "filesystem", "--name", "Filesystem",
                "--repository", "https://github.com/modelcontextprotocol/servers", "--license", "MIT",
                "--verified", "2026-11-20"), "node", Node.FILESYSTEM.toString(), root);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = load("filesystem");
        assertEquals("modelcontextprotocol", s.publisher());
        assertEquals("stdio", s.transport().orElseThrow().label());
        assertTrue(s.source().startsWith("live tools/list of secure-filesystem-server "), s.source());
        List<String> names = s.tools().stream().map(Tool::name).toList();
        for (String expected : List.of("read_text_file", "write_file", "edit_file", "list_directory", "move_file",
                "list_allowed_directories")) {
            assertTrue(names.contains(expected), names.toString());
        }
        Tool write = s.tool("write_file").orElseThrow();
        assertTrue(write.inputSchema().get("properties").isPresent());
        assertEquals(write.fingerprint(), write.storedFingerprint().orElseThrow());
        // The same server again: nothing changes.
        byte[] before = Files.readAllBytes(catalogue.resolve("servers/filesystem.yaml"));
        CliRun again = CliRun.of(args);
        assertTrue(again.out().endsWith("unchanged (" + names.size() + " tools)\n"), again.out() + again.err());
        assertArrayEquals(before, Files.readAllBytes(catalogue.resolve("servers/filesystem.yaml")));
    }

    @Test
    void importsTheMemoryServerWithItsOwnName() {
        CliRun run = CliRun.of(stdio(List.of("--repository", "https://github.com/modelcontextprotocol/servers",
                "--verified", "2026-11-20"), "node", Node.MEMORY.toString()));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = load("memory-server");
        assertEquals(List.of("create_entities", "create_relations", "add_observations", "delete_entities",
                "delete_observations", "delete_relations", "read_graph", "search_nodes", "open_nodes"),
                s.tools().stream().map(Tool::name).toList());
    }

    @Test
    void aServerStartsInTheSandboxUnlessToldOtherwiseWithAWarning() throws IOException {
        // The filesystem server is given a folder of this machine: in the sandbox it is not there.
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        List<String> facts = List.of("--slug", "fs", "--name", "FS", "--repository", "https://github.com/modelcontextprotocol/servers");
        CliRun sandboxed = CliRun.of(stdio(facts, "node", Node.FILESYSTEM.toString(), outside.toString()));
        assertEquals(Main.INVALID, sandboxed.exitCode(), sandboxed.out() + sandboxed.err());
        assertTrue(sandboxed.err().contains("(it ran in the sandbox: no network"), sandboxed.err());
        List<String> unconfined = new ArrayList<>(facts);
        unconfined.add("--no-sandbox");
        CliRun direct = CliRun.of(stdio(unconfined, "node", Node.FILESYSTEM.toString(), outside.toString()));
        assertEquals(0, direct.exitCode(), direct.out() + direct.err());
        assertTrue(direct.err().startsWith("catalogue import: warning: --no-sandbox: the server runs unconfined"), direct.err());
    }

    @Test
    void withoutAnEntryFileTheSandboxFolderMustBeGiven() {
        CliRun run = CliRun.of(stdio(List.of("--slug", "x"), "npx", "-y", "@modelcontextprotocol/server-memory"));
        assertEquals(Main.USAGE, run.exitCode(), run.out() + run.err());
        assertEquals("catalogue import: cannot tell which folder the server is installed in (no argument names its entry"
                + " file); give it with --sandbox-dir DIR\n", run.err());
    }

    @Test
    void aServerThatFailsToStartShowsItsStderr() {
        // The filesystem server refuses to start without a directory and says why on stderr.
        CliRun run = CliRun.of(stdio(List.of("--slug", "fs", "--name", "FS",
                "--repository", "https://github.com/modelcontextprotocol/servers"),
                "node", Node.FILESYSTEM.toString(), tmp.resolve("missing-dir").toString()));
        assertEquals(Main.INVALID, run.exitCode(), run.out());
        assertTrue(run.err().contains("--- its standard error"), run.err());
        assertTrue(Files.notExists(catalogue.resolve("servers/fs.yaml")));
    }
}
