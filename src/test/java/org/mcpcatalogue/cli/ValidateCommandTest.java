package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

class ValidateCommandTest {

    @Test
    void theRepositoryCatalogueIsValid() {
        CliRun run = CliRun.of("validate", "--catalogue", "catalogue");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*: 0 errors, \\d+ warnings\n"), run.out());
        // The only warnings left are servers whose own description could not be found (issue 12) and tools their
        // real server publishes without a description (the bulk import, true facts the classifier scores as thin
        // documentation): every other kind of warning is a regression.
        List<String> warnings = run.outLines().stream().filter(l -> l.contains(": warning: ")).toList();
        assertEquals(List.of(), warnings.stream().filter(l -> !DESCRIPTION_WARNING.matcher(l).find()).toList());
    }

    /** The warnings of a server description that is a placeholder or too short, or of a tool with no description. */
    static final java.util.regex.Pattern DESCRIPTION_WARNING = java.util.regex.Pattern.compile(
            ": warning: description \".*\" is (a placeholder|shorter than 20 characters); "
                    + "|: warning: tool \".*\" has no description; the classifier counts thin documentation as a risk signal$");

    /** A copy of the real catalogue, broken in three places, reports all three with positions and exits 1. */
    @Test
    void aBrokenCopyReportsEveryProblem(@TempDir Path tmp) throws IOException {
        Path copy = copyCatalogue(tmp);
        Path together = copy.resolve("servers/together-ai.yaml");
        String text = Files.readString(together)
                .replace("repository: https://github.com/manascb1344/together-mcp-server", "repository: javascript:alert(1)")
                .replace("license: MIT", "licence: MIT")
                .replace("          enum: [b64_json, url]", "          enum: &formats [b64_json, url]");
        Files.writeString(together, text);
        String display = copy.toString();
        CliRun run = CliRun.of("validate", "--catalogue", display);
        assertEquals(1, run.exitCode());
        String file = display + "/servers/together-ai.yaml";
        List<String> lines = run.outLines().stream().filter(l -> !DESCRIPTION_WARNING.matcher(l).find()).toList();
        assertEquals(List.of(
                file + ":5:13: error: \"repository\" must be an https URL, got \"javascript:alert(1)\"",
                file + ":10:1: error: unknown field \"licence\" in server; did you mean \"license\"?",
                file + ":55:17: error: YAML anchors are not allowed (&formats); write the value out in full"),
                lines.subList(0, lines.size() - 1));
        assertTrue(lines.get(lines.size() - 1).matches(serverFiles(copy) + " servers, \\d+ tools: 3 errors, \\d+ warnings?"),
                lines.get(lines.size() - 1));
    }

    /**
     * A curated level is checked against the floors of the catalogue's own rules (levels.floors): with the
     * Destructive floor lowered to High, the curated Destructive tool at Low is below High, not Critical.
     */
    @Test
    void curatedLevelsAreCheckedAgainstTheCataloguesRules(@TempDir Path tmp) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("cat/servers"));
        Files.copy(Path.of("src/test/resources/catalogues/invalid/curation/servers/demo.yaml"), copy.resolve("demo.yaml"));
        String rules = Files.readString(Path.of("catalogue/rules/classification.yaml"));
        String floors = "floors: {Read: Low, Write: Medium, Execute: High, Destructive: Critical, Financial: Critical}";
        assertTrue(rules.contains(floors), "the repository's rules changed their floors line");
        Files.createDirectories(tmp.resolve("cat/rules"));
        Files.writeString(tmp.resolve("cat/rules/classification.yaml"), rules.replace(floors, floors.replace("Destructive: Critical",
                "Destructive: High")));
        String display = tmp.resolve("cat").toString();
        CliRun run = CliRun.of("validate", "--catalogue", display);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(display + "/servers/demo.yaml:14:19: error: risk_level Low is below High, the level of every"
                + " Destructive tool"), run.out());
    }

    /** A rules file that does not load is reported with its position, beside the catalogue's own problems. */
    @Test
    void aBrokenRulesFileIsAnError(@TempDir Path tmp) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("cat/servers"));
        Files.copy(Path.of("src/test/resources/catalogues/invalid/curation/servers/demo.yaml"), copy.resolve("demo.yaml"));
        Files.createDirectories(tmp.resolve("cat/rules"));
        Files.writeString(tmp.resolve("cat/rules/classification.yaml"), "levels: [\n");
        String display = tmp.resolve("cat").toString();
        CliRun run = CliRun.of("validate", "--catalogue", display);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith(display + "/rules/classification.yaml:")
                && l.contains(": error: ")), run.out());
        assertTrue(run.out().contains(display + "/servers/demo.yaml:14:19: error: risk_level Low is below Critical"), run.out());
    }

    @Test
    void jsonFormatCarriesCountsAndDiagnostics(@TempDir Path tmp) throws IOException {
        Path copy = copyCatalogue(tmp);
        Files.writeString(copy.resolve("servers/extra.yml"), "slug: extra\n");
        CliRun run = CliRun.of("validate", "--catalogue", copy.toString(), "--format", "json");
        assertEquals(1, run.exitCode());
        Json.Obj json = (Json.Obj) JsonText.parse(run.out().trim());
        assertEquals(Json.FALSE, json.get("valid").orElseThrow());
        assertEquals(Json.Num.of(serverFiles(copy) + 1), json.get("files").orElseThrow());
        assertEquals(Json.Num.of(serverFiles(copy)), json.get("servers").orElseThrow());
        assertEquals(Json.Num.of(1), json.get("errors").orElseThrow());
        Json.Obj d = (Json.Obj) ((Json.Arr) json.get("diagnostics").orElseThrow()).items().stream()
                .filter(x -> ((Json.Obj) x).get("severity").orElseThrow().equals(new Json.Str("error"))).findFirst().orElseThrow();
        assertEquals(new Json.Str(copy + "/servers/extra.yml"), d.get("file").orElseThrow());
        assertEquals(Json.Num.of(1), d.get("line").orElseThrow());
        assertEquals(Json.Num.of(1), d.get("column").orElseThrow());
        assertEquals(new Json.Str("error"), d.get("severity").orElseThrow());
        assertEquals(new Json.Str("server files must end in .yaml, not .yml"), d.get("message").orElseThrow());
    }

    @Test
    void githubFormatPrintsWorkflowAnnotations() {
        CliRun run = CliRun.of("validate", "--catalogue", "src/test/resources/catalogues/invalid/bad-tags", "--format", "github");
        assertEquals(1, run.exitCode());
        assertEquals(List.of(
                "::error file=src/test/resources/catalogues/invalid/bad-tags/servers/demo.yaml,line=6,col=8::tag \"Image Gen\" must be a lower-case word (a-z, 0-9, words joined by \"-\")",
                "::warning file=src/test/resources/catalogues/invalid/bad-tags/servers/demo.yaml,line=6,col=23::tag \"ok\" is listed twice",
                "1 server, 1 tool: 1 error, 1 warning"), run.outLines());
    }

    @Test
    void githubEscapingFollowsTheWorkflowCommandRules() {
        assertEquals("50%25 done%0Anext", ValidateCommand.data("50% done\nnext"));
        assertEquals("a%3Ab%2Cc", ValidateCommand.property("a:b,c"));
    }

    @Test
    void warningsAloneDoNotFail() {
        CliRun run = CliRun.of("validate", "--catalogue", "src/test/resources/catalogues/invalid/bidi-tool-name");
        assertEquals(1, run.exitCode(), "the bidi name is an error");
        run = CliRun.of("validate", "--catalogue", "src/test/resources/catalogues/valid");
        assertEquals(0, run.exitCode(), run.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of("validate", "--format", "xml").exitCode());
        assertEquals(2, CliRun.of("no-such-command").exitCode());
        assertEquals(2, CliRun.of().exitCode());
    }

    @Test
    void helpAndVersionExitWithZero() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("validate"), help.out());
        assertEquals(0, CliRun.of("--version").exitCode());
    }

    /** The number of server files (*.yaml) in a catalogue directory. */
    private static long serverFiles(Path catalogue) throws IOException {
        try (Stream<Path> s = Files.list(catalogue.resolve("servers"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
    }

    private static Path copyCatalogue(Path tmp) throws IOException {
        Path copy = tmp.resolve("catalogue");
        Path source = Path.of("catalogue");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}
