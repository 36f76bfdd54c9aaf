package org.mcpcatalogue.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;

/**
 * Odd YAML that yaml.v3 reads one way or another (tags, merge keys, complex keys, directives, escapes): the checker
 * answers each with "valid" or with errors, never with an exception.
 */
class PolicyLoaderRobustnessTest {

    private static final List<String> INPUTS = List.of(
            "? [a]: 1\n",
            "version: !!binary xyz\n",
            "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: !!int foo\n",
            "<<: 5\n",
            "<<: [1]\n",
            "- !foo {a: 1}\n",
            "&a\n",
            "*a\n",
            "a: *\n",
            "\tversion: 1\n",
            "a: \u0001\n",
            "%YAML 1.1\n---\nversion: 1\n",
            "--- |\n  text\n",
            "a: b: c\n",
            "[",
            "version: \"1\"\ntools:\n  ? [x]\n  : {rules: []}\n",
            "version: \"1\"\ntools: {~: {rules: []}}\n",
            "version: &v \"1\"\ndescription: *v\ndefault: *v\n",
            "version: \"1\"\ntools:\n  t: &t\n    rules:\n      - name: x\n        action: deny\n  u:\n    <<: *t\n",
            "version: \"1\"\nhide: !!seq [a]\n",
            "version: !!null\n",
            "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n"
                    + "          - {path: args.x, op: eq, value: !!timestamp 2020-01-01}\n"
                    + "          - {path: args.x, op: eq, value: !!float 3}\n"
                    + "          - {path: args.x, op: eq, value: {1: a, ~: b, [x]: c}}\n",
            "\"\\ud83d\" : x\n",
            "a: \"\\U0011FFFF\"\n",
            "a: \"\\\\ud83d\"\n",
            "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        state: {counter: c, window: hour, increment: .inf}\n"
                    + "        conditions: [{path: state.t.c, op: lte, value: 1}]\n",
            "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        state: {counter: c, window: hour, increment: 18446744073709551615}\n"
                    + "        conditions: [{path: state.t.c, op: lte, value: 1}]\n");

    @Test
    void everyOddInputGetsAnAnswerAndNoException() {
        for (String in : INPUTS) {
            CheckReport r = new PolicyCheck().check("p.yaml", in.getBytes(StandardCharsets.UTF_8));
            List<String> lines = r.lines();
            assertFalse(lines.isEmpty(), in);
            assertTrue(lines.stream().allMatch(l -> l.startsWith("p.yaml")), in + " gave " + lines);
        }
    }

    @Test
    void aControlCharacterIsReportedWhereItIs() {
        CheckReport r = new PolicyCheck().check("p.yaml", "version: \"1\"\n\ndescription: ab\u0001\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(r.lines().equals(List.of("p.yaml:3:16: error: invalid YAML: control characters are not allowed (U+0001);"
                + " Intercept cannot load this file")), r.lines().toString());
    }

    /** A CR alone ends a line, in YAML and in the YAML library's marks: the control character is still on line 3. */
    @Test
    void aControlCharacterIsReportedWhereItIsWithCrOrCrLfLineEndings() {
        for (String eol : List.of("\r", "\r\n")) {
            String text = "version: \"1\"" + eol + eol + "description: ab\u0001" + eol;
            CheckReport r = new PolicyCheck().check("p.yaml", text.getBytes(StandardCharsets.UTF_8));
            assertTrue(r.lines().equals(List.of("p.yaml:3:16: error: invalid YAML: control characters are not allowed (U+0001);"
                    + " Intercept cannot load this file")), eol.length() + ": " + r.lines());
        }
    }

    @Test
    void binaryIsStrictBase64AsInGo() {
        CheckReport r = new PolicyCheck().check("p.yaml", "version: !!binary xyz\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(r.lines().equals(List.of("p.yaml:1:10: error: version: yaml: !!binary value contains invalid base64 data;"
                + " Intercept cannot load this file")), r.lines().toString());
        CheckReport ok = new PolicyCheck().check("p.yaml", "version: !!binary MQ==\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(ok.lines().equals(List.of("p.yaml: valid")), ok.lines().toString());
    }
}
