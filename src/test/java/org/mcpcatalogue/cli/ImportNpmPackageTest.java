package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.importer.Node;
import org.mcpcatalogue.importer.NpmPackage;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Package;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Transport;

/**
 * {@code import --stdio} of a server installed from npm takes the description, repository and licence from the
 * package's own package.json and records its {@code packages} entry, with the names (never the values) of the
 * environment variables the command set.
 */
class ImportNpmPackageTest {

    @TempDir
    Path tmp;

    /** An npm install folder holding {@code @acme/fake-mcp} (the test's fake server) with its package.json. */
    private Path install(String packageJson) throws IOException {
        Path pkg = Files.createDirectories(tmp.resolve("prefix/node_modules/@acme/fake-mcp/dist"));
        Files.writeString(pkg.getParent().resolve("package.json"), packageJson);
        Files.copy(Path.of("src/test/resources/import/fake/fake-server.js"), pkg.resolve("index.js"));
        return pkg.resolve("index.js");
    }

    static final String PACKAGE_JSON = """
            {"name": "@acme/fake-mcp", "version": "1.2.3",
             "description": "A fake MCP server that lists a few tools for the importer's tests.",
             "repository": {"type": "git", "url": "git+https://github.com/acme/fake-mcp.git"},
             "license": "MIT"}""";

    @Test
    void thePackageJsonOfTheEntryFileIsFound() throws IOException {
        Path entry = install(PACKAGE_JSON);
        NpmPackage p = NpmPackage.of(List.of("env", "TOKEN=x", "node", entry.toString(), "pages"), tmp).orElseThrow();
        assertEquals("@acme/fake-mcp", p.name());
        assertEquals("1.2.3", p.version());
        assertEquals(Optional.of("A fake MCP server that lists a few tools for the importer's tests."), p.description());
        assertEquals(Optional.of("https://github.com/acme/fake-mcp"), p.repository());
        assertEquals(Optional.of("MIT"), p.license());
        assertEquals(Optional.empty(), NpmPackage.of(List.of("node", "src/test/resources/import/fake/fake-server.js"),
                Path.of("").toAbsolutePath()), "a file outside node_modules belongs to no package");
    }

    @Test
    void environmentNamesAreKeptAndPlainAddressesAreNotSecrets() {
        assertEquals(Map.of("API_KEY", true, "ES_URL", false, "DB", true),
                NpmPackage.environment(List.of("env", "API_KEY=placeholder", "ES_URL=http://127.0.0.1:9",
                        "DB=postgres://user:pw@host/db", "node", "x.js", "NOT=an-env-var")));
        assertEquals(List.of(), NpmPackage.environmentNames(List.of("node", "A=b")), "only env sets variables");
        assertEquals("https://github.com/a/b", NpmPackage.https("github:a/b").orElseThrow());
        assertEquals("https://github.com/a/b", NpmPackage.https("git@github.com:a/b.git").orElseThrow());
    }

    @Test
    void aLiveImportRecordsItsPackageAndTakesItsDescription() throws IOException {
        Node.require();
        Path entry = install(PACKAGE_JSON);
        Path catalogue = Files.createDirectories(tmp.resolve("catalogue/servers")).getParent();
        CliRun run = CliRun.of("import", "--catalogue", catalogue.toString(), "--stdio", "--no-sandbox", "--slug", "fake",
                "--name", "Fake", "--verified", "2026-11-20", "--request-timeout", "120s", "--timeout", "300s", "--",
                "env", "FAKE_TOKEN=placeholder", "FAKE_URL=https://127.0.0.1:9/", "node", entry.toString(), "pages");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Server s = new CatalogueLoader().load(catalogue, "c").servers().stream().map(LoadedServer::server)
                .filter(x -> x.slug().equals("fake")).findFirst().orElseThrow();
        assertEquals("A fake MCP server that lists a few tools for the importer's tests.", s.description());
        assertEquals("https://github.com/acme/fake-mcp", s.repository().toString());
        assertEquals(Optional.of("MIT"), s.license());
        assertEquals(List.of(new Package("npm", "@acme/fake-mcp", Optional.of("1.2.3"), Optional.of(Transport.STDIO), List.of(
                new Package.EnvironmentVariable("FAKE_TOKEN", Optional.empty(), Optional.of(true), Optional.of(true)),
                new Package.EnvironmentVariable("FAKE_URL", Optional.empty(), Optional.of(true), Optional.of(false))))),
                s.packages());
        assertTrue(!Files.readString(catalogue.resolve("servers/fake.yaml")).contains("placeholder"),
                "no value of the environment is written");
    }
}
