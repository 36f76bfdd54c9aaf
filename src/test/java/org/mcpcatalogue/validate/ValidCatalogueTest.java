package org.mcpcatalogue.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Hint;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.model.Transport;

/** The valid fixture loads without a diagnostic into exactly the model its files describe. */
class ValidCatalogueTest {

    private final CatalogueValidator.Result result = Fixtures.validate(Fixtures.VALID);
    private final Catalogue catalogue = result.catalogue().orElseThrow(() ->
            new AssertionError("valid fixture has errors: " + Fixtures.lines(result)));

    @Test
    void hasNoDiagnostics() {
        assertEquals(List.of(), Fixtures.lines(result));
        assertEquals(3, result.files());
        assertEquals(5, result.tools());
    }

    @Test
    void serversAreSortedBySlug() {
        assertEquals(List.of("empty-args", "files", "z-last"), catalogue.servers().stream().map(Server::slug).toList());
    }

    @Test
    void serverFieldsAreRead() {
        Server files = catalogue.server("files").orElseThrow();
        assertEquals("Files", files.name());
        assertEquals("NO", files.publisher(), "YAML 1.2: NO is a string, not false");
        assertEquals(URI.create("https://github.com/example/files-mcp"), files.repository());
        assertEquals(Optional.of(URI.create("http://files.example.org/")), files.homepage());
        assertEquals("Reads and writes files under one root directory.\n\n*Markdown* is allowed here.\n", files.description());
        assertEquals(List.of("filesystem", "local"), files.tags());
        assertEquals(Optional.of("Apache-2.0"), files.license());
        assertEquals(Optional.of(Transport.STREAMABLE_HTTP), files.transport());
        assertEquals(LocalDate.of(2026, 10, 31), files.verified());
        assertEquals("tools/list of version 1.2.0", files.source());
        assertEquals(List.of("read_file", "delete_file", "files.stat"), files.tools().stream().map(Tool::name).toList());
    }

    @Test
    void hintsAreThreeValued() {
        Tool read = catalogue.server("files").orElseThrow().tool("read_file").orElseThrow();
        assertEquals(Optional.of("Read file"), read.annotations().title());
        assertEquals(Hint.TRUE, read.annotations().readOnlyHint());
        assertEquals(Hint.ABSENT, read.annotations().destructiveHint());
        assertEquals(Hint.ABSENT, read.annotations().idempotentHint());
        assertEquals(Hint.FALSE, read.annotations().openWorldHint());
        Tool stat = catalogue.server("files").orElseThrow().tool("files.stat").orElseThrow();
        assertTrue(stat.annotations().isEmpty());
    }

    @Test
    void schemasAreKeptAsJsonInDocumentOrder() {
        Tool read = catalogue.server("files").orElseThrow().tool("read_file").orElseThrow();
        assertEquals("{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"Path relative to the root\"}},\"required\":[\"path\"]}",
                JsonText.write(read.inputSchema()));
        assertEquals(Optional.of(new Json.Str("object")), read.outputSchema().orElseThrow().get("type"));
    }

    @Test
    void curationIsRead() {
        Tool delete = catalogue.server("files").orElseThrow().tool("delete_file").orElseThrow();
        var c = delete.curation().orElseThrow();
        assertEquals(Category.DESTRUCTIVE, c.category());
        assertEquals(Optional.of(RiskLevel.CRITICAL), c.riskLevel());
        assertEquals(Optional.of(5), c.riskScore());
        assertEquals("Recursive deletion can remove the whole root.", c.rationale());
    }

    @Test
    void toolSlugsLowerCaseAndReplaceUnderscoresAndDots() {
        assertEquals("files-stat", catalogue.server("files").orElseThrow().tool("files.stat").orElseThrow().slug());
        assertEquals("z-upper-case-tool", catalogue.server("z-last").orElseThrow().tools().get(0).slug());
    }

    @Test
    void locationsPointAtTheDefinitions() {
        Tool delete = catalogue.server("files").orElseThrow().tool("delete_file").orElseThrow();
        assertEquals("catalogue/servers/files.yaml:33:5", delete.location().toString());
    }
}
