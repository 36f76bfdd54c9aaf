package org.mcpcatalogue.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cue model of the poisoning scan: a text is cut into sentences, and a sentence whose cues (text addressed to
 * the model, concealment, skipped confirmation, secrets, an instruction to send or include, a destination, another
 * tool …, each with a weight in {@code classification.yaml}) add up to the threshold reads as an instruction to the
 * model. It looks for the shape of an injection rather than its wording, so it also finds attacks no rule names.
 */
final class CueModel {

    private CueModel() {
    }

    /** A sentence that reached the threshold, and the names of the cues it shows, strongest first. */
    record Score(String sentence, int total, List<String> cues) {
    }

    /**
     * The first sentence of {@code text} that reaches the threshold, if any. With {@code identifier} (a name, an
     * enum value, a default, an example), the whole text is one sentence, the identifier threshold applies, and
     * a text of many words adds the sentence weight: prose where an identifier belongs is itself a cue.
     */
    static Optional<Score> score(Rules.Cues model, String text, boolean identifier) {
        return score(model, text, identifier, Prefilter.NONE);
    }

    /** {@link #score(Rules.Cues, String, boolean)}, with a prefilter that knows the cues' patterns. */
    static Optional<Score> score(Rules.Cues model, String text, boolean identifier, Prefilter prefilter) {
        if (identifier) {
            int words = words(text);
            int extra = words >= model.sentenceWords() ? model.sentenceWeight() : 0;
            return score(model, text, model.identifierThreshold(), extra, prefilter);
        }
        for (String sentence : sentences(text)) {
            Optional<Score> s = score(model, sentence, model.threshold(), 0, prefilter);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static Optional<Score> score(Rules.Cues model, String sentence, int threshold, int extra, Prefilter prefilter) {
        if (words(sentence) < 3 && !hasWideCharacters(sentence)) {
            return Optional.empty();
        }
        if (words(sentence) > model.longSentenceWords()) {
            threshold++;
        }
        int total = extra;
        List<Rules.Cue> shown = new ArrayList<>();
        java.util.Set<String> grams = grams(tokens(sentence));
        boolean ascii = sentence.chars().allMatch(c -> c < 128);
        Prefilter.Text read = prefilter.text(sentence);
        for (Rules.Cue cue : model.cues()) {
            if (shows(cue, grams, sentence, ascii, prefilter, read)) {
                total += cue.weight();
                shown.add(cue);
            }
        }
        if (total < threshold) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        shown.stream().filter(c -> c.weight() > 0).sorted((a, b) -> Integer.compare(b.weight(), a.weight())).forEach(c -> names.add(c.name()));
        if (extra > 0) {
            names.add("a sentence where an identifier belongs");
        }
        return Optional.of(new Score(sentence.strip(), total, names));
    }

    /** Whether {@code sentence} shows any of the cues named in {@code names}. */
    static boolean showsAny(Rules.Cues model, String sentence, java.util.Collection<String> names, Prefilter prefilter) {
        java.util.Set<String> grams = grams(tokens(sentence));
        boolean ascii = sentence.chars().allMatch(c -> c < 128);
        Prefilter.Text read = prefilter.text(sentence);
        return model.cues().stream().anyMatch(c -> names.contains(c.name()) && shows(c, grams, sentence, ascii, prefilter, read));
    }

    /**
     * Whether a sentence shows a cue. A sentence of plain ASCII ({@code ascii}) skips patterns written only in other
     * scripts; {@code read} is the sentence as read by {@code prefilter}, which is asked before each pattern runs.
     */
    private static boolean shows(Rules.Cue cue, java.util.Set<String> grams, String sentence, boolean ascii, Prefilter prefilter,
                                 Prefilter.Text read) {
        if (cue.words().stream().anyMatch(grams::contains)) {
            return true;
        }
        for (var p : ascii ? cue.patterns() : concat(cue.patterns(), cue.otherScripts())) {
            if (prefilter.mayMatch(p, read) && p.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentences of a text: cut after {@code .}, {@code !}, {@code ?} or {@code ;} followed by a space or the
     * end (so {@code ~/.ssh} and {@code example.com} stay whole), after {@code 。！？；} and at line breaks.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean cut = c == '\n' || c == '。' || c == '！' || c == '？' || c == '；'
                    || (c == '.' || c == '!' || c == '?' || c == ';') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
            if (cut) {
                add(out, text.substring(start, i + 1));
                start = i + 1;
            }
        }
        add(out, text.substring(start));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        if (!sentence.isBlank()) {
            out.add(sentence);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The longest phrase a cue's {@code words} may hold, in words. */
    static final int LONGEST_PHRASE = 4;

    /**
     * A text's words, in lower case: runs of letters, digits, {@code _} and apostrophes ({@code ’} read as
     * {@code '}, and dropped at either end of a word: {@code 'DROP} is "drop"); anything else separates
     * ({@code force-push} is "force push", {@code ~/.ssh} is "ssh").
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean word = Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '’';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String w = lower.substring(start, i).replace('’', '\'');
                int from = 0;
                int to = w.length();
                while (from < to && w.charAt(from) == '\'') {
                    from++;
                }
                while (to > from && w.charAt(to - 1) == '\'') {
                    to--;
                }
                if (from < to) {
                    out.add(w.substring(from, to));
                }
                start = -1;
            }
        }
        return out;
    }

    /** Every run of one to {@link #LONGEST_PHRASE} consecutive words, joined by a space. */
    private static java.util.Set<String> grams(List<String> tokens) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 0; n < LONGEST_PHRASE && i + n < tokens.size(); n++) {
                if (n > 0) {
                    b.append(' ');
                }
                b.append(tokens.get(i + n));
                out.add(b.toString());
            }
        }
        return out;
    }

    /** Words separated by white space. */
    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    /** Chinese, Japanese and Korean write a sentence with few or no spaces. */
    private static boolean hasWideCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u2E80') {
                return true;
            }
        }
        return false;
    }
}
