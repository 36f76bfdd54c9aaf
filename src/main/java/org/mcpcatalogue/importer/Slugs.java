package org.mcpcatalogue.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Server slugs: {@code ^[a-z0-9]+(-[a-z0-9]+)*$}, at most 64 characters. */
public final class Slugs {

    /** What a valid slug looks like. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** The longest slug. */
    public static final int MAX = 64;

    private Slugs() {
    }

    /**
     * A slug made from a name: accents dropped, lower-cased, every run of other characters turned into one
     * {@code -}, cut at 64 characters on a word boundary where possible; empty when nothing is left.
     */
    public static Optional<String> slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX);
            int cut = s.lastIndexOf('-');
            s = cut > MAX / 2 ? s.substring(0, cut) : s.replaceAll("-+$", "");
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public static boolean valid(String slug) {
        return slug.length() <= MAX && SLUG.matcher(slug).matches();
    }
}
