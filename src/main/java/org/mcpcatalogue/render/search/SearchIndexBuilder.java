package org.mcpcatalogue.render.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.render.Output;
import org.mcpcatalogue.render.SiteRenderer;

/**
 * Builds the site's sharded search index under {@code search/}, streaming: records are added one by one (a
 * server's record, then its tools; servers in slug order) and written out in blocks as they come, so the builder
 * never holds the records themselves, only the inverted index (document numbers per term, as int arrays) and one
 * character of facet data per record. Every file is a script that calls {@code __mcpSearch(key, data)}, so the
 * search page loads them with {@code <script>} elements and works from {@code file://} as well as from any static
 * server. The files (see docs/search.md):
 *
 * <ul>
 *   <li>{@code manifest.js}: counts, the facet values, the term-shard keys, the first slug of each server block;</li>
 *   <li>{@code facets.js}: one character per record (kind, category, risk level) and the records per server, from
 *       which search.js counts facets and filters without fetching any record;</li>
 *   <li>{@code terms/N.js}: the terms whose first characters are the shard's key, each with the sorted record
 *       numbers whose name or description holds it and the server numbers whose name or slug does;</li>
 *   <li>{@code exact/N.js}: whole names as words ({@code generate image}) with the records so named, spread by a
 *       hash of the name, for ranking exact matches first;</li>
 *   <li>{@code docs/N.js}: the records N×block … in order (name, server slug, server name, category, risk level,
 *       score, description, URL), fetched only for the page of results shown;</li>
 *   <li>{@code servers/N.js}: slug and name of the servers N×serverBlock …, for the server facet's labels.</li>
 * </ul>
 *
 * A term shard holds the terms of a two-character prefix; one that would exceed {@link Options#shardTargetBytes()}
 * is split by the next character (up to {@value #MAX_KEY} characters), so the first query fetches a few small files.
 */
public final class SearchIndexBuilder {

    /** Longest shard key, in code points. */
    public static final int MAX_KEY = 6;
    /**
     * Field numbers: a record's own name, its server's name and slug, its description. The server field's postings
     * are server numbers, not record numbers: search.js counts a match for every record of the server, so a
     * server's words are stored once, not once per tool.
     */
    static final int NAME = 0, SERVER = 1, DESCRIPTION = 2;

    /**
     * @param docsPerBlock     records per {@code docs/N.js}
     * @param serversPerBlock  servers per {@code servers/N.js}
     * @param shardTargetBytes a term shard larger than this is split by its next character
     */
    public record Options(int docsPerBlock, int serversPerBlock, int shardTargetBytes) {
        public static final Options DEFAULT = new Options(64, 256, 96 * 1024);
    }

    /** What {@link #finish()} wrote: counts and the largest file, for the build's log and the tests. */
    public record Stats(int records, int servers, int tools, int terms, int termShards, int files, long bytes, String largestFile,
            long largestBytes) {
    }

    private static final class Postings {
        final int[][] ids = new int[3][];
        final int[] sizes = new int[3];

        void add(int field, int doc) {
            int n = sizes[field];
            int[] a = ids[field];
            if (a == null) {
                a = ids[field] = new int[2];
            } else if (a[n - 1] == doc) {
                return;
            } else if (n == a.length) {
                a = ids[field] = Arrays.copyOf(a, n + (n >> 1) + 1);
            }
            a[n] = doc;
            sizes[field] = n + 1;
        }
    }

    private static final class IntList {
        int[] a = new int[1];
        int n;

        /** Appends {@code v} unless it is the last value already. */
        void add(int v) {
            if (n == 0 || a[n - 1] != v) {
                push(v);
            }
        }

        void push(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    private final String dir;
    private final SiteRenderer.Sink sink;
    private final Options options;
    private final Map<String, Postings> terms = new HashMap<>();
    private final Map<String, IntList> exact = new HashMap<>();
    private final StringBuilder attrs = new StringBuilder();
    private final IntList serverDocs = new IntList();
    private final List<String> serverFirst = new ArrayList<>();
    private final StringBuilder docBlock = new StringBuilder();
    private final StringBuilder serverBlock = new StringBuilder();
    private int docs;
    private int tools;
    private int servers;
    private String currentServer;
    private int files;
    private long bytes;
    private String largestFile = "";
    private long largestBytes;
    private boolean finished;

    /**
     * @param dir     the folder below the site root, e.g. {@code search/} (empty: the root)
     * @param sink    where each file goes as soon as it is complete
     * @param options block and shard sizes
     */
    public SearchIndexBuilder(String dir, SiteRenderer.Sink sink, Options options) {
        this.dir = dir.isEmpty() || dir.endsWith("/") ? dir : dir + "/";
        this.sink = sink;
        this.options = options;
    }

    /** Adds the next record: a server, then each of its tools. Servers must come in ascending slug order. */
    public void add(SearchRecord r) throws IOException {
        if (finished) {
            throw new IllegalStateException("search index already finished");
        }
        int doc = docs;
        if (r.kind() == SearchRecord.Kind.SERVER) {
            if (currentServer != null && currentServer.compareTo(r.serverSlug()) >= 0) {
                throw new IllegalArgumentException("servers must be added in ascending slug order: " + r.serverSlug()
                        + " after " + currentServer);
            }
            currentServer = r.serverSlug();
            if (servers % options.serversPerBlock() == 0) {
                serverFirst.add(r.serverSlug());
            }
            serverBlock.append(serverBlock.isEmpty() ? "[" : ",\n").append('[').append(quote(r.serverSlug())).append(',')
                    .append(quote(r.serverName())).append(']');
            servers++;
            serverDocs.push(1);
            if (servers % options.serversPerBlock() == 0) {
                flushServers();
            }
            index(NAME, r.name(), doc, false);
            index(SERVER, r.serverName(), servers - 1, false);
            index(SERVER, r.serverSlug(), servers - 1, false);
            exact(r.name(), doc);
            exact(r.serverSlug(), doc);
        } else {
            if (!r.serverSlug().equals(currentServer)) {
                throw new IllegalArgumentException("tool " + r.name() + " of server " + r.serverSlug()
                        + " must follow its server's record");
            }
            serverDocs.a[serverDocs.n - 1]++;
            tools++;
            index(NAME, r.name(), doc, false);
            exact(r.name(), doc);
        }
        index(DESCRIPTION, r.description(), doc, true);
        attrs.append(Vlq.ALPHABET.charAt(attr(r)));
        docBlock.append(docBlock.isEmpty() ? "[" : ",\n").append('[').append(quote(r.name())).append(',')
                .append(quote(r.serverSlug())).append(',').append(quote(r.serverName())).append(',')
                .append(quote(r.category())).append(',').append(quote(r.riskLevel())).append(',').append(r.score()).append(',')
                .append(quote(r.description())).append(',').append(quote(r.url())).append(']');
        docs++;
        if (docs % options.docsPerBlock() == 0) {
            flushDocs();
        }
    }

    /** Kind × 30 + category (0 none, 1…5) × 5 + risk level (0 none, 1…4): under 64, one character. */
    static int attr(SearchRecord r) {
        int c = 0;
        for (Category k : Category.values()) {
            if (k.label().equals(r.category())) {
                c = k.ordinal() + 1;
            }
        }
        int l = 0;
        for (RiskLevel k : RiskLevel.values()) {
            if (k.label().equals(r.riskLevel())) {
                l = k.ordinal() + 1;
            }
        }
        return (r.kind() == SearchRecord.Kind.TOOL ? 30 : 0) + c * 5 + l;
    }

    private void index(int field, String text, int doc, boolean dropStopWords) {
        for (String t : SearchTokens.terms(text)) {
            if (dropStopWords && SearchTokens.STOP_WORDS.contains(t)) {
                continue;
            }
            terms.computeIfAbsent(t, k -> new Postings()).add(field, doc);
        }
    }

    private void exact(String name, int doc) {
        String key = SearchTokens.exactKey(name);
        if (!key.isEmpty()) {
            exact.computeIfAbsent(key, k -> new IntList()).add(doc);
        }
    }

    private void flushDocs() throws IOException {
        if (docBlock.isEmpty()) {
            return;
        }
        int n = (docs - 1) / options.docsPerBlock();
        write("docs/" + n, docBlock.append(']').toString());
        docBlock.setLength(0);
    }

    private void flushServers() throws IOException {
        if (serverBlock.isEmpty()) {
            return;
        }
        int n = (servers - 1) / options.serversPerBlock();
        write("servers/" + n, serverBlock.append(']').toString());
        serverBlock.setLength(0);
    }

    private void write(String key, String json) throws IOException {
        String path = dir + key + ".js";
        byte[] b = ("__mcpSearch(" + quote(key) + "," + json + ");\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        files++;
        bytes += b.length;
        if (b.length > largestBytes) {
            largestBytes = b.length;
            largestFile = path;
        }
        sink.accept(new Output(path, b));
    }

    /** Writes the remaining blocks, the term shards, the facets and the manifest; the builder is then spent. */
    public Stats finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("search index already finished");
        }
        finished = true;
        flushDocs();
        flushServers();

        StringBuilder facets = new StringBuilder("{\"attrs\":\"").append(attrs).append("\",\"counts\":\"");
        for (int i = 0; i < serverDocs.n; i++) {
            Vlq.writeNumber(serverDocs.a[i] - 1, facets);
        }
        write("facets", facets.append("\"}").toString());
        attrs.setLength(0);

        String[] sorted = terms.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
        List<String> keys = new ArrayList<>();
        List<List<String>> shards = new ArrayList<>();
        int from = 0;
        while (from < sorted.length) {
            String p = prefix(sorted[from], 2);
            int to = from;
            while (to < sorted.length && prefix(sorted[to], 2).equals(p)) {
                to++;
            }
            assign(sorted, from, to, p, keys, shards);
            from = to;
        }
        for (int i = 0; i < shards.size(); i++) {
            StringBuilder b = new StringBuilder("{\"t\":{");
            boolean first = true;
            for (String t : shards.get(i)) {
                Postings p = terms.get(t);
                b.append(first ? "" : ",\n").append(quote(t)).append(":[");
                first = false;
                int last = p.sizes[2] > 0 ? 2 : p.sizes[1] > 0 ? 1 : 0;
                for (int f = 0; f <= last; f++) {
                    b.append(f == 0 ? "\"" : ",\"");
                    if (p.ids[f] != null) {
                        Vlq.encode(p.ids[f], p.sizes[f], b);
                    }
                    b.append('"');
                }
                b.append(']');
            }
            write("terms/" + i, b.append("}}").toString());
        }

        int exactFiles = writeExact();

        StringBuilder m = new StringBuilder("{\"v\":1,\"records\":").append(docs).append(",\"servers\":").append(servers)
                .append(",\"tools\":").append(tools).append(",\"block\":").append(options.docsPerBlock())
                .append(",\"serverBlock\":").append(options.serversPerBlock()).append(",\"categories\":")
                .append(list(Arrays.stream(Category.values()).map(Category::label).toList())).append(",\"levels\":")
                .append(list(Arrays.stream(RiskLevel.values()).map(RiskLevel::label).toList())).append(",\"stop\":")
                .append(list(SearchTokens.STOP_WORDS.stream().sorted().toList())).append(",\"maxKey\":").append(MAX_KEY)
                .append(",\"shards\":").append(list(keys)).append(",\"exactFiles\":").append(exactFiles).append(",\"serverFirst\":").append(list(serverFirst)).append('}');
        int termCount = terms.size();
        terms.clear();
        exact.clear();
        write("manifest", m.toString());
        return new Stats(docs, servers, tools, termCount, keys.size(), files, bytes, largestFile, largestBytes);
    }

    /**
     * The exact names, spread over {@code exact/N.js} by {@link #exactFile}: as many files as keep each near
     * {@link Options#shardTargetBytes()} / 4, so the one a query needs is small. Returns the number of files.
     */
    private int writeExact() throws IOException {
        long total = 0;
        for (Map.Entry<String, IntList> e : exact.entrySet()) {
            total += e.getKey().length() + 6 + 2L * e.getValue().n;
        }
        int count = (int) Math.max(1, Math.min(100_000, (total + options.shardTargetBytes() / 4 - 1) / (options.shardTargetBytes() / 4)));
        List<List<String>> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(new ArrayList<>());
        }
        for (String key : exact.keySet()) {
            files.get(exactFile(key, count)).add(key);
        }
        for (int i = 0; i < count; i++) {
            List<String> names = files.get(i);
            names.sort(null);
            StringBuilder b = new StringBuilder("{");
            for (String name : names) {
                IntList ids = exact.get(name);
                b.append(b.length() == 1 ? "" : ",\n").append(quote(name)).append(":\"");
                Vlq.encode(ids.a, ids.n, b);
                b.append('"');
            }
            write("exact/" + i, b.append('}').toString());
        }
        return count;
    }

    /** The file of an exact name: its 32-bit FNV-1a hash over UTF-16 code units, modulo the count (search.js: exactFile). */
    static int exactFile(String key, int count) {
        return (int) (Integer.toUnsignedLong(fnv1a(key)) % count);
    }

    static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 16777619;
        }
        return h;
    }

    /** Terms {@code sorted[from, to)} all start with {@code p}: one shard, or split by the next character. */
    private void assign(String[] sorted, int from, int to, String p, List<String> keys, List<List<String>> shards) {
        long size = 0;
        for (int i = from; i < to; i++) {
            size += size(sorted[i]);
        }
        int len = p.codePointCount(0, p.length());
        if (size <= options.shardTargetBytes() || len >= MAX_KEY) {
            keys.add(p);
            shards.add(Arrays.asList(Arrays.copyOfRange(sorted, from, to)));
            return;
        }
        int i = from;
        if (sorted[i].equals(p)) {
            keys.add(p);
            shards.add(List.of(p));
            i++;
        }
        while (i < to) {
            String q = prefix(sorted[i], len + 1);
            int j = i;
            while (j < to && prefix(sorted[j], len + 1).equals(q)) {
                j++;
            }
            assign(sorted, i, j, q, keys, shards);
            i = j;
        }
    }

    /** The shard a term is in: the longest key that begins it, as search.js finds it; -1 if none. */
    static int shardOf(Map<String, Integer> keys, String term) {
        for (int len = Math.min(MAX_KEY, term.codePointCount(0, term.length())); len > 0; len--) {
            Integer at = keys.get(prefix(term, len));
            if (at != null) {
                return at;
            }
        }
        return -1;
    }

    /** Roughly the bytes a term takes in its shard: the key and its postings (a character or two per document). */
    private long size(String term) {
        Postings p = terms.get(term);
        long n = term.length() + 12;
        for (int f = 0; f < 3; f++) {
            if (p.ids[f] != null) {
                int previous = -1;
                for (int i = 0; i < p.sizes[f]; i++) {
                    int gap = p.ids[f][i] - previous - 1;
                    previous = p.ids[f][i];
                    n += gap < 32 ? 1 : gap < 1024 ? 2 : gap < 32768 ? 3 : 4;
                }
            }
        }
        return n;
    }

    static String prefix(String term, int codePoints) {
        int n = term.codePointCount(0, term.length());
        return n <= codePoints ? term : term.substring(0, term.offsetByCodePoints(0, codePoints));
    }

    private static String list(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** A JSON string, also safe inside a script: controls, quotes, backslashes, U+2028/9 and "<" escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
