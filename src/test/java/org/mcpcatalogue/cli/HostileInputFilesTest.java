package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.SpecialFiles;

/**
 * Files named on the command line ({@code policy check FILE}, {@code policy eval FILE}, {@code classify FILE},
 * {@code import --from KIND FILE}) and file names in the catalogue are untrusted: a FIFO or a device is refused
 * before it is opened, and a file name cannot forge a diagnostic line or reach the terminal with raw control
 * characters, in any output format.
 */
class HostileInputFilesTest {

    private static CliRun run(String... args) {
        return assertTimeoutPreemptively(SpecialFiles.SAFETY_NET, () -> CliRun.of(args));
    }

    @Test
    void policyCheckRefusesAFifoAndADevice(@TempDir Path tmp) throws Exception {
        Path fifo = SpecialFiles.fifo(tmp.resolve("fifo.yaml"));
        CliRun r = run("policy", "check", fifo.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals(fifo + ":1:1: error: a special file (a FIFO, socket or device), not a regular file; it was not read\n", r.out());
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path zero = Files.createSymbolicLink(tmp.resolve("zero.yaml"), Path.of("/dev/zero"));
        r = run("policy", "check", zero.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals(zero + ":1:1: error: a special file (a FIFO, socket or device), not a regular file; it was not read\n", r.out());
    }

    @Test
    void policyEvalAndClassifyRefuseAFifoAndADevice(@TempDir Path tmp) throws Exception {
        Path fifo = SpecialFiles.fifo(tmp.resolve("fifo.yaml"));
        String refused = ":1:1: error: a special file (a FIFO, socket or device), not a regular file; it was not read\n";
        CliRun r = run("policy", "eval", fifo.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals(fifo + refused, r.err());
        r = run("classify", fifo.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue: " + fifo + refused, r.err());
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path zero = Files.createSymbolicLink(tmp.resolve("zero.json"), Path.of("/dev/zero"));
        r = run("policy", "eval", zero.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals(zero + refused, r.err());
        r = run("classify", zero.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue: " + zero + refused, r.err());
    }

    @Test
    void importRefusesAFifoAndADevice(@TempDir Path tmp) throws Exception {
        Path fifo = SpecialFiles.fifo(tmp.resolve("tools.json"));
        CliRun r = run("import", "--catalogue", tmp.resolve("catalogue").toString(), "--from", "tools-list",
                "--slug", "demo", "--name", "Demo", "--repository", "https://example.com/demo", fifo.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue import: cannot read " + fifo + ": a special file (a FIFO, socket or device), not a"
                + " regular file; it was not read\n", r.err());
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path zero = Files.createSymbolicLink(tmp.resolve("scaffold.yaml"), Path.of("/dev/zero"));
        r = run("import", "--catalogue", tmp.resolve("catalogue").toString(), "--from", "scaffold", zero.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue import: cannot read " + zero + ": a special file (a FIFO, socket or device), not a"
                + " regular file; it was not read\n", r.err());
        Path docker = Files.createDirectories(tmp.resolve("docker-entry"));
        SpecialFiles.fifo(docker.resolve("server.yaml"));
        r = run("import", "--catalogue", tmp.resolve("catalogue").toString(), "--from", "docker", docker.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue import: cannot read " + docker.resolve("server.yaml") + ": a special file (a FIFO,"
                + " socket or device), not a regular file; it was not read\n", r.err());
    }

    @Test
    void importIntoACatalogueWithAFifoNeitherHangsNorOpensIt(@TempDir Path tmp) throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("catalogue/servers"));
        SpecialFiles.fifo(servers.resolve("other.yaml"));
        Path input = Files.writeString(tmp.resolve("tools.json"),
                "{\"tools\": [{\"name\": \"get_item\", \"description\": \"Get an item.\", \"inputSchema\": {\"type\": \"object\"}}]}");
        CliRun r = run("import", "--catalogue", tmp.resolve("catalogue").toString(), "--from", "tools-list",
                "--verified", "2026-11-20", "--slug", "demo", "--name", "Demo", "--publisher", "demo",
                "--repository", "https://example.com/demo", "--description", "Gets the items of a demo account.", input.toString());
        assertEquals(Main.OK, r.exitCode(), r.out() + r.err());
        assertEquals(tmp.resolve("catalogue") + "/servers/demo.yaml: created with 1 tool\n", r.out());
        SpecialFiles.fifo(servers.resolve("fifo-target.yaml"));
        r = run("import", "--catalogue", tmp.resolve("catalogue").toString(), "--from", "tools-list",
                "--verified", "2026-11-20", "--slug", "fifo-target", "--name", "Demo", "--publisher", "demo",
                "--repository", "https://example.com/demo", "--description", "Gets the items of a demo account.", input.toString());
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue import: cannot read " + tmp.resolve("catalogue") + "/servers/fifo-target.yaml: a special"
                + " file (a FIFO, socket or device), not a regular file; it was not read\n", r.err());
    }

    @Test
    void importErrorsEscapeTheInputName(@TempDir Path tmp) {
        String hostile = tmp + "/x\n FORGED: \u001b[31m.json";
        CliRun r = run("import", "--catalogue", tmp.resolve("catalogue").toString(), "--from", "tools-list", hostile);
        assertEquals(Main.INVALID, r.exitCode());
        assertEquals("catalogue import: cannot read " + tmp + "/x\\u{000A} FORGED: \\u{001B}[31m.json: no such file\n", r.err());
    }

    @Test
    void aFileNameCannotForgeADiagnosticInAnyFormat(@TempDir Path tmp) throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        String hostile = "x\n FORGED.yaml:9:9: error: \u001b[31mred\u202e.txt";
        try {
            Files.writeString(servers.resolve(hostile), "x");
        } catch (Exception e) {
            assumeTrue(false, "the file system refuses such a name: " + e);
        }
        String shown = tmp + "/servers/x\\u{000A} FORGED.yaml:9:9: error: \\u{001B}[31mred\\u{202E}.txt";
        CliRun text = run("validate", "--catalogue", tmp.toString());
        assertEquals(List.of(shown + ":1:1: error: unexpected file; servers/ holds one <slug>.yaml file per server",
                "0 servers, 0 tools: 1 error, 0 warnings"), text.outLines());
        CliRun github = run("validate", "--catalogue", tmp.toString(), "--format", "github");
        assertEquals(2, github.outLines().size(), github.out());
        assertFalse(github.out().chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x202E), github.out());
        assertEquals("::error file=" + shown.replace(":", "%3A") + ",line=1,col=1::unexpected file; servers/ holds one"
                + " <slug>.yaml file per server", github.outLines().get(0));
        CliRun json = run("validate", "--catalogue", tmp.toString(), "--format", "json");
        Json.Obj d = (Json.Obj) ((Json.Arr) ((Json.Obj) JsonText.parse(json.out().trim())).get("diagnostics").orElseThrow()).items().get(0);
        assertEquals(new Json.Str(tmp + "/servers/" + hostile), d.get("file").orElseThrow(), "JSON keeps the name exactly");
        assertEquals(Json.Num.of(1), d.get("line").orElseThrow());
        assertEquals(1, json.outLines().size());
        assertFalse(json.out().chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x202E), "escaped, not raw: " + json.out());
    }
}
