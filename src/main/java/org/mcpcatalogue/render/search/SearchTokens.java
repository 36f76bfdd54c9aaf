package org.mcpcatalogue.render.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text becomes index terms. {@code templates/assets/search.js} does exactly the same to a query: split at
 * camelCase boundaries ({@code generateImage} → {@code generate image}) and on anything that is not a letter or a
 * digit ({@code generate_image}, {@code generate-image}), lower-case, and drop words longer than
 * {@value #MAX_TERM} characters. Descriptions also drop a few {@link #STOP_WORDS} that would match nearly every tool.
 */
public final class SearchTokens {

    /** Words longer than this are not indexed (hashes, base64, URLs run together). */
    public static final int MAX_TERM = 40;

    /** Dropped from descriptions only (names keep them); search.js ignores them in a query of other words. */
    public static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "if", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "with");

    private static final Pattern CAMEL = Pattern.compile("([\\p{Ll}\\p{N}])(\\p{Lu})");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchTokens() {
    }

    /** @return the terms of {@code text}, in order, repeats kept */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : SPLIT.split(CAMEL.matcher(text).replaceAll("$1 $2"))) {
            if (!part.isEmpty() && part.codePointCount(0, part.length()) <= MAX_TERM) {
                out.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** @return the name as an exact-match key: its terms joined by single spaces ({@code generate_image} → {@code generate image}) */
    public static String exactKey(String name) {
        return String.join(" ", terms(name));
    }
}
