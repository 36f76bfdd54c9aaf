package org.mcpcatalogue.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.HiddenCharacter;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * Looks for text aimed at the model rather than the user in every text of a tool the model reads: the title,
 * the annotations' title, the description, and every name and string anywhere in the input and output schemas
 * (parameter names, descriptions, enum values, defaults, examples, nested properties, items and
 * anyOf/oneOf/allOf branches: full-schema poisoning). Each finding names the field, as a path such as
 * {@code inputSchema/properties/sidenote/description}, and quotes the offending text with hidden characters
 * and ANSI escapes written visibly.
 */
final class PoisoningScan {

    /** How much of a matching text a finding quotes. */
    private static final int QUOTE = 100;

    private final Rules.Poisoning rules;
    /** Rules out, before RE2/J runs, the texts a pattern of these rules cannot match. */
    private final Prefilter prefilter;

    PoisoningScan(Rules.Poisoning rules) {
        this.rules = rules;
        List<com.google.re2j.Pattern> all = new ArrayList<>();
        for (Rules.PoisonPattern p : rules.patterns()) {
            all.add(p.pattern());
            p.unless().ifPresent(all::add);
        }
        for (Rules.Cue c : rules.cues().cues()) {
            all.addAll(c.patterns());
            all.addAll(c.otherScripts());
        }
        all.add(rules.exemptions().negation());
        all.add(rules.exemptions().breaks());
        all.add(rules.exemptions().routing());
        this.prefilter = new Prefilter(all);
    }

    /**
     * One finding.
     *
     * @param kind  {@code poisoning} (a rule matched) or {@code invisible-text} (hidden characters, ANSI escapes)
     * @param field where the text is: {@code title}, {@code description}, or a path into a schema; a name is
     *              written as the path of the member followed by {@code (name)}
     * @param why   what the text does, from the rule
     * @param quote the offending text, on one line, shortened, with hidden characters escaped
     */
    record Finding(String kind, String field, String why, String quote) {
        Flag flag() {
            return new Flag(kind, why + ": \"" + quote + "\" in " + field);
        }
    }

    /**
     * A text the model sees, where it is, whether it is a name, and whether an identifier belongs there (a name,
     * an enum value, a default, an example or a constant).
     */
    record Text(String field, String value, boolean name, boolean identifier) {
        Text(String field, String value, boolean name) {
            this(field, value, name, name);
        }
    }

    /**
     * What a text yields, without its field: the same text gives the same findings wherever it is. A pattern's hit
     * also keeps its match and the sentence around it, which the tool's context may still exempt.
     */
    private record Hit(String kind, String why, String quote, boolean rule, String match, String sentence, boolean known) {
        Hit(String kind, String why, String quote) {
            this(kind, why, quote, false, "", "", false);
        }
    }

    private record Key(String value, boolean name, boolean identifier) {
    }

    /** Most texts repeat (type names, schema keywords, shared descriptions): each distinct one is scanned once. */
    private static final int MEMO = 100_000;
    private final java.util.concurrent.ConcurrentHashMap<Key, List<Hit>> memo = new java.util.concurrent.ConcurrentHashMap<>();

    void scan(Tool tool, List<Flag> flags) {
        scan(tool, java.util.Set.of(), flags);
    }

    /** Scans a tool of a server whose tools have the names {@code siblings}. */
    void scan(Tool tool, java.util.Set<String> siblings, List<Flag> flags) {
        List<Finding> found = findings(tool, siblings);
        // Hidden characters in the description come first: the page and the verdict's signal quote the first flag.
        found.stream().filter(f -> f.kind().equals("invisible-text") && f.field().equals("description")).forEach(f -> flags.add(f.flag()));
        if (tool.description().length() > rules.maxDescription()) {
            flags.add(new Flag("over-long-description", "description is " + tool.description().length()
                    + " characters long (over " + rules.maxDescription() + "): room to hide instructions"));
        }
        found.stream().filter(f -> !(f.kind().equals("invisible-text") && f.field().equals("description"))).forEach(f -> flags.add(f.flag()));
    }

    /** Every finding of a tool on its own (no server around it). */
    List<Finding> findings(Tool tool) {
        return findings(tool, java.util.Set.of());
    }

    /**
     * Every finding, in the order of the texts (title, description, input schema, output schema), for a tool of a
     * server whose tools have the names {@code siblings}. A pattern's hit that only documents one of the tool's
     * own parameters, only names tools of the same server, or only says when to use this tool is dropped (see
     * {@link Rules.Exemptions}); a text whose every pattern hit was dropped is still read by the cue model.
     */
    List<Finding> findings(Tool tool, java.util.Set<String> siblings) {
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> ownTools = new java.util.HashSet<>(siblings);
        ownTools.add(tool.name());
        List<Text> texts = texts(tool);
        java.util.Set<String> parameters = new java.util.HashSet<>();
        for (Text t : texts) {
            if (t.name() && t.field().endsWith("/properties/" + pointer(t.value()) + " (name)")) {
                parameters.add(t.value());
            }
        }
        for (Text text : texts) {
            List<Hit> hits = hits(text);
            List<Hit> kept = new ArrayList<>();
            boolean dropped = false;
            for (Hit h : hits) {
                if (h.rule() && exempt(h, parameters, ownTools)) {
                    dropped = true;
                } else {
                    kept.add(h);
                }
            }
            if (dropped && kept.stream().noneMatch(Hit::rule)) {
                cues(text).ifPresent(kept::add);
            }
            for (Hit h : kept) {
                out.add(new Finding(h.kind(), text.field(), h.why(), h.quote()));
            }
        }
        return out;
    }

    /** Whether a pattern's hit is benign in this tool's context. */
    private boolean exempt(Hit h, java.util.Set<String> parameters, java.util.Set<String> ownTools) {
        Rules.Exemptions x = rules.exemptions();
        if (h.known()) {
            return true;
        }
        // Documents the tool's own option by its literal name: "Suppress confirmations: {"suppressConfirmations":true}".
        String squashed = squash(h.match());
        for (String p : parameters) {
            if (squashed.length() >= 6 && squash(p).contains(squashed) && h.sentence().contains(p)) {
                return true;
            }
        }
        if (CueModel.showsAny(rules.cues(), h.sentence(), x.unlessCues(), prefilter)) {
            return false;
        }
        // Names only tools of the same server (or itself): "Always call cookunity_list_deliveries first".
        var m = TOOL_NAME.matcher(h.match());
        boolean any = false;
        boolean allOwn = true;
        while (m.find()) {
            any = true;
            allOwn &= ownTools.contains(m.group());
        }
        if (any && allOwn) {
            return true;
        }
        // Says when to use this very tool: "This is the recommended tool when the user asks about "my next delivery"".
        return prefilter.find(x.routing(), h.sentence());
    }

    private static final java.util.regex.Pattern TOOL_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+");

    /** Letters and digits only, in lower case: {@code suppressConfirmations} and "Suppress confirmations" agree. */
    private static String squash(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private List<Hit> hits(Text text) {
        Key key = new Key(text.value(), text.name(), text.identifier());
        List<Hit> known = memo.get(key);
        if (known != null) {
            return known;
        }
        List<Hit> hits = List.copyOf(scanText(text));
        if (memo.size() >= MEMO) {
            memo.clear();
        }
        memo.put(key, hits);
        return hits;
    }

    /** The findings of one text: hidden characters, then the rules, then (when no rule matched) the cue model. */
    private List<Hit> scanText(Text text) {
        List<Hit> out = new ArrayList<>();
        hidden(text).ifPresent(f -> out.add(new Hit(f.kind(), f.why(), f.quote())));
        String subject = text.name() ? words(text.value()) : text.value();
        if (!mayHoldWords(subject)) {
            return out;
        }
        boolean matched = false;
        boolean ascii = subject.chars().allMatch(c -> c < 128);
        // The subject read once for every pattern's prefilter.
        Prefilter.Text read = prefilter.text(subject);
        Rules.Exemptions x = rules.exemptions();
        // A short name is an option flag of the tool (skipConfirmation), not a sentence addressed to the model.
        boolean flag = text.name() && CueModel.words(subject) <= x.flagWords();
        for (Rules.PoisonPattern p : rules.patterns()) {
            if (!p.appliesTo(text.name()) || ascii && p.otherScripts() || flag && p.in().equals("all")) {
                continue;
            }
            if (!prefilter.mayMatch(p.pattern(), read)) {
                continue;
            }
            var m = p.pattern().matcher(subject);
            boolean found = m.find();
            // A match in the scope of a negation asks for the opposite of the attack; a later match may not.
            while (found && p.negatable() && negated(subject.substring(sentenceStart(subject, m.start()), m.start()))) {
                found = m.find();
            }
            if (found) {
                String quote = text.name() ? text.value() : m.group();
                if (quote.isBlank()) {
                    // Padding: show how much blank space there is and what it pushes out of view.
                    quote = "[" + quote.length() + " blank characters] " + subject.substring(m.end()).strip();
                }
                int from = sentenceStart(subject, m.start());
                int to = sentenceEnd(subject, m.end());
                // The pattern's own known benign reading ("Upload credentials are generated internally").
                String sentence = subject.substring(from, Math.max(from, to));
                boolean known = p.unless().map(u -> u.matcher(sentence).find()).orElse(false);
                out.add(new Hit("poisoning", p.why(), excerpt(quote), true, m.group(), sentence, known));
                matched = true;
            }
        }
        if (!matched) {
            cues(text).ifPresent(out::add);
        }
        return out;
    }

    /** The cue model's finding on a text, if any. */
    private java.util.Optional<Hit> cues(Text text) {
        String subject = text.name() ? words(text.value()) : text.value();
        return CueModel.score(rules.cues(), subject, text.identifier(), prefilter).map(s ->
                new Hit("poisoning", "reads as an instruction to the model (" + String.join(", ", s.cues()) + ")",
                        excerpt(text.name() ? text.value() : s.sentence())));
    }

    /** Whether the start of a sentence up to a match ends in a negation whose scope reaches the match. */
    private boolean negated(String before) {
        Rules.Exemptions x = rules.exemptions();
        if (!prefilter.mayMatch(x.negation(), prefilter.text(before))) {
            return false;
        }
        var m = x.negation().matcher(before);
        return m.find() && !prefilter.find(x.breaks(), m.group(2) == null ? "" : m.group(2));
    }

    /** Where the sentence holding position {@code at} starts (after {@code .!?;} and a space, or a line break). */
    static int sentenceStart(String s, int at) {
        for (int i = Math.min(at, s.length()) - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '\n' || c == '。' || c == '！' || c == '？' || c == '；'
                    || (c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Where the sentence holding position {@code at} ends. */
    static int sentenceEnd(String s, int at) {
        for (int i = Math.max(at, 0); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '。' || c == '！' || c == '？' || c == '；'
                    || (c == '.' || c == '!' || c == '?' || c == ';') && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return s.length();
    }

    /**
     * Whether a text could hold any rule's match: a single short word of letters, digits and underscores (a type
     * name, a schema keyword, most enum values) cannot, and most texts are such words.
     */
    static boolean mayHoldWords(String s) {
        if (s.length() > 24) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return true;
            }
        }
        return false;
    }

    /** The texts of a tool the model sees, each with its field. */
    static List<Text> texts(Tool tool) {
        List<Text> out = new ArrayList<>();
        tool.title().ifPresent(t -> out.add(new Text("title", t, false)));
        tool.annotations().title().ifPresent(t -> out.add(new Text("annotations/title", t, false)));
        out.add(new Text("description", tool.description(), false));
        collect(tool.inputSchema(), "inputSchema", false, out);
        tool.outputSchema().ifPresent(o -> collect(o, "outputSchema", false, out));
        return out;
    }

    private static java.util.Optional<Finding> hidden(Text text) {
        List<HiddenCharacter> hidden = HiddenText.scan(text.value());
        if (hidden.isEmpty()) {
            return java.util.Optional.empty();
        }
        HiddenCharacter first = hidden.get(0);
        int at = text.value().offsetByCodePoints(0, first.index());
        String around = text.value().substring(Math.max(0, at - 20), Math.min(text.value().length(), at + 60));
        String why;
        if (text.value().contains("\u001B[") || text.value().contains("\u009B")) {
            why = "ANSI escape sequence, which can hide or rewrite text on a terminal";
        } else {
            why = hidden.size() + " hidden character" + (hidden.size() == 1 ? "" : "s") + " (first: " + first.kind() + " "
                    + first.describe() + " at position " + (first.index() + 1) + ")";
        }
        return java.util.Optional.of(new Finding("invisible-text", text.field(), why, excerpt(around)));
    }

    /** A name read as words: {@code content_from_readingSshKey} becomes {@code content from reading Ssh Key}. */
    static String words(String name) {
        return SEPARATORS.matcher(CAMEL_HUMP.matcher(name).replaceAll("$1 $2")).replaceAll(" ");
    }

    private static final java.util.regex.Pattern CAMEL_HUMP = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[_\\-.]+");

    /** {@code s} on one line, shortened, with hidden characters, control characters and ANSI escapes escaped. */
    static String excerpt(String s) {
        String one = HiddenText.visible(s.replaceAll("[ \\t\\r\\n]+", " ").strip());
        return one.length() > QUOTE ? one.substring(0, QUOTE - 1) + "…" : one;
    }

    /** Schema keywords whose strings stand where an identifier or a value belongs, not prose. */
    private static final java.util.Set<String> VALUES = java.util.Set.of("enum", "default", "examples", "example", "const");

    private static void collect(Json node, String path, boolean value, List<Text> out) {
        if (node instanceof Json.Obj o) {
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                String p = path + "/" + pointer(e.getKey());
                out.add(new Text(p + " (name)", e.getKey(), true));
                collect(e.getValue(), p, value || VALUES.contains(e.getKey()), out);
            }
        } else if (node instanceof Json.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                collect(a.items().get(i), path + "/" + i, value, out);
            }
        } else if (node instanceof Json.Str s) {
            out.add(new Text(path, s.value(), false, value));
        }
    }

    /** A member name as a JSON-pointer segment ({@code ~} and {@code /} escaped), shown visibly. */
    private static String pointer(String key) {
        return HiddenText.visible(key.replace("~", "~0").replace("/", "~1"));
    }
}
