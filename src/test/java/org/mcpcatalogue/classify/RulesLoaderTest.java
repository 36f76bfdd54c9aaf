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
                + " verbs, compounds, actions, objects, phrases, fields, documentation, server, poisoning, flows, levels, caller_code, weak_verbs, nouns, caps, combos, description_verbs)",
                error(text));
    }

    @Test
    void aCueOfWeightZeroIsAnErrorAtItsWeight() throws IOException {
        String text = rules().replace("      - name: names a destination\n        weight: 1", "      - name: names a destination\n        weight: 0");
        assertEquals("rules.yaml:" + (lineOf(text, "      - name: names a destination") + 1) + ":17: error: weight must not be 0 (leave the cue out instead)",
                error(text));
    }

    @Test
    void anExemptionNamingAnUnknownCueIsAnError() throws IOException {
        String text = rules().replace("unless_cues: [names a secret,", "unless_cues: [names a secrte,");
        assertEquals(true, error(text).contains("error: unless_cues names \"names a secrte\", which is not a cue under poisoning.cues.kinds"),
                error(text));
    }

    @Test
    void negatableMustBeTrueOrFalse() throws IOException {
        String text = rules().replaceFirst("negatable: true", "negatable: yes please");
        assertEquals(true, error(text).contains("error: negatable must be true or false"), error(text));
    }

    @Test
    void aCueListedTwiceIsAnError() throws IOException {
        String text = rules().replace("      - name: names a destination\n", "      - name: names a secret\n");
        assertEquals(true, error(text).contains("error: cue \"names a secret\" is listed twice"), error(text));
    }

    private static final String BY_SCORE = "  by_score:       [Low, Medium, High, High, Critical]";

    @Test
    void levelsThatGoDownAsTheScoreGoesUpAreAnError() throws IOException {
        String text = rules().replace(BY_SCORE, "  by_score:       [Low, Medium, High, Medium, Critical]");
        assertEquals("rules.yaml:" + lineOf(text, "  by_score:") + ":39: error: levels.by_score gives score 4 the level Medium,"
                + " lower than score 3's High: a higher score may never show a lower level", error(text));
    }

    @Test
    void aScoreWithoutALevelIsAnError() throws IOException {
        String text = rules().replace(BY_SCORE, "  by_score:       [Low, Medium, High, Critical]");
        assertEquals("rules.yaml:" + lineOf(text, "  by_score:") + ":19: error: levels.by_score has 4 levels; it needs one for"
                + " every score from 1 to scores.max (5)", error(text));
    }

    @Test
    void anUnknownLevelOrAMissingFloorIsAnError() throws IOException {
        String unknown = rules().replace(BY_SCORE, "  by_score:       [Low, Medium, Severe, High, Critical]");
        assertEquals("rules.yaml:" + lineOf(unknown, "  by_score:") + ":33: error: unknown risk level \"Severe\" (Low, Medium,"
                + " High, Critical)", error(unknown));
        String noFloor = rules().replace("floors: {Read: Low, ", "floors: {");
        assertEquals("rules.yaml:" + lineOf(noFloor, "  floors:") + ":11: error: missing \"Read\" in floors", error(noFloor));
    }

    @Test
    void aCallerCodePatternRe2RejectsIsAnError() throws IOException {
        String text = rules().replace("\n  unless: '", "\n  unless: '(?<=x)");
        String message = error(text);
        assertEquals(true, message.startsWith("rules.yaml:" + lineOf(text, "  unless:") + ":11: error: invalid pattern (?<=x)"),
                message);
    }

    @Test
    void aPoisoningPatternWithAnUnknownScopeIsAnError() throws IOException {
        String text = rules().replace("      in: names\n", "      in: parameters\n");
        assertEquals("rules.yaml:" + lineOf(text, "in: parameters") + ":11: error: in must be one of all, names, text, is parameters",
                error(text));
    }

    @Test
    void aWeakVerbThatIsNoVerbIsAnError() throws IOException {
        String text = rules().replace("weak_verbs: [log,", "weak_verbs: [logz, log,");
        assertEquals("rules.yaml:" + lineOf(text, "weak_verbs: [logz") + ":13: error: weak verb \"logz\" is not listed under verbs",
                error(text));
    }

    @Test
    void aDescriptionVerbThatIsAlsoAVerbIsAnError() throws IOException {
        String text = rules().replace("description_verbs:\n  Read: [return]", "description_verbs:\n  Read: [return, get]");
        String message = error(text);
        assertEquals(true, message.endsWith("error: description verb \"get\" is listed twice (under verbs or description_verbs)"),
                message);
    }

    @Test
    void aComboOfNoGroupIsAnError() throws IOException {
        String text = rules().replaceFirst("(?s)(combos:.*?all_of:)\n      - \\[amount[^\n]*\n      - \\[to,[^\n]*\n[^\n]*\n", "$1 []\n");
        String message = error(text);
        assertEquals(true, message.endsWith("error: all_of must be a list of at least one list of field names"), message);
    }

    @Test
    void anUnknownCategoryInAPhrasesFromIsAnErrorAtItsLine() throws IOException {
        String text = rules().replace("    from: [Write, Execute]\n    patterns:\n      - '\\b(charges?",
                "    from: [Write, Billing]\n    patterns:\n      - '\\b(charges?");
        String message = error(text);
        assertEquals(true, message.startsWith("rules.yaml:" + lineOf(text, "    from: [Write, Billing]") + ":"), message);
        assertEquals(true, message.contains("Billing"), message);
    }
}
