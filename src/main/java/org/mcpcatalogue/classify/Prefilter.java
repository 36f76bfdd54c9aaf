package org.mcpcatalogue.classify;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cheap test that rules a text out before an RE2/J pattern runs on it. RE2/J matches with an NFA that costs
 * about a microsecond per character and pattern, and the classifier runs some two hundred patterns over every
 * distinct sentence of the catalogue; most of those patterns start with a list of words
 * ({@code \b(send|post|forward)\b…\bto\b…}) that most sentences do not hold. From a pattern's syntax this class
 * derives the literal strings any match must contain, as an AND/OR of them (that pattern needs "send", "post" or
 * "forward", and "to"), and a text that lacks them is not searched at all (after the idea of Russ Cox's trigram
 * index for Google Code Search, with whole literals instead of trigrams).
 *
 * <p>The test is exact in one direction: it never rules out a text the pattern matches, so a build with it gives
 * the same findings byte for byte. Patterns match case-insensitively, so both the literals and the text are read
 * folded: each character becomes the lower case of its upper case ({@code ſ} and {@code S} become {@code s}, the
 * Kelvin sign {@code k}), which gives every character of one RE2 case orbit the same fold ({@code PrefilterTest}
 * checks this against RE2/J's own folding tables for every character). Folding more than RE2 does only lets more
 * texts through. A character outside the Basic Multilingual Plane in a pattern, and any syntax the analysis does
 * not know ({@code \Q…\E}, octal escapes), require nothing: at worst a pattern gets no prefilter and is always
 * searched.
 *
 * <p>One prefilter serves a set of patterns (those of the rules, made once per classifier): the literals of all
 * their queries go into one Aho-Corasick automaton, so a text is read once, whatever the number of patterns, and
 * each pattern's query is then a few bit tests ({@link #text}, then {@link #mayMatch}).
 */
final class Prefilter {

    /** A prefilter that knows no pattern: it lets every text through. */
    static final Prefilter NONE = new Prefilter(List.of());

    /** By identity: the patterns are the rules' own objects, and an identity lookup is the cheapest. */
    private final Map<Pattern, Query> queries = new java.util.IdentityHashMap<>();
    private final Automaton literals;

    /** The prefilter of these patterns (null entries are skipped). */
    Prefilter(Collection<Pattern> patterns) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Pattern p : patterns) {
            if (p != null && !queries.containsKey(p)) {
                queries.put(p, number(query(p.pattern()), ids));
            }
        }
        literals = new Automaton(new ArrayList<>(ids.keySet()));
    }

    /** A text read once: folded, and which of the literals it holds. */
    static final class Text {
        final String folded;
        final long[] present;

        private Text(String folded, long[] present) {
            this.folded = folded;
            this.present = present;
        }
    }

    /** Reads a text for the queries of this prefilter's patterns. */
    Text text(String text) {
        String folded = fold(text);
        return new Text(folded, literals.scan(folded));
    }

    /** Whether {@code pattern} may match the text read as {@code text}; always for a pattern this prefilter does not know. */
    boolean mayMatch(Pattern pattern, Text text) {
        Query q = queries.get(pattern);
        return q == null || q.test(text);
    }

    /** {@code pattern.matcher(text).find()}, without searching a text the pattern cannot match. */
    boolean find(Pattern pattern, String text) {
        return mayMatch(pattern, text(text)) && pattern.matcher(text).find();
    }

    /** What a match must contain, in folded text. */
    sealed interface Query permits All, Lit, AnyOf, Digits, And, Or {
        boolean test(Text text);
    }

    /** No requirement: every text may match. */
    record All() implements Query {
        @Override
        public boolean test(Text text) {
            return true;
        }
    }

    /** The text holds the string {@code s}, literal number {@code id} of the prefilter (-1 before numbering). */
    record Lit(String s, int id) implements Query {
        @Override
        public boolean test(Text text) {
            return (text.present[id >>> 6] & (1L << id)) != 0;
        }
    }

    /** The text holds one of several literals: their numbers as a bit mask, tested a word at a time. */
    record AnyOf(long[] mask) implements Query {
        AnyOf(int[] ids) {
            this(mask(ids));
        }

        private static long[] mask(int[] ids) {
            long[] mask = new long[java.util.Arrays.stream(ids).max().orElse(0) / 64 + 1];
            for (int id : ids) {
                mask[id >>> 6] |= 1L << id;
            }
            return mask;
        }

        @Override
        public boolean test(Text text) {
            for (int i = 0; i < mask.length; i++) {
                if ((text.present[i] & mask[i]) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The text holds a run of at least {@code n} ASCII digits ({@code \\d} in RE2 is {@code [0-9]}). */
    record Digits(int n) implements Query {
        @Override
        public boolean test(Text text) {
            String lower = text.folded;
            int run = 0;
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                run = c >= '0' && c <= '9' ? run + 1 : 0;
                if (run >= n) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Every part holds. */
    record And(List<Query> parts) implements Query {
        @Override
        public boolean test(Text text) {
            for (Query q : parts) {
                if (!q.test(text)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some part holds. */
    record Or(List<Query> parts) implements Query {
        @Override
        public boolean test(Text text) {
            for (Query q : parts) {
                if (q.test(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final Query ALL = new All();

    /** {@code q} with each literal numbered in {@code ids} (a literal met again keeps its number). */
    private static Query number(Query q, Map<String, Integer> ids) {
        if (q instanceof Lit l) {
            return new Lit(l.s(), ids.computeIfAbsent(l.s(), k -> ids.size()));
        }
        if (q instanceof And a) {
            return new And(a.parts().stream().map(x -> number(x, ids)).toList());
        }
        if (q instanceof Or o) {
            List<Query> parts = o.parts().stream().map(x -> number(x, ids)).toList();
            return parts.stream().allMatch(x -> x instanceof Lit) ? new AnyOf(parts.stream().mapToInt(x -> ((Lit) x).id()).toArray()) : new Or(parts);
        }
        return q;
    }

    /** The query of {@code pattern} in this prefilter, if it knows the pattern. */
    java.util.Optional<Query> query(Pattern pattern) {
        return java.util.Optional.ofNullable(queries.get(pattern));
    }

    /** The query of a regular expression in RE2 syntax; {@link #ALL} when its syntax is beyond the analysis. */
    static Query query(String regex) {
        try {
            Parser parser = new Parser(regex);
            Info info = parser.alternation();
            if (parser.at < regex.length()) {
                return ALL;
            }
            return info.query();
        } catch (Unsupported e) {
            return ALL;
        }
    }

    /** {@code text} folded as the queries read it: {@link #fold(char)} of each character. */
    static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = fold(c);
            if (f != c && out == null) {
                out = text.toCharArray();
            }
            if (out != null) {
                out[i] = f;
            }
        }
        return out == null ? text : new String(out);
    }

    /**
     * A character as a case-insensitive match sees it: the lower case of its upper case, the same for every
     * character of a case orbit ({@code k}, {@code K}, U+212A; {@code s}, {@code S}, {@code ſ}; {@code σ},
     * {@code Σ}, {@code ς}). A surrogate stays itself (patterns never require one).
     */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        int f = Character.toLowerCase(Character.toUpperCase((int) c));
        return f <= 0xFFFF && !Character.isSurrogate((char) f) ? (char) f : c;
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The largest set of exact strings kept before it is turned into a query. */
    private static final int MAX_EXACT = 64;

    /**
     * What is known of a piece of a regex: the exact set of strings it matches (when small and known, else null),
     * or else a query any of its matches satisfies.
     */
    private record Info(Set<String> exact, Query match) {
        static Info exactly(String... strings) {
            return new Info(new LinkedHashSet<>(List.of(strings)), null);
        }

        static final Info ANY = new Info(null, ALL);

        Query query() {
            if (exact == null) {
                return match;
            }
            List<Query> parts = new ArrayList<>();
            for (String s : exact) {
                if (s.isEmpty()) {
                    return ALL;
                }
                parts.add(new Lit(s, -1));
            }
            return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
        }

        Info or(Info other) {
            if (exact != null && other.exact != null && exact.size() + other.exact.size() <= MAX_EXACT) {
                Set<String> out = new LinkedHashSet<>(exact);
                out.addAll(other.exact);
                return new Info(out, null);
            }
            return new Info(null, or(query(), other.query()));
        }

        static Query and(Query a, Query b) {
            if (a instanceof All) {
                return b;
            }
            if (b instanceof All) {
                return a;
            }
            List<Query> parts = new ArrayList<>();
            for (Query q : List.of(a, b)) {
                if (q instanceof And and) {
                    parts.addAll(and.parts());
                } else {
                    parts.add(q);
                }
            }
            return new And(List.copyOf(parts));
        }

        private static Query or(Query a, Query b) {
            if (a instanceof All || b instanceof All) {
                return ALL;
            }
            List<Query> parts = new ArrayList<>();
            for (Query q : List.of(a, b)) {
                if (q instanceof Or or) {
                    parts.addAll(or.parts());
                } else {
                    parts.add(q);
                }
            }
            return new Or(List.copyOf(parts));
        }
    }

    /** A recursive-descent reader of RE2 syntax that keeps only what the query needs. */
    private static final class Parser {
        final String re;
        int at;

        Parser(String re) {
            this.re = re;
        }

        boolean more() {
            return at < re.length();
        }

        char peek() {
            return re.charAt(at);
        }

        Info alternation() {
            Info out = concatenation();
            while (more() && peek() == '|') {
                at++;
                out = out.or(concatenation());
            }
            return out;
        }

        /**
         * A sequence: the exact strings of consecutive pieces are joined (a run); a piece with no exact set, or a
         * run grown past {@link #MAX_EXACT}, closes the run into the query, and a new run starts after it. The
         * sequence is exact only when it never closed a run.
         */
        Info concatenation() {
            Query closed = ALL;
            Set<String> run = Set.of("");
            boolean exact = true;
            while (more() && peek() != '|' && peek() != ')') {
                Info piece = repeated();
                if (piece.exact() != null && run.size() * piece.exact().size() <= MAX_EXACT) {
                    Set<String> joined = new LinkedHashSet<>();
                    for (String a : run) {
                        for (String b : piece.exact()) {
                            joined.add(a + b);
                        }
                    }
                    run = joined;
                } else if (piece.exact() != null) {
                    closed = Info.and(closed, new Info(run, null).query());
                    run = piece.exact();
                    exact = false;
                } else {
                    closed = Info.and(Info.and(closed, new Info(run, null).query()), piece.match());
                    run = Set.of("");
                    exact = false;
                }
            }
            return exact ? new Info(run, null) : new Info(null, Info.and(closed, new Info(run, null).query()));
        }

        Info repeated() {
            Info atom = atom();
            while (more()) {
                char c = peek();
                int min;
                if (c == '*') {
                    at++;
                    min = 0;
                } else if (c == '+') {
                    at++;
                    min = 1;
                } else if (c == '?') {
                    at++;
                    atom = atom.exact == null ? Info.ANY : atom.or(Info.exactly(""));
                    lazy();
                    continue;
                } else if (c == '{' && repeat() >= 0) {
                    min = repeat();
                    at = re.indexOf('}', at) + 1;
                } else {
                    break;
                }
                lazy();
                // At least one copy when min >= 1: a match holds what one copy must hold (min digits in a row, for
                // \d); with none, anything.
                if (min == 0) {
                    atom = Info.ANY;
                } else if (atom.match() instanceof Digits d && d.n() == 1) {
                    atom = new Info(null, new Digits(min));
                } else {
                    atom = new Info(null, atom.query());
                }
            }
            return atom;
        }

        void lazy() {
            if (more() && peek() == '?') {
                at++;
            }
        }

        /** The minimum of a {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}, or -1 when it is a literal brace. */
        int repeat() {
            int close = re.indexOf('}', at);
            if (close < 0) {
                return -1;
            }
            String body = re.substring(at + 1, close);
            if (!body.matches("[0-9]+(,[0-9]*)?")) {
                return -1;
            }
            return Integer.parseInt(body.split(",", -1)[0]);
        }

        Info atom() {
            char c = peek();
            switch (c) {
                case '(' -> {
                    at++;
                    group();
                    Info inner = alternation();
                    if (!more() || peek() != ')') {
                        throw new Unsupported();
                    }
                    at++;
                    return inner;
                }
                case '[' -> {
                    characterClass();
                    return Info.ANY;
                }
                case '.' -> {
                    at++;
                    return Info.ANY;
                }
                case '^', '$' -> {
                    at++;
                    return Info.exactly("");
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?' -> throw new Unsupported();
                default -> {
                    at++;
                    if (Character.isHighSurrogate(c)) {
                        // A character beyond the BMP (a pair): its other cases are other pairs; require nothing.
                        if (more() && Character.isLowSurrogate(peek())) {
                            at++;
                        }
                        return Info.ANY;
                    }
                    return Info.exactly(String.valueOf(fold(c)));
                }
            }
        }

        /** After {@code (}: skips {@code ?:}, {@code ?flags:}, {@code ?P<name>} or {@code ?<name>}; a bare {@code (?flags)} is empty. */
        void group() {
            if (!more() || peek() != '?') {
                return;
            }
            at++;
            if (more() && (peek() == 'P' || peek() == '<')) {
                int close = re.indexOf('>', at);
                if (close < 0) {
                    throw new Unsupported();
                }
                at = close + 1;
                return;
            }
            while (more() && "imsU-".indexOf(peek()) >= 0) {
                at++;
            }
            if (!more()) {
                throw new Unsupported();
            }
            if (peek() == ':') {
                at++;
            } else if (peek() == ')') {
                // (?i) alone: a flag for what follows, matched as the empty group it is read as here.
            } else {
                throw new Unsupported();
            }
        }

        /** Skips a bracketed class ({@code [...]}, {@code [^...]}, with escapes and {@code [:name:]}). */
        void characterClass() {
            at++;
            if (more() && peek() == '^') {
                at++;
            }
            if (more() && peek() == ']') {
                at++;
            }
            while (more() && peek() != ']') {
                if (peek() == '\\') {
                    at++;
                    if (!more()) {
                        throw new Unsupported();
                    }
                    char e = peek();
                    if ((e == 'x' || e == 'p' || e == 'P') && at + 1 < re.length() && re.charAt(at + 1) == '{') {
                        int close = re.indexOf('}', at);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        at = close + 1;
                    } else if (e == 'x') {
                        at += 3;
                    } else if (e == 'p' || e == 'P') {
                        at += 2;
                    } else {
                        at++;
                    }
                } else if (peek() == '[' && at + 1 < re.length() && re.charAt(at + 1) == ':') {
                    int close = re.indexOf(":]", at + 2);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    at = close + 2;
                } else {
                    at++;
                }
            }
            if (!more()) {
                throw new Unsupported();
            }
            at++;
        }

        Info escape() {
            at++;
            if (!more()) {
                throw new Unsupported();
            }
            char e = peek();
            at++;
            switch (e) {
                case 'b', 'B', 'A', 'z' -> {
                    return Info.exactly("");
                }
                case 'd' -> {
                    return new Info(null, new Digits(1));
                }
                case 'D', 's', 'S', 'w', 'W', 'C' -> {
                    return Info.ANY;
                }
                case 'p', 'P' -> {
                    if (more() && peek() == '{') {
                        int close = re.indexOf('}', at);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        at = close + 1;
                    } else {
                        at++;
                    }
                    return Info.ANY;
                }
                case 'a' -> {
                    return Info.exactly("\u0007");
                }
                case 'f' -> {
                    return Info.exactly("\f");
                }
                case 't' -> {
                    return Info.exactly("\t");
                }
                case 'n' -> {
                    return Info.exactly("\n");
                }
                case 'r' -> {
                    return Info.exactly("\r");
                }
                case 'v' -> {
                    return Info.exactly("\u000B");
                }
                case 'x' -> {
                    int code;
                    if (more() && peek() == '{') {
                        int close = re.indexOf('}', at);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        code = Integer.parseInt(re.substring(at + 1, close), 16);
                        at = close + 1;
                    } else {
                        if (at + 2 > re.length()) {
                            throw new Unsupported();
                        }
                        code = Integer.parseInt(re.substring(at, at + 2), 16);
                        at += 2;
                    }
                    if (code > 0xFFFF || Character.isSurrogate((char) code)) {
                        return Info.ANY;
                    }
                    return Info.exactly(String.valueOf(fold((char) code)));
                }
                default -> {
                    // A punctuation mark escaped stands for itself; any other escape (\Q, octal, …) is not analysed.
                    if (e < 128 && !Character.isLetterOrDigit(e)) {
                        return Info.exactly(String.valueOf(e));
                    }
                    throw new Unsupported();
                }
            }
        }
    }

    /**
     * An Aho-Corasick automaton over the literals: one pass over a text finds every literal it holds. Transitions on
     * ASCII are a full table; other characters follow the trie and its failure links.
     */
    static final class Automaton {
        private final int words;
        private final int[] ascii;
        private final List<Map<Character, Integer>> edges = new ArrayList<>();
        private final int[] fail;
        private final int[][] out;

        Automaton(List<String> literals) {
            this.words = literals.size();
            List<List<Integer>> ends = new ArrayList<>();
            edges.add(new HashMap<>());
            ends.add(new ArrayList<>());
            for (int id = 0; id < literals.size(); id++) {
                int s = 0;
                for (char c : literals.get(id).toCharArray()) {
                    Integer next = edges.get(s).get(c);
                    if (next == null) {
                        next = edges.size();
                        edges.get(s).put(c, next);
                        edges.add(new HashMap<>());
                        ends.add(new ArrayList<>());
                    }
                    s = next;
                }
                ends.get(s).add(id);
            }
            int states = edges.size();
            fail = new int[states];
            out = new int[states][];
            ascii = new int[states * 128];
            // Breadth first: a state's failure state is shallower, so its table row and outputs are already made.
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            out[0] = ends.get(0).stream().mapToInt(Integer::intValue).toArray();
            for (int c = 0; c < 128; c++) {
                Integer next = edges.get(0).get((char) c);
                ascii[c] = next == null ? 0 : next;
            }
            for (int next : edges.get(0).values()) {
                fail[next] = 0;
                queue.add(next);
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                List<Integer> o = new ArrayList<>(ends.get(s));
                for (int id : out[fail[s]]) {
                    o.add(id);
                }
                out[s] = o.stream().mapToInt(Integer::intValue).toArray();
                for (int c = 0; c < 128; c++) {
                    Integer next = edges.get(s).get((char) c);
                    ascii[s * 128 + c] = next == null ? ascii[fail[s] * 128 + c] : next;
                }
                for (Map.Entry<Character, Integer> e : edges.get(s).entrySet()) {
                    int next = e.getValue();
                    fail[next] = step(fail[s], e.getKey());
                    queue.add(next);
                }
            }
        }

        /** The state after {@code c} from {@code s}, for a state whose failure chain is complete. */
        private int step(int s, char c) {
            if (c < 128) {
                return ascii[s * 128 + c];
            }
            while (true) {
                Integer next = edges.get(s).get(c);
                if (next != null) {
                    return next;
                }
                if (s == 0) {
                    return 0;
                }
                s = fail[s];
            }
        }

        /** Which literals {@code text} holds, as a bit set by literal number. */
        long[] scan(String text) {
            long[] present = new long[Math.max(1, (words + 63) >>> 6)];
            int s = 0;
            for (int i = 0; i < text.length(); i++) {
                s = step(s, text.charAt(i));
                for (int id : out[s]) {
                    present[id >>> 6] |= 1L << id;
                }
            }
            return present;
        }
    }
}
