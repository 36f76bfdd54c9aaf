package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Mistakes in the rules file are errors at their line and column, not surprises in the verdicts. */
class RulesLoaderTest {

    private static String rules() throws IOException {
        return Files.readString(Path.of(RulesLoader.REPOSITORY_PATH));
    }

    private static String error(String text) {
        return assertThrows(RulesException.class,
                () -> RulesLoader.parse("rules.yaml", text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void theBundledRulesAreTheRepositoryRules() throws IOException {
        assertEquals(RulesLoader.parse("x", rules().getBytes(StandardCharsets.UTF_8)).verbs(), RulesLoader.bundled().verbs());
    }

    @Test
    void aVerbUnderTwoCategoriesIsAnError() throws IOException {
        String text = rules().replace("  Read: [get,", "  Read: [delete, get,");
        assertEquals("rules.yaml:" + lineOf(text, "  Destructive: [delete") + ":16: error: verb \"delete\" is listed under both Read and Destructive",
                error(text));
    }

    @Test
    void aPatternRe2RejectsIsAnError() throws IOException {
        String text = rules().replace("      - '\\bforce[- ]push'", "      - '(?=force)push'");
        String message = error(text);
        assertEquals(true, message.startsWith("rules.yaml:" + lineOf(text, "      - '(?=force)push'") + ":"), message);
        assertEquals(true, message.contains("invalid pattern (?=force)push"), message);
    }

    @Test
    void anUnknownKeyIsAnError() throws IOException {
        String text = rules().replace("scores:\n", "scorez: 1\nscores:\n");
        assertEquals("rules.yaml:" + lineOf(text, "scorez") + ":1: error: unknown key \"scorez\" in the rules (allowed: version, scores,"
                + " verbs, compounds, actions, objects, phrases, fields, documentation, server, poisoning, flows, weak_verbs, nouns, caps, combos)", error(text));
    }

    @Test
    void aWeakVerbThatIsNoVerbIsAnError() throws IOException {
        String text = rules().replace("weak_verbs: [log,", "weak_verbs: [logz, log,");
        assertEquals("rules.yaml:" + lineOf(text, "weak_verbs: [logz") + ":13: error: weak verb \"logz\" is not listed under verbs",
                error(text));
    }

    @Test
    void aComboOfOneGroupIsAnError() throws IOException {
        String text = rules().replaceFirst("(?s)(combos:.*?all_of:\n      - \\[amount[^\n]*\n)      - \\[to,[^\n]*\n[^\n]*\n", "$1");
        String message = error(text);
        assertEquals(true, message.endsWith("error: all_of must be a list of at least two lists of field names"), message);
    }
}
