package org.mcpcatalogue.classify;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Reads and checks the classification rules. The rules are part of the product, so a mistake in them is an
 * error with its {@code file:line:col}: unknown keys, wrong types, a verb listed under two categories, a
 * pattern that RE2 (linear-time matching) does not accept.
 */
public final class RulesLoader {

    /** Where the rules live in the repository, and (copied by the build) inside the jar. */
    public static final String REPOSITORY_PATH = "catalogue/rules/classification.yaml";
    private static final String RESOURCE = "/org/mcpcatalogue/classify/classification.yaml";

    private final String file;

    private RulesLoader(String file) {
        this.file = file;
    }

    /** The rules bundled into the jar at build time. */
    public static Rules bundled() {
        try (InputStream in = RulesLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classification rules missing from the jar: " + RESOURCE);
            }
            return parse(REPOSITORY_PATH, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rules of a catalogue when it has its own {@code rules/classification.yaml}, else the bundled ones: a
     * build of a checkout uses the rules as edited, a build of any other catalogue the rules of the release.
     */
    public static Rules bundledOr(Path path) {
        return Files.isRegularFile(path) ? load(path) : bundled();
    }

    public static Rules load(Path path) {
        try {
            return parse(path.toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new RulesException(Location.ofFile(path.toString()), "cannot read the rules: " + e.getMessage());
        }
    }

    public static Rules parse(String file, byte[] bytes) {
        SafeYaml.Result r = new SafeYaml().read(file, bytes);
        if (r.hasErrors()) {
            var d = r.diagnostics().stream().filter(x -> x.isError()).findFirst().orElseThrow();
            throw new RulesException(d.location(), d.message());
        }
        YamlNode root = r.root().orElseThrow(() -> new RulesException(new Location(file, 1, 1), "the rules file is empty"));
        return new RulesLoader(file).rules(map(root, "the rules", file));
    }

    private Rules rules(Node root) {
        root.only("version", "scores", "verbs", "compounds", "actions", "objects", "phrases", "fields", "documentation", "server",
                "poisoning", "flows", "levels", "caller_code",
                "weak_verbs", "nouns", "caps", "combos");
        if (!(root.scalar("version") instanceof Json.Num n) || n.value().intValue() != 1) {
            throw root.error("version", "version must be 1");
        }
        Node scores = root.map("scores");
        scores.only("base", "max");
        Node base = scores.map("base");
        Map<Category, Integer> baseScores = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            baseScores.put(c, base.integer(c.label(), 1, 5));
        }
        int max = scores.integer("max", 1, 5);

        Node verbsNode = root.map("verbs");
        Map<String, Category> verbs = new LinkedHashMap<>();
        for (YamlNode.Entry e : verbsNode.mapping.entries()) {
            Category c = category(e.key(), verbsNode.at(e.value()));
            for (String word : strings(e.value(), e.key())) {
                Category before = verbs.putIfAbsent(word, c);
                if (before != null) {
                    throw new RulesException(verbsNode.at(e.value()), "verb \"" + word + "\" is listed under both "
                            + before.label() + " and " + c.label());
                }
            }
        }

        Set<String> compounds = root.set("compounds");
        Node actions = root.map("actions");
        actions.only("fields", "ignore");
        Set<String> actionIgnore = actions.has("ignore") ? actions.set("ignore") : Set.of();
        Set<String> weakVerbs = root.has("weak_verbs") ? root.set("weak_verbs") : Set.of();
        for (String w : weakVerbs) {
            if (!verbs.containsKey(w)) {
                throw root.error("weak_verbs", "weak verb \"" + w + "\" is not listed under verbs");
            }
        }
        List<Rules.NounRule> nounRules = new ArrayList<>();
        if (root.has("nouns")) {
            for (Node o : root.list("nouns")) {
                o.only("category", "why", "nouns");
                nounRules.add(new Rules.NounRule(o.category("category"), o.string("why"), o.set("nouns")));
            }
        }
        List<Rules.ComboRule> combos = new ArrayList<>();
        if (root.has("combos")) {
            for (Node c : root.list("combos")) {
                c.only("category", "why", "from", "all_of");
                Set<Category> from = new LinkedHashSet<>();
                for (String label : strings(c.node("from"), "from")) {
                    from.add(category(label, c.at(c.node("from"))));
                }
                if (!(c.node("all_of") instanceof YamlNode.Sequence groups) || groups.items().size() < 2) {
                    throw c.error("all_of", "all_of must be a list of at least two lists of field names");
                }
                List<Set<String>> allOf = new ArrayList<>();
                for (YamlNode g : groups.items()) {
                    allOf.add(new LinkedHashSet<>(strings(g, "all_of")));
                }
                combos.add(new Rules.ComboRule(c.category("category"), c.string("why"), from, allOf));
            }
        }
        List<Rules.CapRule> caps = new ArrayList<>();
        if (root.has("caps")) {
            for (Node c : root.list("caps")) {
                c.only("from", "category", "why", "patterns");
                Set<Category> from = new LinkedHashSet<>();
                for (String label : strings(c.node("from"), "from")) {
                    from.add(category(label, c.at(c.node("from"))));
                }
                caps.add(new Rules.CapRule(from, c.category("category"), c.string("why"), patterns(c)));
            }
        }
        List<Rules.ObjectRule> objects = new ArrayList<>();
        for (Node o : root.list("objects")) {
            o.only("category", "why", "verbs", "nouns", "match");
            String match = o.has("match") ? o.string("match") : "head";
            if (!match.equals("head") && !match.equals("any")) {
                throw o.error("match", "match must be \"head\" or \"any\"");
            }
            objects.add(new Rules.ObjectRule(o.category("category"), o.string("why"), o.set("verbs"), o.set("nouns"),
                    match.equals("any")));
        }
        List<Rules.PhraseRule> phrases = new ArrayList<>();
        for (Node p : root.list("phrases")) {
            p.only("category", "why", "from", "patterns");
            Set<Category> from = new LinkedHashSet<>();
            if (p.has("from")) {
                for (String label : strings(p.node("from"), "from")) {
                    from.add(category(label, p.at(p.node("from"))));
                }
            }
            phrases.add(new Rules.PhraseRule(p.category("category"), p.string("why"), from, patterns(p)));
        }
        List<Rules.FieldRule> fields = new ArrayList<>();
        for (Node f : root.list("fields")) {
            f.only("signal", "detail", "names", "types", "category", "only_for", "score", "except");
            Set<Category> onlyFor = new LinkedHashSet<>();
            if (f.has("only_for")) {
                for (String c : strings(f.node("only_for"), "only_for")) {
                    onlyFor.add(category(c, f.at(f.node("only_for"))));
                }
            }
            fields.add(new Rules.FieldRule(f.string("signal"), f.string("detail"), f.set("names"),
                    f.has("types") ? f.set("types") : Set.of(),
                    f.has("category") ? Optional.of(f.category("category")) : Optional.empty(),
                    onlyFor, f.integer("score", 0, 4), f.has("except") ? f.set("except") : Set.of()));
        }
        Node docs = root.map("documentation");
        docs.only("min_description", "score");
        List<Rules.ServerRule> serverRules = new ArrayList<>();
        for (Node s : root.list("server")) {
            s.only("tag", "verbs", "category", "why");
            serverRules.add(new Rules.ServerRule(s.string("tag"), s.set("verbs"), s.category("category"), s.string("why")));
        }
        Node poison = root.map("poisoning");
        poison.only("level", "score", "max_description", "patterns", "cues", "exemptions");
        List<Rules.PoisonPattern> poisonPatterns = new ArrayList<>();
        for (Node p : poison.list("patterns")) {
            p.only("why", "pattern", "in", "negatable", "unless");
            String in = p.has("in") ? p.string("in") : "all";
            if (!Rules.PoisonPattern.SCOPES.contains(in)) {
                throw p.error("in", "in must be one of " + String.join(", ", Rules.PoisonPattern.SCOPES) + ", is " + in);
            }
            boolean negatable = false;
            if (p.has("negatable")) {
                if (!(p.scalar("negatable") instanceof Json.Bool b)) {
                    throw p.error("negatable", "negatable must be true or false");
                }
                negatable = b.value();
            }
            java.util.Optional<Pattern> unless = p.has("unless")
                    ? java.util.Optional.of(pattern(p.string("unless"), p.at(p.node("unless")))) : java.util.Optional.empty();
            poisonPatterns.add(new Rules.PoisonPattern(p.string("why"), pattern(p.string("pattern"), p.at(p.node("pattern"))), in, negatable, unless));
        }
        Node flows = root.map("flows");
        flows.only("untrusted", "private", "outbound");
        Node untrusted = flows.map("untrusted");
        untrusted.only("nouns", "verbs");
        Node priv = flows.map("private");
        priv.only("nouns");
        Node outbound = flows.map("outbound");
        outbound.only("verbs");
        Rules.Levels levels = levels(root.map("levels"), poison, max);
        Rules.CallerCode callerCode = callerCode(root.map("caller_code"), max);
        return new Rules(baseScores, max, verbs, compounds, actions.set("fields"), objects, phrases, fields, docs.integer("min_description", 0, 1000),
                docs.integer("score", 0, 4), serverRules,
                new Rules.Poisoning(poison.integer("score", 0, 4), poison.integer("max_description", 100, 1_000_000), poisonPatterns,
                        cues(poison.map("cues")), exemptions(poison.map("exemptions"), poison.map("cues"))),
                new Rules.Flows(untrusted.set("nouns"), untrusted.set("verbs"), priv.set("nouns"), outbound.set("verbs")),
                levels, callerCode,
                new Rules.Senses(weakVerbs, nounRules, caps, actionIgnore, combos));
    }

    /**
     * {@code levels}: a level for every score from 1 to {@code scores.max}, never going down, and a floor for every
     * category; {@code poisoning.level} is the floor of a tool with a poisoning finding.
     */
    private Rules.Levels levels(Node node, Node poison, int max) {
        node.only("by_score", "floors");
        YamlNode seq = node.node("by_score");
        List<String> labels = strings(seq, "levels.by_score");
        if (labels.size() != max) {
            throw new RulesException(loc(seq), "levels.by_score has " + labels.size() + " levels; it needs one for every"
                    + " score from 1 to scores.max (" + max + ")");
        }
        List<RiskLevel> levels = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Location at = loc(((YamlNode.Sequence) seq).items().get(i));
            String label = labels.get(i);
            RiskLevel level = RiskLevel.fromLabel(label).orElseThrow(() -> new RulesException(at, "unknown risk level \""
                    + label + "\" (Low, Medium, High, Critical)"));
            if (!levels.isEmpty() && level.compareTo(levels.get(i - 1)) < 0) {
                throw new RulesException(at, "levels.by_score gives score " + (i + 1) + " the level " + level.label()
                        + ", lower than score " + i + "'s " + levels.get(i - 1).label()
                        + ": a higher score may never show a lower level");
            }
            levels.add(level);
        }
        Node floorsNode = node.map("floors");
        floorsNode.only(java.util.Arrays.stream(Category.values()).map(Category::label).toArray(String[]::new));
        Map<Category, RiskLevel> floors = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            floors.put(c, floorsNode.level(c.label()));
        }
        return new Rules.Levels(levels, floors, poison.level("level"));
    }

    /** {@code poisoning.exemptions}: what the scan deliberately leaves quiet; every cue named must exist. */
    private Rules.Exemptions exemptions(Node node, Node cues) {
        node.only("negation", "breaks", "flag_words", "routing", "unless_cues");
        Set<String> known = new java.util.HashSet<>();
        for (Node k : cues.list("kinds")) {
            known.add(k.string("name"));
        }
        List<String> unless = new ArrayList<>(node.set("unless_cues"));
        for (String u : unless) {
            if (!known.contains(u)) {
                throw node.error("unless_cues", "unless_cues names \"" + u + "\", which is not a cue under poisoning.cues.kinds");
            }
        }
        return new Rules.Exemptions(pattern(node.string("negation"), node.at(node.node("negation"))),
                pattern(node.string("breaks"), node.at(node.node("breaks"))), node.integer("flag_words", 0, 20),
                pattern(node.string("routing"), node.at(node.node("routing"))), List.copyOf(unless));
    }

    /** {@code poisoning.cues}: thresholds and the weighted cues of the poisoning scan's cue model. */
    private Rules.Cues cues(Node node) {
        node.only("threshold", "identifier_threshold", "long_sentence_words", "sentence_words", "sentence_weight", "kinds");
        List<Rules.Cue> cues = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Node k : node.list("kinds")) {
            k.only("name", "weight", "words", "patterns");
            if (!k.has("words") && !k.has("patterns")) {
                throw new RulesException(k.at(k.mapping), "cue \"" + k.string("name") + "\" needs words, patterns or both");
            }
            String name = k.string("name");
            if (!names.add(name)) {
                throw k.error("name", "cue \"" + name + "\" is listed twice");
            }
            int weight = k.integer("weight", -10, 10);
            if (weight == 0) {
                throw k.error("weight", "weight must not be 0 (leave the cue out instead)");
            }
            Set<String> words = new LinkedHashSet<>();
            if (k.has("words")) {
                for (String w : k.set("words")) {
                    List<String> tokens = CueModel.tokens(w);
                    if (tokens.isEmpty() || tokens.size() > CueModel.LONGEST_PHRASE) {
                        throw new RulesException(k.at(k.node("words")), "cue \"" + name + "\": \"" + w + "\" must be 1 to "
                                + CueModel.LONGEST_PHRASE + " words");
                    }
                    words.add(String.join(" ", tokens));
                }
            }
            List<Pattern> all = k.has("patterns") ? patterns(k) : List.of();
            cues.add(new Rules.Cue(name, weight, words, all.stream().filter(p -> !Rules.otherScriptsOnly(p.pattern())).toList(),
                    all.stream().filter(p -> Rules.otherScriptsOnly(p.pattern())).toList()));
        }
        return new Rules.Cues(node.integer("threshold", 1, 100), node.integer("identifier_threshold", 1, 100), node.integer("long_sentence_words", 5, 1000),
                node.integer("sentence_words", 2, 100), node.integer("sentence_weight", 0, 10), cues);
    }

    private Rules.CallerCode callerCode(Node node, int max) {
        node.only("score", "why", "fields", "executed", "generic_fields", "language", "verbs", "nouns", "phrases", "unless");
        List<Pattern> phrases = patterns(node, "phrases");
        return new Rules.CallerCode(node.integer("score", 1, max), node.string("why"), node.set("fields"),
                pattern(node.string("executed"), node.at(node.node("executed"))), node.set("generic_fields"),
                pattern(node.string("language"), node.at(node.node("language"))), node.set("verbs"), node.set("nouns"),
                phrases, pattern(node.string("unless"), node.at(node.node("unless"))));
    }

    private List<Pattern> patterns(Node p) {
        return patterns(p, "patterns");
    }

    /** The list {@code key} of {@code p}: RE2 patterns, each reported at its own item when it does not compile. */
    private List<Pattern> patterns(Node p, String key) {
        List<Pattern> patterns = new ArrayList<>();
        YamlNode seq = p.node(key);
        List<String> texts = strings(seq, key);
        for (int i = 0; i < texts.size(); i++) {
            patterns.add(pattern(texts.get(i), loc(((YamlNode.Sequence) seq).items().get(i))));
        }
        return patterns;
    }

    private static Pattern pattern(String regex, Location at) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new RulesException(at, "invalid pattern " + regex + ": " + e.getDescription());
        }
    }

    private Category category(String label, Location at) {
        return Category.fromLabel(label).orElseThrow(() ->
                new RulesException(at, "unknown category \"" + label + "\" (Read, Write, Execute, Destructive, Financial)"));
    }

    private List<String> strings(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Sequence seq)) {
            throw new RulesException(loc(node), what + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Scalar s) || !(s.value() instanceof Json.Str str)) {
                throw new RulesException(loc(item), "items of " + what + " must be strings");
            }
            out.add(str.value());
        }
        return out;
    }

    private Location loc(YamlNode node) {
        return new Location(file, node.position().line(), node.position().column());
    }

    private static Node map(YamlNode node, String what, String file) {
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new RulesException(new Location(file, node.position().line(), node.position().column()), what + " must be a mapping");
        }
        return new RulesLoader(file).new Node(m, what);
    }

    /** A mapping of the rules file with typed, position-aware getters. */
    private final class Node {
        final YamlNode.Mapping mapping;
        final String what;

        Node(YamlNode.Mapping mapping, String what) {
            this.mapping = mapping;
            this.what = what;
        }

        Location at(YamlNode node) {
            return loc(node);
        }

        RulesException error(String key, String message) {
            return new RulesException(mapping.entry(key).map(e -> loc(e.value())).orElse(loc(mapping)), message);
        }

        void only(String... keys) {
            Set<String> allowed = Set.of(keys);
            for (YamlNode.Entry e : mapping.entries()) {
                if (!allowed.contains(e.key())) {
                    throw new RulesException(new Location(file, e.keyPosition().line(), e.keyPosition().column()),
                            "unknown key \"" + e.key() + "\" in " + what + " (allowed: " + String.join(", ", keys) + ")");
                }
            }
        }

        boolean has(String key) {
            return mapping.get(key).isPresent();
        }

        YamlNode node(String key) {
            return mapping.get(key).orElseThrow(() -> new RulesException(loc(mapping), "missing \"" + key + "\" in " + what));
        }

        Json scalar(String key) {
            YamlNode n = node(key);
            if (!(n instanceof YamlNode.Scalar s)) {
                throw new RulesException(loc(n), key + " must be a single value");
            }
            return s.value();
        }

        String string(String key) {
            if (!(scalar(key) instanceof Json.Str s)) {
                throw error(key, key + " must be a string");
            }
            return s.value();
        }

        int integer(String key, int min, int max) {
            if (!(scalar(key) instanceof Json.Num n) || !n.isIntegral() || n.value().intValue() < min || n.value().intValue() > max) {
                throw error(key, key + " must be a whole number from " + min + " to " + max);
            }
            return n.value().intValue();
        }

        RiskLevel level(String key) {
            String label = string(key);
            return RiskLevel.fromLabel(label).orElseThrow(() -> error(key, "unknown risk level \"" + label
                    + "\" (Low, Medium, High, Critical)"));
        }

        Category category(String key) {
            return RulesLoader.this.category(string(key), loc(node(key)));
        }

        Set<String> set(String key) {
            return new LinkedHashSet<>(strings(node(key), key));
        }

        Node map(String key) {
            return RulesLoader.map(node(key), key, file);
        }

        List<Node> list(String key) {
            YamlNode n = node(key);
            if (!(n instanceof YamlNode.Sequence seq)) {
                throw new RulesException(loc(n), key + " must be a list");
            }
            List<Node> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                out.add(RulesLoader.map(item, "an item of " + key, file));
            }
            return out;
        }
    }
}
