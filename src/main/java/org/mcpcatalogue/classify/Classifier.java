package org.mcpcatalogue.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Curation;
import org.mcpcatalogue.model.Hint;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.model.Tool;

/**
 * Stage 3, classify: decides a tool's category, risk level and score from {@link Rules}, recording every
 * signal it used. Stateless and thread-safe; one instance serves a whole build.
 */
public final class Classifier {

    private final Rules rules;
    private final PoisoningScan poisoning;
    private final CallerCodeScan callerCode;
    /** Rules out, before RE2/J runs, the descriptions a phrase or cap pattern cannot match. */
    private final Prefilter prefilter;

    public Classifier(Rules rules) {
        this.rules = rules;
        this.poisoning = new PoisoningScan(rules.poisoning());
        this.callerCode = new CallerCodeScan(rules.callerCode());
        List<com.google.re2j.Pattern> patterns = new ArrayList<>();
        rules.phrases().forEach(p -> patterns.addAll(p.patterns()));
        rules.senses().caps().forEach(c -> patterns.addAll(c.patterns()));
        this.prefilter = new Prefilter(patterns);
    }

    public Rules rules() {
        return rules;
    }

    /** Classifies a tool on its own (no server context). */
    public Verdict classify(Tool tool) {
        return classify(tool, Set.of());
    }

    /** Classifies a tool of a server with the given tags. */
    public Verdict classify(Tool tool, Set<String> serverTags) {
        return classify(tool, serverTags, Set.of());
    }

    /**
     * Classifies a tool of a server with the given tags, whose tools have the names {@code siblings}: the
     * poisoning scan reads a reference to one of them as a hint about the same server, not as shadowing.
     */
    public Verdict classify(Tool tool, Set<String> serverTags, Set<String> siblings) {
        Work w = new Work();
        List<String> tokens = NameTokens.split(tool.name());

        List<String> described = descriptionVerbs(tool.description());
        Optional<String> verb = nameVerb(tokens);
        if (verb.isPresent() && rules.senses().weakVerbs().contains(verb.get())) {
            verb = weakVerb(verb.get(), tokens, described, w);
        } else if (verb.isPresent()) {
            w.category = rules.verb(verb.get()).orElseThrow();
            w.confidence = Confidence.HIGH;
            w.signals.add(new Signal("name", "verb \"" + verb.get() + "\"", w.category.label()));
        } else if (!described.isEmpty()) {
            verb = Optional.of(described.get(0));
            w.category = describedVerb(verb.get());
            w.confidence = Confidence.MEDIUM;
            w.signals.add(new Signal("description", "no verb in the name; the description starts with \""
                    + verb.get() + "\"", w.category.label()));
        } else {
            nounName(tokens, w);
        }
        if (verb.isPresent()) {
            objects(verb.get(), tokens, w);
            alsoDescribed(verb.get(), described, w);
        }
        actions(tool.inputProperties(), tokens, w);
        // Fields that together say what the tool does (an amount with a recipient) come before the prose.
        combos(tool.inputProperties(), w);
        phrases(tool.description(), w);
        fields(tool.inputProperties(), w);
        caps(tool.description(), w);
        serverContext(verb, serverTags, w);
        if (w.category == null) {
            w.category = Category.WRITE;
            w.confidence = Confidence.LOW;
            w.signals.add(new Signal("default", "no verb, phrase or field that the rules recognise",
                    "Write (low confidence): an unknown tool is never assumed to be read-only"));
        }
        annotations(tool, w);
        documentation(tool.description(), w);
        poisoning.scan(tool, siblings, w.flags);
        boolean poisoned = !w.flags.isEmpty();
        if (poisoned) {
            w.score += rules.poisoning().score();
            w.signals.add(new Signal("description", "possible tool poisoning: " + w.flags.get(0).detail()
                    + (w.flags.size() > 1 ? " (and " + (w.flags.size() - 1) + " more)" : ""),
                    "+" + rules.poisoning().score() + " risk; level at least High"));
        }
        annotationFlags(tool, w);
        Optional<CallerCodeScan.Match> code = callerCode.scan(tool, tokens);
        Optional<Signal> codeSignal = Optional.empty();
        if (code.isPresent()) {
            CallerCodeScan.Match m = code.get();
            int before = score(w.category, w.score);
            if (m.exempt().isPresent()) {
                w.signals.add(new Signal(m.source(), m.detail() + ": it " + rules.callerCode().why(),
                        "none: it says it can only read (\"" + m.exempt().get() + "\"), so it is not blocked"));
            } else {
                int caller = rules.callerCode().score();
                Signal s = new Signal(m.source(), m.detail() + ": it " + rules.callerCode().why(),
                        (caller > before ? "+" + (caller - before) + " risk, to " : "") + caller + "/5 ("
                                + rules.levels().of(caller).label() + "); blocked by default, like a Destructive tool");
                w.signals.add(s);
                codeSignal = Optional.of(s);
            }
        }

        Category category = w.category;
        Confidence confidence = w.confidence;
        Optional<Curation> curation = tool.curation();
        if (curation.isPresent()) {
            Curation c = curation.get();
            w.signals.add(new Signal("curated", c.rationale(), c.category().label()
                    + (c.category() == category ? " (agrees with the rules)" : " (rules said " + category.label() + ")")));
            category = c.category();
            confidence = Confidence.CURATED;
        }
        int score = score(category, w.score);
        if (codeSignal.isPresent()) {
            score = Math.max(score, rules.callerCode().score());
        }
        Rules.Levels levels = rules.levels();
        RiskLevel floor = levels.floors().get(category);
        if (poisoned) {
            floor = floor.atLeast(levels.poisoning());
        }
        if (curation.isPresent()) {
            Optional<Integer> curatedScore = curation.get().riskScore();
            if (curatedScore.isPresent()) {
                score = curatedScore.get();
                if (codeSignal.isPresent() && score < rules.callerCode().score()) {
                    w.signals.add(new Signal("curated", "risk score " + score + " given by the curator",
                            "lifts the block on running the caller's code"));
                    codeSignal = Optional.empty();
                }
            }
            Optional<RiskLevel> curatedLevel = curation.get().riskLevel();
            if (curatedLevel.isPresent() && curatedLevel.get().compareTo(levels.of(score).atLeast(floor)) > 0) {
                floor = curatedLevel.get();
                score = Math.max(score, levels.lowestScoreOf(floor));
            }
        }
        int coherent = levels.coherentScore(floor);
        if (score < coherent) {
            w.signals.add(new Signal("level", "score " + score + " is below " + coherent + ", the lowest that a "
                    + floor.label() + " tool may show", "+" + (coherent - score) + " risk, so that no tool with a higher"
                    + " score shows a lower level"));
            score = coherent;
        }
        RiskLevel level = levels.of(score).atLeast(floor);
        return new Verdict(category, level, score, confidence, w.signals, w.flags, codeSignal);
    }

    /** Mutable state of one classification. */
    private static final class Work {
        Category category;
        Confidence confidence;
        int score;
        final List<Signal> signals = new ArrayList<>();
        final List<Flag> flags = new ArrayList<>();

        void raise(Category to, Signal signal) {
            if (category == null || to.compareTo(category) > 0) {
                category = to;
                if (confidence == null) {
                    confidence = Confidence.MEDIUM;
                }
                signals.add(signal);
            }
        }
    }

    /**
     * The first word (or pair of words joined by "_") of the name that is a known verb; the words of compound
     * nouns such as {@code pull_request} are skipped.
     */
    private Optional<String> nameVerb(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 1 < tokens.size()) {
                String pair = tokens.get(i) + "_" + tokens.get(i + 1);
                if (rules.compounds().contains(pair)) {
                    i++;
                    continue;
                }
                if (rules.verb(pair).isPresent()) {
                    return Optional.of(pair);
                }
            }
            if (rules.verb(tokens.get(i)).isPresent()) {
                return Optional.of(tokens.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * A weak verb ({@code monitor}, {@code log}, {@code place}) is as often a noun. A later verb of the name
     * wins ({@code firecrawl_monitor_create} creates); else the verb the description starts with
     * ({@code git_log}: "Shows the commit logs"); else the weak verb itself.
     */
    private Optional<String> weakVerb(String weak, List<String> tokens, List<String> described, Work w) {
        int at = tokens.indexOf(weak.contains("_") ? weak.substring(0, weak.indexOf('_')) : weak);
        Optional<String> later = nameVerb(tokens.subList(at + 1, tokens.size()));
        if (later.isPresent() && !rules.senses().weakVerbs().contains(later.get())) {
            w.category = rules.verb(later.get()).orElseThrow();
            w.confidence = Confidence.HIGH;
            w.signals.add(new Signal("name", "verb \"" + later.get() + "\" (\"" + weak + "\" before it is a noun here)",
                    w.category.label()));
            return later;
        }
        if (!described.isEmpty() && !described.get(0).equals(weak)) {
            String d = described.get(0);
            w.category = describedVerb(d);
            w.confidence = Confidence.MEDIUM;
            w.signals.add(new Signal("description", "\"" + weak + "\" in the name can be a noun; the description starts with \""
                    + d + "\"", w.category.label()));
            return Optional.of(d);
        }
        w.category = rules.verb(weak).orElseThrow();
        w.confidence = Confidence.HIGH;
        w.signals.add(new Signal("name", "verb \"" + weak + "\"", w.category.label()));
        return Optional.of(weak);
    }

    private static final java.util.regex.Pattern LEADING_TAG = java.util.regex.Pattern.compile("^\\[[^\\]]{0,40}\\]\\s*");
    private static final java.util.regex.Pattern DESCRIPTION_WORD = java.util.regex.Pattern.compile("[A-Za-z]+|,|&");

    /** The risk score of {@code category} with {@code points} added, within 1 and the rules' maximum. */
    private int score(Category category, int points) {
        return Math.min(rules.maxScore(), Math.max(1, rules.base(category) + points));
    }

    /**
     * The verbs a description starts with, as a coordinated list: "List and create keys" → [list, create];
     * "Create, run, and see load testing" → [create, run]. A leading tag in brackets ("[REMOTE] Get …") is skipped.
     */
    List<String> descriptionVerbs(String description) {
        String text = LEADING_TAG.matcher(description.strip()).replaceFirst("");
        var m = DESCRIPTION_WORD.matcher(text);
        List<String> out = new ArrayList<>();
        boolean expectVerb = true;
        int seen = 0;
        while (m.find() && seen++ < 12) {
            String word = m.group();
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if (!expectVerb && (lower.equals(",") || lower.equals("and") || lower.equals("or") || lower.equals("&")
                    || lower.equals("then"))) {
                expectVerb = true;
                continue;
            }
            if (lower.equals(",") || lower.equals("and") || lower.equals("or")) {
                continue;
            }
            Optional<String> verb = NameTokens.baseForms(word).stream()
                    .filter(f -> rules.verb(f).isPresent() || rules.senses().descriptionVerbs().containsKey(f)).findFirst();
            if (!expectVerb || verb.isEmpty()) {
                break;
            }
            out.add(verb.get());
            expectVerb = false;
        }
        return out;
    }

    /**
     * When the description starts with the name's verb and names more ("Download and import a model"), the
     * tool does all of them: the worst raises the category (up to Execute; a verb in such a list never makes a
     * tool Destructive on its own).
     */
    private void alsoDescribed(String verb, List<String> described, Work w) {
        if (described.size() < 2 || !described.contains(verb)) {
            return;
        }
        for (String d : described) {
            Category c = describedVerb(d);
            if (c == Category.DESTRUCTIVE) {
                // "Adds, removes, or replaces tags" edits a collection; a destroying tool says so in its name or
                // in a destructive phrase.
                continue;
            }
            w.raise(c, new Signal("description", "the description says it does \"" + String.join("\", \"", described)
                    + "\"; the worst is \"" + d + "\"", c.label()));
        }
    }

    /**
     * A verb as a description starts with it: a verb of {@code verbs}, or a word that is a verb only there
     * ({@code description_verbs}: "Returns the most recent log entries").
     */
    private Category describedVerb(String word) {
        return rules.verb(word).orElseGet(() -> rules.senses().descriptionVerbs().get(word));
    }

    /**
     * A name with no verb: its head noun may say what it does ({@code nx_docs} returns documentation); failing that,
     * the nearest earlier word that is such a noun ({@code maps_direction_walking} returns directions).
     */
    private void nounName(List<String> tokens, Work w) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String word = tokens.get(i);
            for (Rules.NounRule rule : rules.senses().nouns()) {
                if (rule.nouns().contains(word)) {
                    w.category = rule.category();
                    w.confidence = Confidence.MEDIUM;
                    w.signals.add(new Signal("name", "no verb in the name; " + (i == tokens.size() - 1 ? "its head noun \""
                            : "its noun \"") + word + "\": " + rule.why(), rule.category().label()));
                    return;
                }
            }
        }
    }

    /** Fields that together say what the tool does: an amount with a recipient moves money. */
    private void combos(Json.Obj props, Work w) {
        for (Rules.ComboRule rule : rules.senses().combos()) {
            if (w.category != null && !rule.from().contains(w.category)) {
                continue;
            }
            List<String> found = new ArrayList<>();
            for (Set<String> group : rule.allOf()) {
                props.members().keySet().stream().filter(name -> named(group, name)).findFirst().ifPresent(found::add);
            }
            if (found.size() == rule.allOf().size()) {
                w.raise(rule.category(), new Signal("schema", "fields \"" + String.join("\" and \"", found) + "\": " + rule.why(),
                        rule.category().label()));
            }
        }
    }

    /**
     * {@link NameTokens#named}, or the last two words as a phrase ({@code recipientEmail} is named by recipient_email).
     * A listed word of two letters names a property only whole: {@code to} is a recipient, {@code restrictTo} is not.
     */
    private static boolean named(Set<String> names, String property) {
        List<String> words = NameTokens.split(property);
        if (words.size() >= 2 && names.contains(words.get(words.size() - 2) + "_" + words.get(words.size() - 1))) {
            return true;
        }
        if (names.contains(property.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return !words.isEmpty() && words.get(words.size() - 1).length() > 2 && names.contains(words.get(words.size() - 1));
    }

    /** Phrases that lower a category the schema or a verb gave: "Run a read-only SQL query" reads. */
    private void caps(String description, Work w) {
        Prefilter.Text read = prefilter.text(description);
        for (Rules.CapRule rule : rules.senses().caps()) {
            if (w.category == null || !rule.from().contains(w.category)) {
                continue;
            }
            for (var pattern : rule.patterns()) {
                if (!prefilter.mayMatch(pattern, read)) {
                    continue;
                }
                var m = pattern.matcher(description);
                if (m.find()) {
                    w.category = rule.category();
                    w.signals.add(new Signal("description", "\"" + m.group().strip() + "\": " + rule.why(), rule.category().label()));
                    return;
                }
            }
        }
    }

    /** A verb acting on a listed noun refines the verb's category (it may make it stricter or milder). */
    private void objects(String verb, List<String> tokens, Work w) {
        Optional<ObjectMatch> match = objectRule(verb, tokens);
        if (match.isPresent()) {
            Rules.ObjectRule rule = match.get().rule();
            Signal signal = new Signal("name", "\"" + verb + "\" acting on \"" + match.get().noun() + "\": " + rule.why(),
                    rule.category().label());
            if (rule.category() != w.category) {
                w.category = rule.category();
                w.signals.add(signal);
            }
        }
    }

    record ObjectMatch(Rules.ObjectRule rule, String noun) {
    }

    /** The first object rule for {@code verb} whose noun the words after the verb name. */
    private Optional<ObjectMatch> objectRule(String verb, List<String> tokens) {
        int verbAt = tokens.indexOf(verb.contains("_") ? verb.substring(0, verb.indexOf('_')) : verb);
        List<String> rest = tokens.subList(Math.max(0, verbAt + 1), tokens.size());
        for (Rules.ObjectRule rule : rules.objects()) {
            if (!rule.verbs().contains(verb)) {
                continue;
            }
            Optional<String> noun = rule.anyWord() ? anyNoun(rest, rule.nouns()) : headNoun(tokens, verbAt, rule.nouns());
            if (noun.isPresent()) {
                return Optional.of(new ObjectMatch(rule, noun.get()));
            }
        }
        return Optional.empty();
    }

    /** The head noun: the name's last word, or its last two words as one, when they come after the verb. */
    private static Optional<String> headNoun(List<String> tokens, int verbAt, Set<String> nouns) {
        int n = tokens.size();
        if (n >= 2 && n - 2 > verbAt && nouns.contains(tokens.get(n - 2) + "_" + tokens.get(n - 1))) {
            return Optional.of(tokens.get(n - 2) + "_" + tokens.get(n - 1));
        }
        if (n >= 1 && n - 1 > verbAt && nouns.contains(tokens.get(n - 1))) {
            return Optional.of(tokens.get(n - 1));
        }
        if (verbAt == n - 1 && verbAt >= 1) {
            // Verb last (GitHub's "issue_write" style): the head noun is the word before it.
            String before = tokens.get(verbAt - 1);
            if (nouns.contains(before)) {
                return Optional.of(before);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> anyNoun(List<String> words, Set<String> nouns) {
        return words.stream().filter(nouns::contains).findFirst();
    }

    /**
     * A tool that takes an operation as an argument ({@code method: [get, update, delete]}) can do the worst of
     * them; the worst operation's verb raises the category.
     */
    private void actions(Json.Obj props, List<String> name, Work w) {
        for (Map.Entry<String, Json> p : props.members().entrySet()) {
            if (!rules.actionFields().contains(p.getKey().toLowerCase(java.util.Locale.ROOT))
                    || !(p.getValue() instanceof Json.Obj prop)
                    || !(prop.get("enum").orElse(null) instanceof Json.Arr values)) {
                continue;
            }
            if (prop.get("description").orElse(null) instanceof Json.Str d && rules.senses().actionFilters()
                    .map(f -> f.matcher(d.value()).find()).orElse(false)) {
                // "Return entities for the specified action": a filter of what a read returns, not an operation.
                continue;
            }
            Category worst = null;
            String worstValue = null;
            List<String> read = new ArrayList<>();
            for (Json v : values.items()) {
                if (!(v instanceof Json.Str str) || rules.senses().actionIgnore().contains(str.value())) {
                    continue;
                }
                Optional<String> verb = nameVerb(NameTokens.split(str.value()));
                Optional<Category> c = verb.flatMap(rules::verb);
                if (verb.isPresent()) {
                    // The operation acts on the tool's object: "remove" on ssh_alias removes an alias (Write).
                    List<String> words = new ArrayList<>(NameTokens.split(str.value()));
                    words.addAll(name);
                    Optional<ObjectMatch> object = objectRule(verb.get(), words);
                    if (object.isPresent() && c.isPresent() && object.get().rule().category() != c.get()) {
                        c = Optional.of(object.get().rule().category());
                        read.add("\"" + str.value() + "\" on \"" + object.get().noun() + "\" is " + c.get().label() + ": "
                                + object.get().rule().why());
                    }
                }
                if (c.isPresent() && (worst == null || c.get().compareTo(worst) > 0)) {
                    worst = c.get();
                    worstValue = str.value();
                }
            }
            if (worst != null) {
                w.raise(worst, new Signal("schema", "\"" + p.getKey() + "\" can be \"" + worstValue + "\""
                        + (read.isEmpty() ? "" : " (" + String.join("; ", read) + ")") + ": a tool that can do several things is as risky as the worst of them", worst.label()));
            }
        }
    }

    private void phrases(String description, Work w) {
        Prefilter.Text read = prefilter.text(description);
        for (Rules.PhraseRule rule : rules.phrases()) {
            if (w.category != null && !rule.from().isEmpty() && !rule.from().contains(w.category)) {
                continue;
            }
            for (var pattern : rule.patterns()) {
                if (!prefilter.mayMatch(pattern, read)) {
                    continue;
                }
                var m = pattern.matcher(description);
                if (m.find()) {
                    w.raise(rule.category(), new Signal("description", "\"" + m.group().strip() + "\": " + rule.why(),
                            rule.category().label()));
                    break;
                }
            }
        }
    }

    private void fields(Json.Obj props, Work w) {
        for (Rules.FieldRule rule : rules.fields()) {
            for (Map.Entry<String, Json> p : props.members().entrySet()) {
                if (!matches(rule, p.getKey(), p.getValue())) {
                    continue;
                }
                if (rule.category().isPresent()) {
                    w.raise(rule.category().get(), new Signal("schema", rule.detail() + " (\"" + p.getKey() + "\")",
                            rule.category().get().label()));
                }
                Category current = w.category == null ? Category.WRITE : w.category;
                if (rule.score() > 0 && (rule.onlyFor().isEmpty() || rule.onlyFor().contains(current))) {
                    w.score += rule.score();
                    w.signals.add(new Signal("schema", rule.detail() + " (\"" + p.getKey() + "\")", "+" + rule.score() + " risk"));
                }
                break;
            }
        }
    }

    private static boolean matches(Rules.FieldRule rule, String name, Json schema) {
        List<String> words = NameTokens.split(name);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (rule.except().contains(lower) || rule.except().contains(String.join("_", words))) {
            return false;
        }
        if (!NameTokens.named(name, rule.names())) {
            return false;
        }
        if (rule.types().isEmpty()) {
            return true;
        }
        Json type = schema instanceof Json.Obj o ? o.get("type").orElse(Json.NULL) : Json.NULL;
        if (type instanceof Json.Str s) {
            return rule.types().contains(s.value());
        }
        if (type instanceof Json.Arr a) {
            return a.items().stream().anyMatch(t -> t instanceof Json.Str s && rule.types().contains(s.value()));
        }
        return false;
    }

    private void serverContext(Optional<String> verb, Set<String> tags, Work w) {
        for (Rules.ServerRule rule : rules.serverRules()) {
            if (tags.contains(rule.tag()) && verb.isPresent() && rule.verbs().contains(verb.get())) {
                w.raise(rule.category(), new Signal("server", "tagged \"" + rule.tag() + "\": " + rule.why(),
                        rule.category().label()));
            }
        }
    }

    /** Declared hints are shown as declared; absent ones as the MCP defaults, which are the worst case. */
    private void annotations(Tool tool, Work w) {
        var a = tool.annotations();
        if (!a.readOnlyHint().isDeclared() && !a.destructiveHint().isDeclared() && !a.idempotentHint().isDeclared()
                && !a.openWorldHint().isDeclared()) {
            w.signals.add(new Signal("annotation", "no hints declared; MCP defaults assumed: not read-only, destructive,"
                    + " not idempotent, open world (default)", "none: defaults are not evidence either way"));
            return;
        }
        hint(w, "readOnlyHint", a.readOnlyHint(), false);
        hint(w, "destructiveHint", a.destructiveHint(), true);
        hint(w, "idempotentHint", a.idempotentHint(), false);
        hint(w, "openWorldHint", a.openWorldHint(), true);
        if (a.destructiveHint() == Hint.TRUE && w.category.compareTo(Category.DESTRUCTIVE) < 0) {
            w.score += 1;
            w.signals.add(new Signal("annotation", "destructiveHint: true (declared)", "+1 risk: the server says it may destroy data"));
        }
    }

    private static void hint(Work w, String name, Hint hint, boolean defaultValue) {
        if (hint.isDeclared()) {
            w.signals.add(new Signal("annotation", name + ": " + hint.orDefault(defaultValue) + " (declared)", "none"));
        } else {
            w.signals.add(new Signal("annotation", name + ": " + defaultValue + " (default)", "none"));
        }
    }

    /** Hints that contradict what name and schema show are a finding of their own. */
    private void annotationFlags(Tool tool, Work w) {
        var a = tool.annotations();
        String contradiction = null;
        if (a.readOnlyHint() == Hint.TRUE && w.category != Category.READ) {
            contradiction = "declares readOnlyHint: true, but the rules classify it as " + w.category.label();
        } else if (a.destructiveHint() == Hint.FALSE && w.category == Category.DESTRUCTIVE) {
            contradiction = "declares destructiveHint: false, but the rules classify it as Destructive";
        }
        if (contradiction != null) {
            w.flags.add(new Flag("annotation-contradiction", contradiction));
            w.score += 1;
            w.signals.add(new Signal("annotation", contradiction, "+1 risk; the declared hint is not trusted to lower it"));
        }
    }

    private void documentation(String description, Work w) {
        int length = description.strip().length();
        if (length < rules.minDescription()) {
            w.score += rules.thinDocsScore();
            w.signals.add(new Signal("description", length == 0 ? "no description"
                    : "thin description (" + length + " characters)", "+" + rules.thinDocsScore() + " risk"));
        }
    }
}
