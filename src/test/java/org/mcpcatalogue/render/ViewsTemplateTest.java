package org.mcpcatalogue.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.model.ToolChange;

/** The view helpers the templates use: the plural helper, sentences, inline code, change details, shell words. */
class ViewsTemplateTest {

    @Test
    void thePluralHelperKeepsTheSingularOnlyForOne() {
        assertEquals("0 tools", Views.pluralText("0 tool|tools"));
        assertEquals("1 tool", Views.pluralText("1 tool|tools"));
        assertEquals("2 tools", Views.pluralText("2 tool|tools"));
        assertEquals("1,000 tools", Views.pluralText("1,000 tool|tools"));
        assertEquals("1 Read tool", Views.pluralText("1 Read tool|Read tools"));
        assertEquals("no number|here", Views.pluralText("no number|here"));
    }

    /** The helper as a template uses it, through mustache: the body is rendered first, then the word chosen. */
    @Test
    void thePluralHelperWorksInATemplate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.mustache"), "{{#site.plural}}{{n}} tool|tools{{/site.plural}}.");
        Templates t = new Templates(dir);
        for (var e : Map.of(0, "0 tools.", 1, "1 tool.", 2, "2 tools.").entrySet()) {
            assertEquals(e.getValue(), t.render("t", Map.of("site", Map.of("plural", Views.PLURAL), "n", e.getKey())));
        }
    }

    @Test
    void aSentenceEndsWithAFullStopOnce() {
        assertEquals("Generate images using Flux.1 Schnell model.", Views.sentence("Generate images using Flux.1 Schnell model"));
        assertEquals("Delete a file.", Views.sentence("Delete a file."));
        assertEquals("Is it?", Views.sentence("Is it?"));
        assertEquals("Cut here…", Views.sentence("Cut here…"));
        assertEquals("He said \"stop.\"", Views.sentence("He said \"stop.\""));
    }

    @Test
    void backticksBecomeCodeAndEverythingElseIsEscaped() {
        assertEquals("Text that <code>get_issue</code> returns &lt;b&gt; can make the agent call <code>delete_branch</code>.",
                Views.inlineCode("Text that `get_issue` returns <b> can make the agent call `delete_branch`."));
        assertEquals("an odd ` backtick", Views.inlineCode("an odd ` backtick"));
    }

    @Test
    void aChangeIsShownPartByPartFromItsSummary() {
        ToolChange c = new ToolChange(LocalDate.parse("2026-11-21"), "delete_file", "sha256:a", "sha256:b",
                List.of("description", "inputSchema", "annotations"),
                "description changed; inputSchema: added property \"recursive\", removed properties \"a\", \"b\", now requires \"path\";"
                        + " annotations: destructiveHint absent → true, readOnlyHint true → false",
                Location.ofFile("acme-files.yaml"));
        assertEquals(Map.of(
                "description", List.of("changed"),
                "inputSchema", List.of("added property \"recursive\"", "removed properties \"a\", \"b\"", "now requires \"path\""),
                "annotations", List.of("destructiveHint absent → true", "readOnlyHint true → false")), Changes.details(c));
    }

    @Test
    void shellWordsAreQuotedOnlyWhenTheyNeedIt() {
        assertEquals("@acme/files-mcp@1.4.0", Install.shellWord("@acme/files-mcp@1.4.0"));
        assertEquals("'a b'", Install.shellWord("a b"));
        assertEquals("'it'\\''s'", Install.shellWord("it's"));
    }
}
