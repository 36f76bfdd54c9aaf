package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.validate.CatalogueValidator;

class ImportCommandTest {

    static final String RES = "src/test/resources/import/";

    @TempDir
    Path tmp;
    Path catalogue;

    @BeforeEach
    void emptyCatalogue() throws IOException {
        catalogue = Files.createDirectories(tmp.resolve("catalogue/servers")).getParent();
    }

    /** sha256: of a canonical JSON text written out by hand in the test (not computed by the code under test). */
    static String sha(String canonicalJson) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
    }

    private CliRun importTools(String json, String... more) throws IOException {
        Path input = tmp.resolve("tools.json");
        Files.writeString(input, json);
        List<String> args = new java.util.ArrayList<>(List.of("import", "--catalogue", catalogue.toString(),
                "--from", "tools-list", "--verified", "2026-11-20"));
        args.addAll(List.of(more));
        args.add(input.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path file(String slug) {
        return catalogue.resolve("servers/" + slug + ".yaml");
    }

    private CatalogueValidator.Result validate() {
        return new CatalogueValidator(java.time.LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors())
                .validate(new CatalogueLoader().load(catalogue, catalogue.toString()));
    }

    private Server server(String slug) {
        return new CatalogueLoader().load(catalogue, "c").servers().stream().map(LoadedServer::server)
                .filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();
    }

    /** The description of the reference memory server, from its package.json. */
    static final String MEMORY = "MCP server for enabling memory for Claude through a knowledge graph";

    static final String READ_FILE = """
            {"tools": [{"name": "read_file", "title": "Read file", "description": "Read a file.",
              "inputSchema": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]},
              "annotations": {"readOnlyHint": true, "x-vendor": 1}, "extraField": 1}]}""";

    @Test
    void createsAFileInCanonicalFormWithAFingerprintPerTool() throws Exception {
        CliRun run = importTools(READ_FILE, "--slug", "acme-files", "--name", "Acme Files", "--publisher", "acme",
                "--repository", "https://github.com/acme/files", "--description", "Reads files under one root directory.", "--tag", "filesystem",
                "--tag", "local", "--license", "MIT", "--transport", "stdio");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        String fp = sha("{\"annotations\":{\"readOnlyHint\":true},\"description\":\"Read a file.\",\"inputSchema\":"
                + "{\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"],\"type\":\"object\"},\"name\":\"read_file\"}");
        assertEquals("""
                # yaml-language-server: $schema=../schema/server.schema.json
                slug: acme-files
                name: Acme Files
                publisher: acme
                repository: https://github.com/acme/files
                description: Reads files under one root directory.
                tags: [filesystem, local]
                license: MIT
                transport: stdio
                verified: 2026-11-20
                source: tools/list result (tools.json)
                tools:
                  - name: read_file
                    title: Read file
                    description: Read a file.
                    inputSchema:
                      type: object
                      properties:
                        path:
                          type: string
                      required: [path]
                    annotations:
                      readOnlyHint: true
                    fingerprint: %s
                """.formatted(fp), Files.readString(file("acme-files")));
        assertTrue(run.out().endsWith("acme-files.yaml: created with 1 tool\n"), run.out());
        assertTrue(run.err().contains("note: dropped field extraField of tool read_file"), run.err());
        assertTrue(run.err().contains("note: dropped annotation x-vendor of tool read_file"), run.err());
        CatalogueValidator.Result v = validate();
        assertEquals(0, v.errors() + v.warnings(), v.diagnostics().toString());
    }

    @Test
    void reimportingAnUnchangedServerChangesNothing() throws Exception {
        String[] meta = {"--slug", "acme-files", "--name", "Acme Files", "--publisher", "acme", "--repository",
                "https://github.com/acme/files", "--description", "Reads and writes files under one root directory."};
        assertEquals(0, importTools(READ_FILE, meta).exitCode());
        byte[] before = Files.readAllBytes(file("acme-files"));
        Path input = tmp.resolve("tools.json");
        CliRun again = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "tools-list", "--slug",
                "acme-files", "--verified", "2026-12-01", input.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().endsWith("acme-files.yaml: unchanged (1 tool)\n"), again.out());
        assertArrayEquals(before, Files.readAllBytes(file("acme-files")));
    }

    @Test
    void aNewServerNeedsItsFactsAndSaysWhichAreMissing() throws IOException {
        CliRun run = importTools(READ_FILE, "--slug", "acme-files");
        assertEquals(Main.USAGE, run.exitCode());
        assertTrue(run.err().contains("give --name, --publisher, --repository (an https URL)"), run.err());
        assertFalse(Files.exists(file("acme-files")));
    }

    @Test
    void theSlugIsMadeFromTheNameAndTheOwnerIsThePublisher() throws IOException {
        CliRun run = importTools(READ_FILE, "--name", "Ácme Files (beta)!", "--repository", "https://github.com/acme-corp/files",
                "--description", "Reads and writes files under one root directory.");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("acme-corp", server("acme-files-beta").publisher());
        assertEquals(Main.USAGE, importTools(READ_FILE, "--slug", "Acme_Files", "--name", "A", "--repository",
                "https://github.com/a/b").exitCode());
    }

    @Test
    void invalidAndCollidingToolNamesAreReportedNotChanged() throws IOException {
        CliRun run = importTools("""
                {"tools": [{"name": "read file", "inputSchema": {"type": "object"}},
                           {"name": "get_item", "inputSchema": {"type": "object"}},
                           {"name": "get.item", "inputSchema": {"type": "object"}}]}""",
                "--name", "Acme", "--repository", "https://github.com/acme/files");
        assertEquals(Main.INVALID, run.exitCode());
        assertTrue(run.err().contains("tool name \"read file\" is not a valid MCP tool name"), run.err());
        assertTrue(run.err().contains("tools get_item and get.item collide"), run.err());
        assertFalse(Files.exists(file("acme")));
    }

    @Test
    void aFileThatWouldNotValidateIsNotWrittenAndThePreviousOneStays() throws IOException {
        String[] meta = {"--slug", "acme-files", "--name", "Acme Files", "--publisher", "acme", "--repository",
                "https://github.com/acme/files", "--description", "Reads and writes files under one root directory."};
        assertEquals(0, importTools(READ_FILE, meta).exitCode());
        byte[] before = Files.readAllBytes(file("acme-files"));
        CliRun run = importTools("{\"tools\": [{\"name\": \"read_file\", \"inputSchema\": {\"type\": \"string\"}}]}", meta);
        assertEquals(Main.INVALID, run.exitCode(), run.out());
        assertTrue(run.out().contains("acme-files.yaml:"), run.out());
        assertTrue(run.out().contains(": error: "), run.out());
        assertTrue(run.out().endsWith("not written: the new file has 1 error(s); the previous file is left as it was\n"), run.out());
        assertArrayEquals(before, Files.readAllBytes(file("acme-files")));
        // and a new file that would not validate is not created at all
        CliRun fresh = importTools("{\"tools\": [{\"name\": \"x\", \"inputSchema\": {\"type\": \"string\"}}]}",
                "--slug", "other", "--name", "Other", "--repository", "https://github.com/acme/other", "--description", "Reads and writes files under one root directory.");
        assertEquals(Main.INVALID, fresh.exitCode());
        assertFalse(Files.exists(file("other")));
    }

    @Test
    void updatingKeepsCommentsAndCuratedFieldsAndReportsEachChange() throws Exception {
        String fpDeleteOld = sha("{\"annotations\":{},\"description\":\"Delete a file.\",\"inputSchema\":{\"properties\":"
                + "{\"path\":{\"type\":\"string\"}},\"type\":\"object\"},\"name\":\"delete_file\"}");
        String fpRead = sha("{\"annotations\":{\"readOnlyHint\":true},\"description\":\"Read the complete contents of a file.\","
                + "\"inputSchema\":{\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"],\"type\":\"object\"},"
                + "\"name\":\"read_file\"}");
        String fpDeleteNew = sha("{\"annotations\":{},\"description\":\"Delete a file.\",\"inputSchema\":{\"properties\":"
                + "{\"path\":{\"type\":\"string\"},\"recursive\":{\"type\":\"boolean\"}},\"type\":\"object\"},\"name\":\"delete_file\"}");
        String fpReadOld = sha("{\"annotations\":{\"readOnlyHint\":true},\"description\":\"Read a file.\",\"inputSchema\":"
                + "{\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"],\"type\":\"object\"},\"name\":\"read_file\"}");
        String fpWrite = sha("{\"annotations\":{},\"description\":\"Write a file.\",\"inputSchema\":{\"properties\":"
                + "{\"content\":{\"type\":\"string\"},\"path\":{\"type\":\"string\"}},\"required\":[\"path\",\"content\"],"
                + "\"type\":\"object\"},\"name\":\"write_file\"}");
        Files.writeString(file("acme-files"), Files.readString(Path.of(RES + "commented/acme-files.yaml"))
                .replace("{{FP_DELETE_OLD}}", fpDeleteOld));
        Path input = tmp.resolve("tools.json");
        Files.copy(Path.of(RES + "commented/tools.json"), input);
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "tools-list", "--verified",
                "2026-11-20", "--slug", "acme-files", input.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(List.of("changed: read_file (description)", "removed: old_tool", "changed: delete_file (inputSchema)",
                "added: write_file", file("acme-files") + ": updated, 1 added, 1 removed, 2 changed (3 tools)"),
                run.outLines().stream().filter(l -> !l.contains("warning:")).toList());
        String expected = Files.readString(Path.of(RES + "commented/acme-files.expected.yaml"))
                .replace("{{FP_READ}}", fpRead).replace("{{FP_DELETE_NEW}}", fpDeleteNew).replace("{{FP_WRITE}}", fpWrite)
                .replace("{{FP_READ_OLD}}", fpReadOld).replace("{{FP_DELETE_OLD}}", fpDeleteOld);
        assertEquals(expected, Files.readString(file("acme-files")));
        // The curated description of delete_file differs from the published one: validate says so, once.
        List<Diagnostic> diagnostics = validate().diagnostics();
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertTrue(diagnostics.get(0).message().startsWith("fingerprint of tool \"delete_file\" no longer matches"));
        // Unchanged upstream: nothing changes, and the curated description is still kept.
        CliRun again = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "tools-list", "--verified",
                "2026-11-22", "--slug", "acme-files", input.toString());
        assertTrue(again.out().endsWith("unchanged (3 tools)\n"), again.out());
        assertEquals(expected, Files.readString(file("acme-files")));
    }

    /** Docker's own servers (curl, docker, ffmpeg) list their tools in server.yaml, arguments under parameters. */
    @Test
    void dockerEntryWithToolsInServerYaml() throws IOException {
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "docker", "--verified", "2026-11-20",
                "--publisher", "docker", "--repository", "https://github.com/docker/mcp-registry", RES + "docker/curl");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Tool curl = server("curl").tool("curl").orElseThrow();
        assertEquals("Run a curl command.", curl.description());
        assertEquals(JsonText.canonical(JsonText.parse("""
                {"type": "object", "properties": {"args": {"type": "array", "description": "The arguments to pass to curl",
                 "items": {"type": "string"}}}, "required": ["args"]}""")), JsonText.canonical(curl.inputSchema()));
    }

    @Test
    void aDockerRemoteEntryKeepsItsUrlAndTransport() throws IOException {
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "docker", "--verified",
                "2026-11-20", RES + "docker/example-remote");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = server("example-remote");
        assertEquals(List.of("https://mcp.example.com/mcp streamable-http"),
                s.remotes().stream().map(r -> r.url() + " " + r.transport().label()).toList());
        assertEquals(List.of(), s.packages(), "a remote entry has no image");
    }

    @Test
    void dockerEntryArgumentsBecomeAJsonSchema() throws IOException {
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "docker", "--verified",
                "2026-11-20", RES + "docker/buildkite");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = server("buildkite");
        assertEquals("Buildkite", s.name());
        assertEquals("buildkite", s.publisher());
        assertEquals("https://github.com/buildkite/buildkite-mcp-server", s.repository().toString());
        assertEquals(List.of("devops"), s.tags());
        assertEquals("stdio", s.transport().orElseThrow().label());
        assertEquals("Docker MCP catalog (docker/mcp-registry, MIT): buildkite", s.source());
        // The image is the package; the catalog's secret is a required, secret variable, and no value is kept.
        assertEquals(List.of(new org.mcpcatalogue.model.Package("oci", "mcp/buildkite", java.util.Optional.empty(),
                        s.transport(), List.of(new org.mcpcatalogue.model.Package.EnvironmentVariable("BUILDKITE_API_TOKEN",
                                java.util.Optional.empty(), java.util.Optional.of(true), java.util.Optional.of(true))))),
                s.packages());
        assertFalse(Files.readString(catalogue.resolve("servers/buildkite.yaml")).contains("bkua_"), "examples are never kept");
        Tool build = s.tool("create_build").orElseThrow();
        assertEquals(JsonText.canonical(JsonText.parse("""
                {"type": "object", "properties": {
                  "branch": {"type": "string", "description": "The branch to build"},
                  "commit": {"type": "string", "description": "The commit SHA to build"},
                  "message": {"type": "string", "description": "The commit message for the build"},
                  "org_slug": {"type": "string", "description": "The organization slug for the owner of the pipeline"},
                  "pipeline_slug": {"type": "string", "description": "The slug of the pipeline"},
                  "environment": {"type": "array", "items": {"type": "object"}, "description": "Environment variables to set for the build"},
                  "metadata": {"type": "array", "items": {"type": "object"}, "description": "Meta-data values to set for the build"}},
                 "required": ["branch", "commit", "message", "org_slug", "pipeline_slug"]}""")),
                JsonText.canonical(build.inputSchema()));
        Tool token = s.tool("access_token").orElseThrow();
        assertEquals("{\"type\":\"object\"}", JsonText.write(token.inputSchema()));
        assertEquals("Get Access Token", token.annotations().title().orElseThrow());
        assertEquals(token.fingerprint(), token.storedFingerprint().orElseThrow());
        assertEquals(0, validate().errors());

        CliRun vectra = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "docker", RES + "docker/vectra");
        assertEquals(0, vectra.exitCode(), vectra.err());
        Tool details = server("vectra-ai-rux-mcp-server").tool("get_detection_details").orElseThrow();
        assertEquals("{\"type\":\"object\",\"properties\":{\"detection_id\":{\"description\":\"ID of the detection to retrieve"
                + " details for (minimum: 1)\",\"type\":\"integer\"}}}", JsonText.write(details.inputSchema()));

        CliRun sqlite = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "docker", RES + "docker/SQLite");
        assertEquals(0, sqlite.exitCode(), sqlite.err());
        assertTrue(sqlite.err().contains("has no tools.json"), sqlite.err());
        assertTrue(sqlite.out().contains("warning: server lists no tools"), sqlite.out());
    }

    @Test
    void scaffoldToolsAreNamesWithTheirCommentDescriptions() throws IOException {
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "scaffold", "--verified",
                "2026-11-20", "--description", MEMORY, RES + "scaffold/memory.yaml");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = server("memory");
        assertEquals("Memory", s.name());
        assertEquals("modelcontextprotocol", s.publisher());
        assertEquals("https://github.com/modelcontextprotocol/servers", s.repository().toString());
        assertEquals("https://github.com/modelcontextprotocol/servers/tree/main/src/memory", s.homepage().orElseThrow().toString());
        assertEquals(List.of("memory", "knowledge-graph", "entities", "relations"), s.tags());
        assertEquals(List.of("read_graph", "search_nodes", "add_observations", "create_entities", "create_relations",
                "delete_entities", "delete_observations", "delete_relations", "open_nodes"),
                s.tools().stream().map(Tool::name).toList());
        assertEquals("Read the entire knowledge graph", s.tool("read_graph").orElseThrow().description());
        assertEquals("{\"type\":\"object\"}", JsonText.write(s.tool("open_nodes").orElseThrow().inputSchema()));

        CliRun linear = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "scaffold", RES + "scaffold/linear.yaml");
        assertEquals(Main.USAGE, linear.exitCode());
        assertTrue(linear.err().contains("give --publisher, --repository"), linear.err());
    }

    /** By default a source with an invalid tool name is refused whole; --skip-invalid-tools leaves out only that tool, and says so. */
    @Test
    void invalidToolNamesAreRefusedOrLeftOutOnRequestButNeverChanged() throws IOException {
        String json = """
                {"tools": [
                  {"name": "Summarize Detection", "description": "Summarize a detection.", "inputSchema": {"type": "object"}},
                  {"name": "get_detection", "description": "Get a detection.", "inputSchema": {"type": "object"}}]}""";
        String[] facts = {"--slug", "vectra", "--name", "Vectra", "--publisher", "vectra",
                "--repository", "https://github.com/vectra-ai-research/vectra-ai-mcp-server", "--description", "Reads and writes files under one root directory."};
        CliRun refused = importTools(json, facts);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("tool name \"Summarize Detection\" is not a valid MCP tool name"), refused.err());
        assertTrue(Files.notExists(file("vectra")));

        List<String> args = new java.util.ArrayList<>(List.of(facts));
        args.add("--skip-invalid-tools");
        CliRun skipped = importTools(json, args.toArray(String[]::new));
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertTrue(skipped.err().contains("left out: tool name \"Summarize Detection\" is not a valid MCP tool name"), skipped.err());
        Server s = server("vectra");
        assertEquals(List.of("get_detection"), s.tools().stream().map(Tool::name).toList());
        assertTrue(s.source().endsWith("(left out: \"Summarize Detection\", not valid MCP tool names)"), s.source());
    }

    @Test
    void fullDefinitionsWinOverAScaffoldAndEachSourceIsRecorded() throws IOException {
        assertEquals(0, CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "scaffold", "--verified",
                "2026-11-20", "--description", MEMORY, RES + "scaffold/memory.yaml").exitCode());
        CliRun full = importTools("""
                {"tools": [
                  {"name": "read_graph", "description": "Read the entire knowledge graph, every entity and relation.",
                   "inputSchema": {"type": "object", "properties": {}}},
                  {"name": "create_entities", "description": "Create entities.",
                   "inputSchema": {"type": "object", "properties": {"entities": {"type": "array"}}, "required": ["entities"]}}]}""",
                "--slug", "memory");
        assertEquals(0, full.exitCode(), full.err());
        assertTrue(full.out().contains("removed: open_nodes\n"), full.out());
        assertTrue(full.out().contains("changed: create_entities (description, inputSchema)\n"), full.out());
        Server s = server("memory");
        assertEquals(List.of("read_graph", "create_entities"), s.tools().stream().map(Tool::name).toList());
        assertEquals("Create entities.", s.tool("create_entities").orElseThrow().description());
        assertEquals("PolicyLayer scaffold (policylayer/intercept, Apache-2.0): memory; tools/list result (tools.json)", s.source());

        CliRun scaffold = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "scaffold", "--verified",
                "2026-11-21", RES + "scaffold/memory.yaml");
        assertEquals(0, scaffold.exitCode(), scaffold.err());
        assertTrue(scaffold.err().contains("not added: open_nodes (named only by the scaffold"), scaffold.err());
        // What the server published stays: a scaffold's longer summary does not replace it (else importing the
        // two sources in turn would change the file back and forth).
        assertEquals(List.of(),
                scaffold.outLines().stream().filter(l -> l.startsWith("changed") || l.startsWith("added") || l.startsWith("removed")).toList());
        s = server("memory");
        assertEquals(List.of("read_graph", "create_entities"), s.tools().stream().map(Tool::name).toList());
        assertEquals("Read the entire knowledge graph, every entity and relation.", s.tool("read_graph").orElseThrow().description());
        assertEquals("Create entities.", s.tool("create_entities").orElseThrow().description());
        assertEquals("{\"type\":\"object\",\"properties\":{\"entities\":{\"type\":\"array\"}},\"required\":[\"entities\"]}",
                JsonText.write(s.tool("create_entities").orElseThrow().inputSchema()));
        assertEquals(0, validate().errors() + validate().warnings(), validate().diagnostics().toString());
    }

    @Test
    void aRegistryServerJsonGivesTheFactsAndToolsComeLater() throws IOException {
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "server-json", "--verified",
                "2026-11-20", RES + "server-json/memory.server.json");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = server("server-memory");
        assertEquals("Knowledge Graph Memory", s.name());
        assertEquals("modelcontextprotocol", s.publisher());
        assertEquals("https://github.com/modelcontextprotocol/servers", s.repository().toString());
        assertEquals("stdio", s.transport().orElseThrow().label());
        assertTrue(s.description().startsWith("Persistent memory for agents"));
        assertEquals("MCP registry server.json of io.github.modelcontextprotocol/server-memory 2026.8.31", s.source());
        CliRun tools = importTools(READ_FILE, "--slug", "server-memory");
        assertEquals(0, tools.exitCode(), tools.err());
        s = server("server-memory");
        assertEquals("Knowledge Graph Memory", s.name());
        assertEquals(1, s.tools().size());
        assertTrue(s.source().endsWith("; tools/list result (tools.json)"), s.source());
    }

    @Test
    void usageErrors() {
        assertEquals(Main.USAGE, CliRun.of("import", "--catalogue", catalogue.toString()).exitCode());
        assertEquals(Main.USAGE, CliRun.of("import", "--from", "nonsense", "x").exitCode());
        assertEquals(Main.USAGE, CliRun.of("import", "--stdio", "--timeout", "soon", "--", "true").exitCode());
        CliRun missing = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "tools-list", "--slug", "x",
                tmp.resolve("nope.json").toString());
        assertEquals(Main.INVALID, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void theRealGithubSampleImportsAndValidates() throws IOException {
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--from", "tools-list", "--name", "GitHub",
                "--repository", "https://github.com/github/github-mcp-server", "--license", "MIT",
                "--description", "GitHub's official MCP Server",
                RES + "tools-list/github-sample.tools.json");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = server("github");
        assertEquals("github", s.publisher());
        assertEquals(List.of("create_issue", "delete_file", "get_me"), s.tools().stream().map(Tool::name).toList());
        for (Tool t : s.tools()) {
            assertEquals(t.fingerprint(), t.storedFingerprint().orElseThrow(), t.name());
        }
        Json.Obj source = (Json.Obj) (JsonText.parse(Files.readString(Path.of(RES + "tools-list/github-sample.tools.json"))));
        Json.Obj first = (Json.Obj) ((Json.Arr) source.get("tools").orElseThrow()).items().get(0);
        assertEquals(JsonText.canonical(first.get("inputSchema").orElseThrow()),
                JsonText.canonical(s.tool(((Json.Str) first.get("name").orElseThrow()).value()).orElseThrow().inputSchema()));
        assertEquals(0, validate().errors());
    }
}
