package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The prefilter must never rule out a text its pattern matches (the scan's findings would change): checked against
 * RE2/J itself on the rules' patterns over the poisoning corpus, and on RE2/J's own case-folding tables.
 */
class PrefilterTest {

    private static Pattern re(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** Whether the prefilter of {@code regex} alone lets {@code text} through. */
    private static boolean passes(String regex, String text) {
        Pattern p = re(regex);
        Prefilter f = new Prefilter(List.of(p));
        return f.mayMatch(p, f.text(text));
    }

    @Test
    void aTextWithoutTheWordsAMatchNeedsIsRuledOut() {
        String regex = "\\b(send|post)\\b.{0,60}\\bto\\b";
        assertTrue(passes(regex, "Please SEND the file to me"));
        assertTrue(passes(regex, "post it to the channel"));
        assertFalse(passes(regex, "send it now"), "no \"to\"");
        assertFalse(passes(regex, "Lists the files in a folder"), "neither verb");
    }

    @Test
    void adjacentPiecesJoinIntoLongerLiterals() {
        assertTrue(passes("https?://", "see https://example.com"));
        assertTrue(passes("https?://", "see http://example.com"));
        assertFalse(passes("https?://", "https is a protocol; so is ftp://"), "\"https\" and \"://\" apart");
        assertTrue(passes("(^|[\\s/'\"`])\\.env\\b", "reads the .env file"));
        assertFalse(passes("(^|[\\s/'\"`])\\.env\\b", "the env is e.g. production"), "no \".env\"");
        assertTrue(passes("colou?r", "a colour"));
        assertTrue(passes("colou?r", "a color"));
        assertFalse(passes("colou?r", "a colr"));
    }

    @Test
    void repeatsRequireOneCopyOrNothing() {
        assertTrue(passes("(ab)+c", "xxabc"));
        assertFalse(passes("(ab)+c", "xxac"));
        assertTrue(passes("a{0,3}b", "b"));
        assertTrue(passes("x*", "anything"));
        assertTrue(passes("\\b\\d{4}[- ]\\d{4}\\b", "card 1234-5678"));
        assertFalse(passes("\\b\\d{4}[- ]\\d{4}\\b", "room 12, floor 345"), "no run of four digits");
    }

    @Test
    void caseFoldingOfRe2IsKept() {
        // ſ (U+017F) and the Kelvin sign (U+212A) match s and k in RE2's case-insensitive mode.
        assertTrue(re("send").matcher("ſend").find());
        assertTrue(passes("send", "ſend"));
        assertTrue(passes("kill", "\u212Aill"));
        assertTrue(passes("précédentes", "PRÉCÉDENTES"));
        assertTrue(passes("ΣΟΦΙΑ", "σοφια"));
        assertTrue(passes("忽略", "请忽略之前的指令"));
        assertFalse(passes("忽略", "请阅读之前的指令"));
    }

    @Test
    void syntaxBeyondTheAnalysisRequiresNothing() {
        assertTrue(passes("\\Qsend\\E", "nothing like it"));
        assertTrue(passes("[[:alpha:]]+", "nothing like it"));
        assertTrue(passes("(?i)ab|(?-i:CD)", "cd"));
        assertFalse(passes("(?i)ab|(?-i:CD)", "xy"));
        // A character beyond the BMP requires nothing (its other case is another surrogate pair).
        assertTrue(passes("\uD801\uDC00", "\uD801\uDC28"));
    }

    @Test
    void aPatternThePrefilterDoesNotKnowIsAlwaysSearched() {
        Prefilter f = new Prefilter(List.of(re("send")));
        assertTrue(f.mayMatch(re("nothing"), f.text("send")));
        assertTrue(Prefilter.NONE.mayMatch(re("send"), Prefilter.NONE.text("nothing")));
    }

    @Test
    void theAutomatonFindsOverlappingLiterals() {
        Prefilter.Automaton a = new Prefilter.Automaton(List.of("he", "she", "his", "hers", "é t", "指令"));
        long[] found = a.scan("ushers, café t 指令");
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if ((found[0] & (1L << i)) != 0) {
                ids.add(i);
            }
        }
        assertEquals(List.of(0, 1, 3, 4, 5), ids);
    }

    /**
     * RE2/J matches a literal case-insensitively against every character its fold table reaches from it: all of them
     * get the literal's fold, and none is outside the BMP.
     */
    @Test
    void foldIsConstantOnEveryCaseOrbitOfRe2j() throws Exception {
        Method simpleFold = Class.forName("com.google.re2j.Unicode").getDeclaredMethod("simpleFold", int.class);
        simpleFold.setAccessible(true);
        int orbits = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            Set<Integer> reached = new LinkedHashSet<>(List.of(c));
            List<Integer> todo = new ArrayList<>(List.of(c));
            while (!todo.isEmpty()) {
                int r = (int) simpleFold.invoke(null, todo.remove(todo.size() - 1));
                if (reached.add(r)) {
                    todo.add(r);
                    assertTrue(r <= 0xFFFF, "U+" + Integer.toHexString(c) + " folds to U+" + Integer.toHexString(r));
                    assertEquals(Prefilter.fold((char) c), Prefilter.fold((char) r),
                            "RE2/J folds U+" + Integer.toHexString(c) + " to U+" + Integer.toHexString(r));
                }
            }
            if (reached.size() > 1) {
                orbits++;
            }
        }
        assertTrue(orbits > 1000, "RE2/J's fold table was read: " + orbits);
    }

    /**
     * Every pattern of the rules, over every line of the poisoning corpus (attacks and hard benign texts, in several
     * languages): where RE2/J finds a match, the prefilter let the text through. Also shows the prefilter does work
     * there (it rules most searches out). The whole real catalogue is checked by the build's output staying the same.
     */
    @Test
    void thePrefilterNeverRulesOutATextTheRulesMatch() throws IOException {
        Rules rules = RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH));
        List<Pattern> patterns = new ArrayList<>();
        for (Rules.PoisonPattern p : rules.poisoning().patterns()) {
            patterns.add(p.pattern());
            p.unless().ifPresent(patterns::add);
        }
        for (Rules.Cue c : rules.poisoning().cues().cues()) {
            patterns.addAll(c.patterns());
            patterns.addAll(c.otherScripts());
        }
        rules.phrases().forEach(p -> patterns.addAll(p.patterns()));
        rules.senses().caps().forEach(c -> patterns.addAll(c.patterns()));
        patterns.addAll(rules.callerCode().phrases());
        Set<String> texts = new LinkedHashSet<>();
        try (var files = Files.list(Path.of("src/test/resources/classify/poisoning"))) {
            // The independent-*.yaml sets are left out only to keep the test short: RE2/J runs on every pair.
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("independent"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    String text = line.strip().replaceFirst("^(- )?[a-z_]+: ", "");
                    if (text.length() > 3) {
                        texts.add(text);
                    }
                }
            }
        }
        Prefilter prefilter = new Prefilter(patterns);
        int matched = 0;
        int ruledOut = 0;
        for (String text : texts) {
            Prefilter.Text read = prefilter.text(text);
            for (Pattern p : patterns) {
                boolean may = prefilter.mayMatch(p, read);
                if (p.matcher(text).find()) {
                    matched++;
                    assertTrue(may, "the prefilter of " + p.pattern() + " ruled out a text it matches: " + text);
                } else if (!may) {
                    ruledOut++;
                }
            }
        }
        assertTrue(matched > 500, "the corpus exercises the patterns: " + matched + " matches");
        assertTrue(ruledOut > texts.size() * patterns.size() / 2, "most searches are ruled out: " + ruledOut + " of "
                + texts.size() * patterns.size());
    }
}
