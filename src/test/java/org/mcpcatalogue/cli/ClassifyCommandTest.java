package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

class ClassifyCommandTest {

    @AfterEach
    void restoreStdin() {
        ClassifyCommand.stdin = () -> System.in;
    }

    private static CliRun withStdin(String input, String... args) {
        ClassifyCommand.stdin = () -> new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        return CliRun.of(args);
    }

    private static List<Json.Obj> lines(CliRun run) {
        return run.outLines().stream().map(l -> (Json.Obj) JsonText.parse(l)).toList();
    }

    private static String str(Json.Obj o, String key) {
        return ((Json.Str) o.get(key).orElseThrow()).value();
    }

    @Test
    void oneToolGivesOneLineWithEveryField() {
        CliRun run = withStdin("{\"name\":\"delete_file\",\"description\":\"Delete a file.\",\"inputSchema\":{\"type\":\"object\"}}", "classify");
        assertEquals(0, run.exitCode(), run.err());
        Json.Obj line = lines(run).get(0);
        assertEquals(List.of("name", "category", "risk_level", "risk_score", "confidence", "signals", "flags", "policy",
                "policy_summary", "proof"), List.copyOf(line.members().keySet()));
        assertEquals("Destructive", str(line, "category"));
        assertEquals("Critical", str(line, "risk_level"));
        Json.Obj signal = (Json.Obj) ((Json.Arr) line.get("signals").orElseThrow()).items().get(0);
        assertEquals(List.of("source", "detail", "effect"), List.copyOf(signal.members().keySet()));
        assertTrue(str(line, "policy").contains("action: \"deny\""), str(line, "policy"));
    }

    @Test
    void theSnippetPrintedPassesPolicyCheck(@TempDir Path tmp) throws Exception {
        CliRun run = withStdin("{\"tools\":[{\"name\":\"generate_image\",\"description\":\"Generate images using Flux.1 Schnell model\","
                + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}},\"required\":[\"prompt\"]}},"
                + "{\"name\":\"list_models\",\"description\":\"List the models.\"}]}", "classify", "--tag", "paid-inference");
        List<Json.Obj> out = lines(run);
        assertEquals(2, out.size());
        assertEquals("Execute", str(out.get(0), "category"));
        assertEquals(Json.Num.of(3), out.get(0).get("risk_score").orElseThrow());
        for (Json.Obj line : out) {
            Path file = tmp.resolve(str(line, "name") + ".yaml");
            Files.writeString(file, str(line, "policy"));
            CliRun check = CliRun.of("policy", "check", file.toString());
            assertEquals(0, check.exitCode(), check.out());
            assertEquals(file + ": valid\n", check.out());
        }
    }

    @Test
    void anArrayAndAFileAreAccepted(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("tools.json");
        Files.writeString(f, "[{\"name\":\"a_get\"},{\"name\":\"b_list\"}]");
        assertEquals(2, CliRun.of("classify", f.toString()).outLines().size());
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        CliRun run = withStdin("{\"name\": \"x\",\n \"description\": }", "classify");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("catalogue: stdin:2:17: error: not valid JSON"), run.err());
    }

    @Test
    void aNonToolIsRefused() {
        CliRun run = withStdin("{\"name\": 5}", "classify");
        assertEquals(1, run.exitCode());
        assertEquals("catalogue: stdin: error: \"name\" must be a string, found integer\n", run.err());
    }

    /** Issue 10, item 7. Written from the rules by hand: the verb, the signals in the order the rules add them. */
    @Test
    void textFormatIsAReadableVerdictWithThePolicy() {
        CliRun run = withStdin("[{\"name\":\"delete_file\",\"description\":\"Delete a file.\",\"inputSchema\":{\"type\":\"object\"}},"
                + "{\"name\":\"execute_sql\",\"description\":\"Run SQL against the database.\",\"inputSchema\":{\"type\":\"object\","
                + "\"properties\":{\"sql\":{\"type\":\"string\",\"description\":\"The SQL statement to execute\"}},\"required\":[\"sql\"]}}]",
                "classify", "--format", "text");
        assertEquals(0, run.exitCode(), run.err());
        String defaults = "no hints declared; MCP defaults assumed: not read-only, destructive, not idempotent, open world (default)"
                + " → none: defaults are not evidence either way";
        assertEquals("""
                delete_file
                  category:    Destructive
                  risk:        Critical · 5/5
                  confidence:  high
                  signals:
                    name: verb "delete" → Destructive
                    annotation: %s
                    description: thin description (14 characters) → +1 risk
                  flags:       none
                  recommended: Deny (or hide) until enabled deliberately
                  policy (the embedded engine checked 2 claims, 2 hold):
                version: "1"

                tools:
                  delete_file:
                    rules:
                      - name: "block delete_file"
                        action: "deny"
                        on_deny: "delete_file can delete or irreversibly overwrite data, so this policy blocks it. Ask the user to do it themselves, or to enable it deliberately by replacing this rule in the policy."

                execute_sql
                  category:    Execute
                  risk:        Critical · 5/5
                  confidence:  high
                  signals:
                    name: verb "execute_sql" → Execute
                    schema: free-form command, script or SQL input ("sql") → +1 risk
                    annotation: %s
                    schema: "sql" is run as given (its description: "The SQL statement to execute"): it runs code, commands, scripts or queries that the caller writes → +1 risk, to 5/5 (Critical); blocked by default, like a Destructive tool
                  flags:       none
                  recommended: Deny (or hide) until enabled deliberately
                  policy (the embedded engine checked 2 claims, 2 hold):
                version: "1"

                tools:
                  execute_sql:
                    rules:
                      - name: "block execute_sql"
                        action: "deny"
                        on_deny: "execute_sql runs code, commands or queries that the caller writes, so this policy blocks it. Ask the user to run it themselves, or to enable it deliberately by replacing this rule in the policy."
                """.formatted(defaults, defaults), run.out());
    }

    @Test
    void textFormatEscapesControlCharactersFromThePastedTool() {
        // The field's description is quoted in the caller-code signal: its escape sequence must not reach the terminal.
        CliRun run = withStdin("{\"name\":\"shell\",\"description\":\"A shell.\",\"inputSchema\":{\"type\":\"object\",\"properties\":"
                + "{\"command\":{\"type\":\"string\",\"description\":\"Command to run\\u001b[2J\\u202e\"}}}}", "classify", "--format", "text");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(!run.out().contains("\u001b") && !run.out().contains("\u202e"), run.out());
        assertTrue(run.out().contains("(its description: \"Command to run\\u{001B}[2J\\u{202E}\")"), run.out());
    }

    /** A tag character and a zero-width space in the tool's name are shown as escapes, as in validate's messages. */
    @Test
    void textFormatEscapesTagAndZeroWidthCharacters() {
        CliRun run = withStdin("{\"name\":\"list_\\u200bitems\\udb40\\udc41\",\"description\":\"List the items.\"}",
                "classify", "--format", "text");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("list_\\u{200B}items\\u{E0041}\n"), run.out());
        // The report above the policy snippet; the snippet's key is the name itself, as the policy must match it.
        String report = run.out().substring(0, run.out().indexOf("\n  policy ("));
        assertTrue(!report.contains("\u200b") && !report.contains("\udb40\udc41"), report);
    }

    @Test
    void jsonStaysTheDefaultAndAnUnknownFormatIsAUsageError() {
        String tool = "{\"name\":\"list_models\",\"description\":\"List the models available.\"}";
        String byDefault = withStdin(tool, "classify").out();
        assertEquals(byDefault, withStdin(tool, "classify", "--format", "json").out());
        assertTrue(byDefault.startsWith("{\"name\":\"list_models\",\"category\":\"Read\""), byDefault);
        CliRun xml = withStdin(tool, "classify", "--format", "xml");
        assertEquals(2, xml.exitCode());
        assertTrue(xml.err().contains("--format"), xml.err());
    }
}
