package org.mcpcatalogue.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.mcpcatalogue.model.Server;

/** Slugs made from names; what a valid slug is, {@link Server#validSlug}, says. */
public final class Slugs {

    private Slugs() {
    }

    /**
     * A slug made from a name: accents dropped, lower-cased, every run of other characters turned into one
     * {@code -}, cut at 64 characters on a word boundary where possible; empty when nothing is left.
     */
    public static Optional<String> slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > Server.MAX_SLUG) {
            s = s.substring(0, Server.MAX_SLUG);
            int cut = s.lastIndexOf('-');
            s = cut > Server.MAX_SLUG / 2 ? s.substring(0, cut) : s.replaceAll("-+$", "");
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

}
