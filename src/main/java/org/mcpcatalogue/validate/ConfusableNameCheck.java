package org.mcpcatalogue.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.text.HiddenText;

/**
 * Two servers whose names differ but that a reader cannot tell apart get a warning naming both files: names
 * equal once
 * Unicode-normalised and case-folded (NFC against NFD, full-width letters, {@code GitHub} against
 * {@code Github}), or with the same skeleton in the sense of UTS #39 (a Cyrillic {@code а} for a Latin
 * {@code a}, {@code I} or {@code 1} for {@code l}). The skeleton uses a small table of Latin, Cyrillic and
 * Greek look-alikes ({@code confusables.txt} beside this class) rather than the full Unicode data. Names that
 * are exactly the same are not reported: the catalogue lists one product's local and remote servers under one
 * name, told apart by slug and transport.
 */
final class ConfusableNameCheck implements Check {

    /** Source sequence to target, longest sources first. */
    private static final Map<String, String> TABLE = load();
    private static final int LONGEST = TABLE.keySet().stream().mapToInt(String::length).max().orElse(1);

    /** A server's name and the keys it is compared by. */
    private record Named(LoadedServer server, String name, String folded, Set<String> skeletons) {
    }

    @Override
    public void check(List<LoadedServer> servers, Diagnostics out) {
        List<Named> earlier = new ArrayList<>();
        for (LoadedServer s : servers) {
            Optional<Location> at = s.positions().find("/name");
            if (at.isEmpty()) {
                continue;
            }
            String name = s.server().name();
            Named n = new Named(s, name, folded(name), skeletons(name));
            earlier.stream().filter(e -> !e.name().equals(name) && e.folded().equals(n.folded())).findFirst()
                    .ifPresent(same -> out.warning(at.get(), "server name " + HiddenText.quoted(name) + " is the name "
                            + HiddenText.quoted(same.name()) + " of " + same.server().file()
                            + " once Unicode-normalised and case-folded; readers cannot tell the two servers apart"));
            earlier.stream().filter(e -> !e.name().equals(name) && !e.folded().equals(n.folded())
                            && e.skeletons().stream().anyMatch(n.skeletons()::contains)).findFirst()
                    .ifPresent(alike -> out.warning(at.get(), "server name " + HiddenText.quoted(name) + " looks like the name "
                            + HiddenText.quoted(alike.name()) + " of " + alike.server().file()
                            + " (the same skeleton under Unicode's confusables, UTS #39); readers cannot tell the two servers apart"));
            earlier.add(n);
        }
    }

    /** The skeletons of the name as written and of its case-folded form, so that case never hides a look-alike. */
    static Set<String> skeletons(String name) {
        return new java.util.HashSet<>(List.of(skeleton(name), skeleton(folded(name))));
    }

    /** NFKC, case-folded, NFKC again: names that differ only in normal form, width or case are the same. */
    static String folded(String name) {
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return Normalizer.normalize(nfkc.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC).strip();
    }

    /** The UTS #39 skeleton over the table (after NFKC, so compatibility forms fold first), case-folded. */
    static String skeleton(String name) {
        String s = Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder();
        int i = 0;
        outer:
        while (i < s.length()) {
            for (int len = Math.min(LONGEST, s.length() - i); len > 0; len--) {
                String target = TABLE.get(s.substring(i, i + len));
                if (target != null) {
                    b.append(target);
                    i += len;
                    continue outer;
                }
            }
            int cp = s.codePointAt(i);
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return Normalizer.normalize(b.toString(), Normalizer.Form.NFD).toLowerCase(Locale.ROOT).strip();
    }

    private static Map<String, String> load() {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = ConfusableNameCheck.class.getResourceAsStream("confusables.txt")) {
            if (in == null) {
                throw new IllegalStateException("confusables.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                table.put(codePoints(cols[0]), codePoints(cols[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private static String codePoints(String hex) {
        List<Integer> cps = new ArrayList<>();
        for (String h : hex.trim().split(" ")) {
            cps.add(Integer.parseInt(h, 16));
        }
        StringBuilder b = new StringBuilder();
        cps.forEach(b::appendCodePoint);
        return b.toString();
    }
}
