package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyEvalCommandTest {

    private static final String RATE_30 = "version: \"1\"\ntools:\n  generate_image:\n    rules:\n"
            + "      - name: \"generate_image rate limit\"\n        rate_limit: 30/minute\n";
    private static final String ALLOWED = "{\"allowed\": true}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Supplier<InputStream> originalStdin = PolicyEvalCommand.stdin;
    private final Supplier<Clock> originalClock = PolicyEvalCommand.clock;

    @AfterEach
    void restore() {
        PolicyEvalCommand.stdin = originalStdin;
        PolicyEvalCommand.clock = originalClock;
    }

    private int eval(String policy, String input) throws IOException {
        Path p = dir.resolve("policy.yaml");
        Files.writeString(p, policy);
        PolicyEvalCommand.stdin = () -> new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "policy", "eval", p.toString());
    }

    private static String call(String tool, String at) {
        return "{\"tool\": \"" + tool + "\", \"args\": {}, \"at\": \"" + at + "\"}";
    }

    @Test
    void thirtyPerMinuteAllowsThirtyDeniesTheThirtyFirstAndAllowsAgainNextMinute() throws IOException {
        StringBuilder in = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < 31; s++) {
            in.append(call("generate_image", String.format("2026-01-01T12:00:%02dZ", s))).append('\n');
            expected.add(s < 30 ? ALLOWED : "{\"allowed\": false, \"rule\": \"generate_image rate limit\", "
                    + "\"message\": \"Rate limit of 30 per minute reached. Try again later.\"}");
        }
        in.append(call("generate_image", "2026-01-01T12:01:00Z")).append('\n');
        expected.add(ALLOWED);
        assertEquals(Main.OK, eval(RATE_30, in.toString()));
        assertEquals(String.join("\n", expected) + "\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anUpstreamErrorRollsTheReservationBack() throws IOException {
        String policy = RATE_30.replace("30/minute", "1/minute");
        String in = "{\"tool\": \"generate_image\", \"at\": \"2026-01-01T12:00:00Z\", \"upstream_error\": true}\n"
                + call("generate_image", "2026-01-01T12:00:01Z") + "\n"
                + call("generate_image", "2026-01-01T12:00:02Z") + "\n";
        assertEquals(Main.OK, eval(policy, in));
        assertEquals(ALLOWED + "\n" + ALLOWED + "\n{\"allowed\": false, \"rule\": \"generate_image rate limit\", "
                + "\"message\": \"Rate limit of 1 per minute reached. Try again later.\"}\n", out.toString());
    }

    @Test
    void callsWithoutAnInstantUseTheClockAndEmptyLinesAreSkipped() throws IOException {
        PolicyEvalCommand.clock = () -> Clock.fixed(Instant.parse("2026-05-05T05:05:05Z"), ZoneOffset.UTC);
        String policy = RATE_30.replace("30/minute", "1/minute") + "hide: [\"secret\"]\n";
        String in = "\n{\"tool\": \"generate_image\"}\n   \n{\"tool\": \"generate_image\", \"args\": null}\n{\"tool\": \"secret\"}\n";
        assertEquals(Main.OK, eval(policy, in));
        assertEquals(ALLOWED + "\n{\"allowed\": false, \"rule\": \"generate_image rate limit\", "
                + "\"message\": \"Rate limit of 1 per minute reached. Try again later.\"}\n"
                + "{\"allowed\": false, \"rule\": \"(hidden)\", \"message\": \"Tool \\\"secret\\\" is hidden by policy\"}\n",
                out.toString());
    }

    @Test
    void anInvalidPolicyIsRefusedWithTheCheckOutput() throws IOException {
        assertEquals(Main.INVALID, eval("version: \"2\"\n", call("t", "2026-01-01T00:00:00Z")));
        assertEquals("", out.toString());
        assertEquals(dir.resolve("policy.yaml") + ": error: version must be \"1\", got \"2\"\n", err.toString());
    }

    @Test
    void aBadLineStopsWithItsLineNumber() throws IOException {
        String in = call("generate_image", "2026-01-01T12:00:00Z") + "\n\n{\"tool\": \"generate_image\", \"at\": \"noon\"}\n"
                + call("generate_image", "2026-01-01T12:00:01Z") + "\n";
        assertEquals(Main.INVALID, eval(RATE_30, in));
        assertEquals(ALLOWED + "\n", out.toString());
        assertEquals("stdin:3: error: \"at\" must be an RFC 3339 time such as 2026-01-01T00:00:05Z, found \"noon\"\n",
                err.toString());
    }

    @Test
    void eachKindOfBadLineIsNamed() throws IOException {
        List<String[]> cases = List.of(
                new String[] {"not json", "stdin:1: error: not a JSON value: "},
                new String[] {"[1]", "stdin:1: error: expected a JSON object such as {\"tool\": \"name\", \"args\": {}}, found array"},
                new String[] {"{\"args\": {}}", "stdin:1: error: \"tool\" must be a non-empty string"},
                new String[] {"{\"tool\": \"t\", \"upstream_error\": 1}", "stdin:1: error: \"upstream_error\" must be true or false, found integer"},
                new String[] {"{\"tool\": \"t\", \"argz\": {}}", "stdin:1: error: unknown key \"argz\"; a call has tool, args, at and upstream_error"});
        for (String[] c : cases) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertEquals(Main.INVALID, eval(RATE_30, c[0] + "\n"), c[0]);
            assertEquals(true, err.toString().startsWith(c[1]), c[0] + " gave " + err);
        }
    }

    /**
     * Intercept forwards a tools/call whose arguments are not a JSON object without evaluating any rule (its proxy
     * cannot decode them into a map); null arguments are an empty object.
     */
    @Test
    void argumentsThatAreNotAnObjectAreAllowedUnevaluatedAsIntercept() throws IOException {
        String policy = "version: \"1\"\ndefault: deny\nhide: [\"h\"]\ntools:\n  d:\n    rules:\n"
                + "      - name: \"never\"\n        action: deny\n";
        String in = "{\"tool\": \"d\", \"args\": []}\n{\"tool\": \"h\", \"args\": \"x\"}\n"
                + "{\"tool\": \"other\", \"args\": 3}\n{\"tool\": \"d\", \"args\": null}\n";
        assertEquals(Main.OK, eval(policy, in));
        assertEquals(ALLOWED + "\n" + ALLOWED + "\n" + ALLOWED + "\n"
                + "{\"allowed\": false, \"rule\": \"never\", \"message\": \"Denied by rule \\\"never\\\"\"}\n", out.toString());
    }

    @Test
    void noFileIsAUsageError() {
        assertEquals(Main.USAGE, Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "policy", "eval"));
    }
}
