package org.mcpcatalogue.classify;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * the same findings byte for byte. It reads the text in lower case and applies only to text of plain ASCII; a
 * text with any other character is always searched. That is what makes the folding safe: under RE2's
 * case-insensitive matching an ASCII letter matches only its two ASCII cases and {@code ſ} (U+017F) or the
 * Kelvin sign (U+212A), and a literal of the pattern outside ASCII matches no ASCII character but for those two
 * ({@code PrefilterTest} checks this against RE2/J itself). A pattern with syntax the analysis does not know
 * ({@code \Q…\E}, octal escapes) gets no prefilter: it is always searched.
 */
final class Prefilter {

    private Prefilter() {
    }

    /** What a match must contain, in lower case. */
    sealed interface Query permits All, Lit, And, Or {
        boolean test(String lower);
    }

    /** No requirement: every text may match. */
    record All() implements Query {
        @Override
        public boolean test(String lower) {
            return true;
        }
    }

    /** The text holds this string. */
    record Lit(String s) implements Query {
        @Override
        public boolean test(String lower) {
            return lower.contains(s);
        }
    }

    /** Every part holds. */
    record And(List<Query> parts) implements Query {
        @Override
        public boolean test(String lower) {
            for (Query q : parts) {
                if (!q.test(lower)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some part holds. */
    record Or(List<Query> parts) implements Query {
        @Override
        public boolean test(String lower) {
            for (Query q : parts) {
                if (q.test(lower)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final Query ALL = new All();

    private static final ConcurrentHashMap<Pattern, Query> QUERIES = new ConcurrentHashMap<>();

    /** The query of a pattern, derived once. */
    static Query of(Pattern pattern) {
        return QUERIES.computeIfAbsent(pattern, p -> query(p.pattern()));
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

    /** {@code text} in lower case when it is plain ASCII (the only text a query is asked about), else null. */
    static String fold(String text) {
        byte[] lower = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                if (lower == null) {
                    lower = new byte[text.length()];
                    for (int j = 0; j < i; j++) {
                        lower[j] = (byte) text.charAt(j);
                    }
                }
                c = (char) (c + ('a' - 'A'));
            }
            if (lower != null) {
                lower[i] = (byte) c;
            }
        }
        return lower == null ? text : new String(lower, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether {@code pattern} may match the text whose {@link #fold} is {@code folded} (null: a text outside ASCII,
     * which always may).
     */
    static boolean mayMatch(Pattern pattern, String folded) {
        return folded == null || of(pattern).test(folded);
    }

    /** {@code pattern.matcher(text).find()}, without searching a text the pattern cannot match. */
    static boolean find(Pattern pattern, String text) {
        return mayMatch(pattern, fold(text)) && pattern.matcher(text).find();
    }

    /** The literal a regex character stands for in folded text. */
    private static char foldLiteral(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c == '\u017F') {
            return 's';
        }
        if (c == '\u212A') {
            return 'k';
        }
        // Any other character outside ASCII matches no ASCII character: kept, it is never found in folded text.
        return c;
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
                parts.add(new Lit(s));
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
                // At least one copy when min >= 1: a match holds what one copy must hold; with none, anything.
                atom = min == 0 ? Info.ANY : new Info(null, atom.query());
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
                    return Info.exactly(String.valueOf(foldLiteral(c)));
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
                case 'd', 'D', 's', 'S', 'w', 'W', 'C' -> {
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
                    if (code > 0xFFFF) {
                        return Info.ANY;
                    }
                    return Info.exactly(String.valueOf(foldLiteral((char) code)));
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
}
