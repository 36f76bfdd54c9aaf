package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void aValidFileIsReportedValid() throws IOException {
        String f = file("ok.yaml", "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: limit\n        rate_limit: 5/hour\n");
        assertEquals(Main.OK, run("policy", "check", f));
        assertEquals(f + ": valid\n", out.toString());
    }

    @Test
    void everyFileIsCheckedAndOneInvalidFileFailsTheRun() throws IOException {
        String ok = file("ok.yaml", "version: 1\n");
        String bad = file("bad.yaml", "version: \"2\"\ndefault: block\n");
        String broken = file("broken.yaml", "tools:\n  t:\n    rules:\n      - name: x\n        rate_limit: {max: 5, window: 3600}\n");
        assertEquals(Main.INVALID, run("policy", "check", ok, bad, broken));
        assertEquals(String.join("\n",
                ok + ": valid",
                bad + ": error: version must be \"1\", got \"2\"",
                bad + ": error: default must be \"allow\" or \"deny\", got \"block\"",
                broken + ":5:21: error: tools.t.rules[0].rate_limit: expected a string, found a mapping; Intercept cannot load this file",
                broken + ": hint: start the file with version: \"1\"; Intercept requires it",
                broken + ": hint: tools.t.rules[0]: write rate_limit: 5/hour instead of {max: 5, window: 3600} (Intercept counts calls in fixed UTC hours, shared by every client, not per session)",
                broken + ": hint: tools.t.rules[0]: in valid syntax: rules: [{name: \"x\", rate_limit: \"5/hour\"}]") + "\n",
                out.toString());
    }

    @Test
    void warningsDoNotFailTheRun() throws IOException {
        String f = file("w.yaml", "version: \"1\"\nowner: me\n");
        assertEquals(Main.OK, run("policy", "check", f));
        assertEquals(f + ":2:1: warning: unknown key \"owner\" in the document is ignored by Intercept\n" + f + ": valid\n",
                out.toString());
    }

    @Test
    void aMissingFileIsAnError() {
        String f = dir.resolve("nope.yaml").toString();
        assertEquals(Main.INVALID, run("policy", "check", f));
        assertEquals(f + ":1:1: error: no such file\n", out.toString());
    }

    @Test
    void noFileIsAUsageError() {
        assertEquals(Main.USAGE, run("policy", "check"));
        assertTrue(err.toString().contains("FILE"), err.toString());
    }

    @Test
    void policyAloneIsAUsageError() {
        assertEquals(Main.USAGE, run("policy"));
    }
}
