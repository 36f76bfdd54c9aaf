package org.mcpcatalogue.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mcpcatalogue.check.SiteChecker.Problem;
import org.mcpcatalogue.render.Output;

/**
 * The checks of {@link SiteChecker}, fed one file at a time as the build writes it, so that no page is kept and
 * none is parsed twice. Each page is read once, when it is handed over, by {@link PageScanner} (one pass over
 * its text, no document built): what only it decides (unique ids, a
 * title, a meta description, one {@code h1}, links to its own fragments, link schemes) is checked at once; each
 * other internal link is kept as one entry per distinct target, and resolved by {@link #finish()} against the set of written paths and the ids of each page, kept as 64-bit
 * hashes. Memory is thus a few dozen bytes per file and per distinct link target, not the site. Only when a
 * link is broken are the pages read back, to name every page that has it. Thread-safe.
 */
public final class StreamingChecker {

    /** A link kept for the end: a page that has it, and the link. */
    private record Ref(String page, String tag, String attr, String link, String target, String fragment) {
    }

    private final String base;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, long[]> ids = new ConcurrentHashMap<>();
    private final Map<String, Ref> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Problem>> local = new ConcurrentHashMap<>();

    /** @param base the path prefix of internal links ({@code ""} or e.g. {@code /catalogue}) */
    public StreamingChecker(String base) {
        this.base = base;
    }

    /**
     * What the checker kept of one file that passed its own checks: its path, its ids' hashes and its links to
     * other files. An incremental build keeps it for a file it reuses unchanged, and hands it back with
     * {@link #restore} instead of the file, so that the file is neither rendered nor read again.
     */
    public static final class Record {
        private final String path;
        private final long[] ids;
        private final List<Ref> refs;

        private Record(String path, long[] ids, List<Ref> refs) {
            this.path = path;
            this.ids = ids;
            Map<String, Ref> distinct = new java.util.LinkedHashMap<>();
            for (Ref r : refs) {
                distinct.putIfAbsent(r.fragment() != null ? r.target() + "#" + r.fragment() : r.target(), r);
            }
            this.refs = List.copyOf(distinct.values());
        }

        public String path() {
            return path;
        }
    }

    /** Records one written file; an HTML page is parsed and checked. */
    public void accept(Output o) {
        acceptRecorded(o);
    }

    /**
     * As {@link #accept}, and returns what was kept of the file, or empty if the page has a problem of its own
     * (such a build fails, and nothing of it is reused).
     */
    public Optional<Record> acceptRecorded(Output o) {
        written.add(o.path());
        if (o.path().endsWith(".html")) {
            return page(o.path(), new String(o.bytes(), StandardCharsets.UTF_8));
        }
        return Optional.of(new Record(o.path(), null, List.of()));
    }

    /** Records a file written unchanged from an earlier build, as {@link #acceptRecorded} had kept it. */
    public void restore(Record r) {
        written.add(r.path);
        if (r.ids != null) {
            ids.put(r.path, r.ids);
        }
        for (Ref ref : r.refs) {
            pending.putIfAbsent(ref.fragment() != null ? ref.target() + "#" + ref.fragment() : ref.target(), ref);
        }
    }

    /** How many pages were checked so far. */
    public int pages() {
        return ids.size();
    }

    private Optional<Record> page(String page, String html) {
        PageScanner.Facts facts = PageScanner.scan(html);
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : facts.ids()) {
            if (!seen.add(id)) {
                problems.add(new Problem(page, "duplicate id \"" + id + "\""));
            }
        }
        long[] hashes = seen.stream().mapToLong(StreamingChecker::hash).sorted().toArray();
        ids.put(page, hashes);
        if (!facts.title()) {
            problems.add(new Problem(page, "no <title>"));
        }
        if (facts.description() == null || facts.description().isBlank()) {
            problems.add(new Problem(page, "no meta description"));
        }
        if (facts.h1() != 1) {
            problems.add(new Problem(page, facts.h1() + " h1 elements (a page has exactly one)"));
        }
        List<Ref> refs = new ArrayList<>();
        for (PageScanner.Link l : facts.links()) {
            link(page, l.tag(), l.attr(), l.value(), seen, null, refs).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            local.put(page, problems);
            return Optional.empty();
        }
        return Optional.of(new Record(page, hashes, refs));
    }

    /**
     * Checks what the page alone decides and keeps a link to another file for {@link #finish}; or, reading back
     * ({@code broken} not null), reports only a link to another file that is among {@code broken}.
     */
    private Optional<Problem> link(String page, String tag, String attr, String link, Set<String> ownIds,
                                   Map<String, Ref> broken, List<Ref> kept) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            return broken != null ? Optional.empty() : Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> is not a valid URL"));
        }
        if (uri.getScheme() != null || link.startsWith("//")) {
            String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (broken == null && !s.equals("http") && !s.equals("https") && !s.equals("mailto")) {
                return Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> uses the scheme " + s));
            }
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            if (!(path + "/").startsWith(base + "/")) {
                return broken != null ? Optional.empty() : Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> leaves the site's base path " + base + "/"));
            }
            target = path.substring(base.length() + 1);
        } else {
            String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            target = URI.create("/" + dir).resolve(path).getPath().substring(1);
        }
        if (target.isEmpty() || target.endsWith("/")) {
            target = target + "index.html";
        }
        String fragment = uri.getFragment();
        boolean checkFragment = fragment != null && !fragment.isEmpty() && target.endsWith(".html");
        if (target.equals(page)) {
            if (broken == null && checkFragment && !ownIds.contains(fragment)) {
                return Optional.of(fragmentMissing(page, tag, attr, link, target, fragment));
            }
            return Optional.empty();
        }
        Ref ref = new Ref(page, tag, attr, link, target, checkFragment ? fragment : null);
        String key = checkFragment ? target + "#" + fragment : target;
        if (broken != null) {
            return broken.containsKey(key) ? problem(ref) : Optional.empty();
        }
        pending.putIfAbsent(key, ref);
        kept.add(ref);
        return Optional.empty();
    }

    private static Problem fragmentMissing(String page, String tag, String attr, String link, String target, String fragment) {
        return new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\">: " + target + " has no id \"" + fragment + "\"");
    }

    /** Reads back a page that was handed over, to name every page with a broken link (only when one is). */
    @FunctionalInterface
    public interface Pages {
        String read(String page) throws java.io.IOException;
    }

    /**
     * Resolves the links kept against every file recorded; returns every problem, ordered by page. Only if a link
     * is broken are the pages read back through {@code pages} (and parsed a second time), so that the problem is
     * reported on every page that has it, not only the first.
     */
    public List<Problem> finish(Pages pages) throws java.io.IOException {
        Map<String, Ref> broken = new java.util.HashMap<>();
        List<Problem> links = new ArrayList<>();
        pending.forEach((key, r) -> problem(r).ifPresent(p -> broken.put(key, r)));
        if (!broken.isEmpty()) {
            for (String page : written.stream().filter(p -> p.endsWith(".html")).sorted().toList()) {
                for (PageScanner.Link l : PageScanner.scan(pages.read(page)).links()) {
                    link(page, l.tag(), l.attr(), l.value(), Set.of(), broken, null).ifPresent(links::add);
                }
            }
        }
        // a page's own problems keep their document order, before its links to other files (the sort is stable)
        List<Problem> problems = new ArrayList<>();
        local.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> problems.addAll(e.getValue()));
        problems.addAll(links);
        problems.sort(Comparator.comparing(Problem::page));
        return problems;
    }

    /** The problem with a kept link, if its target is missing or has no such id. */
    private Optional<Problem> problem(Ref r) {
        if (!written.contains(r.target())) {
            return Optional.of(new Problem(r.page(), "<" + r.tag() + " " + r.attr() + "=\"" + r.link()
                    + "\"> points to a file the site does not have (" + r.target() + ")"));
        } else if (r.fragment() != null
                && Arrays.binarySearch(ids.getOrDefault(r.target(), new long[0]), hash(r.fragment())) < 0) {
            return Optional.of(fragmentMissing(r.page(), r.tag(), r.attr(), r.link(), r.target(), r.fragment()));
        }
        return Optional.empty();
    }

    /** A 64-bit hash of an id (FNV-1a over its UTF-16 units, then a finaliser): a collision is not a concern. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
