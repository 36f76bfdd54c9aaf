package org.mcpcatalogue.importer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageFactsTest {

    @TempDir
    Path dir;

    @Test
    void repositoriesBecomeHttpsUrls() {
        assertEquals(Optional.of("https://github.com/acme/server"), PackageFacts.https("git+https://github.com/acme/server.git"));
        assertEquals(Optional.of("https://github.com/acme/server"), PackageFacts.https("git@github.com:acme/server.git"));
        assertEquals(Optional.of("https://github.com/acme/server"), PackageFacts.https("github:acme/server"));
        assertEquals(Optional.of("https://github.com/acme/server"), PackageFacts.https("acme/server"));
        assertEquals(Optional.of("https://github.com/acme/mono"), PackageFacts.https("git://github.com/acme/mono.git#main"));
        assertEquals(Optional.empty(), PackageFacts.https("file:../local"));
    }

    @Test
    void aShortDescriptionGivesWayToTheReadme() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@acme/mcp\",\"description\":\"MCP server\","
                + "\"bin\":{\"acme-mcp\":\"dist/index.js\",\"acme-setup\":\"dist/setup.js\"}}");
        Files.writeString(dir.resolve("README.md"), "# Acme MCP\n\n[![npm](https://badge)](https://npm)\n\n"
                + "Lets an assistant **search** Acme tickets and\n[comment](https://acme.example) on them.\n\n## Install\n");
        Files.createDirectories(dir.resolve("dist"));
        Files.writeString(dir.resolve("dist/index.js"), "");
        Files.writeString(dir.resolve("dist/setup.js"), "");

        PackageFacts facts = PackageFacts.read(dir);

        assertEquals(Optional.of("Lets an assistant search Acme tickets and comment on them."), facts.description());
        assertEquals(Optional.of(dir.resolve("dist/index.js")), facts.entryFile("@acme/mcp", Optional.empty()),
                "of several bins, the one with mcp in its name");
        assertEquals(Optional.of(dir.resolve("dist/setup.js")), facts.entryFile("@acme/mcp", Optional.of("acme-setup")));
        assertEquals(Optional.empty(), facts.entryFile("@acme/mcp", Optional.of("../../etc/passwd")));
    }

    @Test
    void thePublisherIsTheAuthorElseTheScope() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@acme/mcp\",\"author\":\"Jane Doe <jane@example.com> (https://x)\"}");
        assertEquals("Jane Doe", PackageFacts.read(dir).publisher("@acme/mcp"));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@acme/mcp\"}");
        assertEquals("acme", PackageFacts.read(dir).publisher("@acme/mcp"));
        assertEquals("plain-mcp", PackageFacts.read(dir).publisher("plain-mcp"));
    }
}
