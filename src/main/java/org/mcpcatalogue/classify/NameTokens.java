package org.mcpcatalogue.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits tool names and text into lower-case words. */
public final class NameTokens {

    private NameTokens() {
    }

    /**
     * The words of a tool name: snake_case, kebab-case, dotted and camelCase parts, lower-cased.
     * {@code getFileContents} → [get, file, contents]; {@code zia_list_urls} → [zia, list, urls];
     * {@code HTTPRequest} → [http, request]; {@code files.v2.stat} → [files, v2, stat].
     */
    public static List<String> split(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(c)) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(word, words);
                }
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    /**
     * Whether a name is one of {@code names} (lower-case words or snake_case phrases): the whole name, lower-cased,
     * or its last word. {@code cmd}, {@code shellCommand} and {@code run_command} are named by [cmd, command].
     */
    public static boolean named(String name, Set<String> names) {
        if (names.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        List<String> words = split(name);
        return !words.isEmpty() && names.contains(words.get(words.size() - 1));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** Candidate base forms of an English word as it starts a description: "Creates" → creates, create, … */
    public static List<String> baseForms(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<String> forms = new ArrayList<>(List.of(w));
        if (w.endsWith("ies") && w.length() > 4) {
            forms.add(w.substring(0, w.length() - 3) + "y");
        }
        if (w.endsWith("es") && w.length() > 3) {
            forms.add(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("s") && w.length() > 2) {
            forms.add(w.substring(0, w.length() - 1));
        }
        if (w.endsWith("ing") && w.length() > 5) {
            forms.add(w.substring(0, w.length() - 3));
            forms.add(w.substring(0, w.length() - 3) + "e");
        }
        return forms;
    }
}
