package org.mcpcatalogue.policy.load;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.golang.GoText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.GoValues;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.ToolRules;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Reads a policy file as Intercept does, with Go's yaml.v3 {@code Unmarshal} into its structs, keeping positions.
 *
 * <p>As yaml.v3: only the first document counts; anchors, aliases and merge keys ({@code <<}) load, with alias
 * expansion bounded by yaml.v3's own rule ("document contains excessive aliasing"); a null item of a list of rules,
 * conditions or hide entries is dropped (so later items move up one index) and a tool whose value is null is not
 * listed; {@code .inf} and {@code .nan} are floats; an unquoted date is a {@code time.Time}; integers from 2^63 are
 * unsigned; scalars resolve as yaml.v3 resolves them ({@code 017} is octal). A value of the wrong YAML kind (a
 * mapping under {@code rate_limit}) or a duplicate key makes yaml.v3, and so Intercept, refuse the file: an error
 * with {@code file:line:col}, and no policy. Keys Intercept does not know are warnings, as are scalars that yaml.v3
 * reads differently from YAML 1.2.
 *
 * <p>This reader's own safety limits, which yaml.v3 does not have: the file size and nesting depth of
 * {@link SafeYaml.Limits}, at most {@link #MAX_EXPANDED_DEPTH} levels once aliases are expanded, and at most
 * {@link #MAX_DECODES} decoded nodes (alias expansion included).
 */
public final class PolicyLoader {

    /** The most nodes one file may decode to, aliases expanded: a safety limit of this reader. */
    public static final int MAX_DECODES = 1_000_000;
    /** The deepest nesting once aliases are expanded: a safety limit of this reader. */
    public static final int MAX_EXPANDED_DEPTH = 500;

    private static final Set<String> POLICY_KEYS = Set.of("version", "description", "default", "hide", "tools");
    private static final Set<String> TOOL_KEYS = Set.of("rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "action", "rate_limit", "conditions", "on_deny", "state");
    private static final Set<String> CONDITION_KEYS = Set.of("path", "op", "value");
    private static final Set<String> STATE_KEYS = Set.of("counter", "window", "increment", "increment_from");
    private static final int GENERIC_VIEW_BUDGET = 100_000;

    private final SafeYaml.Limits limits;
    /** The size limit and, for bytes that are not UTF-8, the position of the first bad byte. */
    private final SafeYaml safe;

    public PolicyLoader() {
        this(SafeYaml.Limits.DEFAULT);
    }

    public PolicyLoader(SafeYaml.Limits limits) {
        this.limits = limits;
        this.safe = new SafeYaml(limits);
    }

    /** Reads a file's bytes; {@code file} names it in diagnostics. */
    public LoadResult load(String file, byte[] bytes) {
        Optional<Diagnostic> tooLarge = safe.checkSize(file, bytes.length);
        if (tooLarge.isPresent()) {
            return new LoadResult(file, Optional.empty(), Optional.empty(), List.of(tooLarge.get()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // The safe reader says where the first bad byte is.
            return new LoadResult(file, Optional.empty(), Optional.empty(), safe.read(file, bytes).diagnostics());
        }
        // Its size is checked: the text is no longer than the bytes.
        return parse(file, withoutBom(text));
    }

    /** Reads text that is already decoded. */
    public LoadResult load(String file, String text) {
        text = withoutBom(text);
        Optional<Diagnostic> tooLarge = safe.checkSize(file, text.getBytes(StandardCharsets.UTF_8).length);
        if (tooLarge.isPresent()) {
            return new LoadResult(file, Optional.empty(), Optional.empty(), List.of(tooLarge.get()));
        }
        return parse(file, text);
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Parses and decodes text whose size was checked and whose byte order mark is gone. */
    private LoadResult parse(String file, String text) {
        V3Reader.Result read = new V3Reader(file, text, limits.maxDepth()).read();
        if (read.error().isPresent()) {
            return new LoadResult(file, Optional.empty(), Optional.empty(), List.of(read.error().get()));
        }
        Decoder d = new Decoder(file);
        Policy policy;
        Optional<YamlNode> root;
        try {
            D<Policy> decoded = d.policy(read.root());
            policy = decoded.value();
            root = Optional.ofNullable(decoded.view());
        } catch (Fatal f) {
            d.diagnostics.add(f.diagnostic);
            policy = null;
            root = Optional.empty();
        }
        List<Diagnostic> all = d.diagnostics.sorted();
        boolean failed = policy == null || all.stream().anyMatch(Diagnostic::isError);
        return new LoadResult(file, failed ? Optional.empty() : Optional.of(policy), root, all);
    }

    /** A decoded value, whether yaml.v3 would set it ({@code good}), and the nodes it came from, for positions. */
    private record D<T>(T value, boolean good, YamlNode view) {
    }

    /** An error that stops yaml.v3 at once (its {@code failf}). */
    private static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;

        Fatal(Diagnostic diagnostic) {
            super(null, null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    /** Decodes the node tree into the model as yaml.v3 decodes into Intercept's structs. */
    private static final class Decoder {
        final String file;
        final Diagnostics diagnostics = new Diagnostics();
        int decodeCount;
        int aliasCount;
        int aliasDepth;
        int depth;
        int genericBudget = GENERIC_VIEW_BUDGET;
        final Set<V3Node.Alias> expanding = Collections.newSetFromMap(new IdentityHashMap<>());

        Decoder(String file) {
            this.file = file;
        }

        Location at(YamlNode.Position p) {
            return new Location(file, p.line(), p.column());
        }

        /** yaml.v3's {@code allowedAliasRatio}. */
        static double allowedAliasRatio(int decodes) {
            if (decodes <= 400_000) {
                return 0.99;
            } else if (decodes >= 4_000_000) {
                return 0.10;
            }
            return 0.99 - 0.89 * ((decodes - 400_000) / 3_600_000.0);
        }

        /**
         * yaml.v3's bookkeeping at each {@code unmarshal}: counts the node, refuses a decode that is mostly alias
         * expansion, and follows aliases (refusing one inside its own anchor). Returns the node to decode.
         */
        <T> D<T> visit(V3Node n, java.util.function.Function<V3Node, D<T>> decode) {
            decodeCount++;
            if (aliasDepth > 0) {
                aliasCount++;
            }
            if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
                throw new Fatal(Diagnostic.error(at(n.position()), "yaml: document contains excessive aliasing; "
                        + "Intercept cannot load this file"));
            }
            if (decodeCount > MAX_DECODES) {
                throw new Fatal(Diagnostic.error(at(n.position()), "the document decodes to more than " + MAX_DECODES
                        + " nodes (a safety limit of this checker)"));
            }
            if (depth >= MAX_EXPANDED_DEPTH) {
                throw new Fatal(Diagnostic.error(at(n.position()), "nesting is deeper than " + MAX_EXPANDED_DEPTH
                        + " levels once aliases are expanded (a safety limit of this checker)"));
            }
            if (n instanceof V3Node.Alias a) {
                if (!expanding.add(a)) {
                    throw new Fatal(Diagnostic.error(at(a.position()), "yaml: anchor '" + a.name()
                            + "' value contains itself; Intercept cannot load this file"));
                }
                aliasDepth++;
                try {
                    return visit(a.target(), decode);
                } finally {
                    aliasDepth--;
                    expanding.remove(a);
                }
            }
            depth++;
            try {
                return decode.apply(n);
            } finally {
                depth--;
            }
        }

        void typeError(V3Node node, String where, String expected) {
            diagnostics.error(at(node.position()), where + ": expected " + expected + ", found " + describe(node)
                    + "; Intercept cannot load this file");
        }

        String describe(V3Node node) {
            if (node instanceof V3Node.Mapping) {
                return "a mapping";
            } else if (node instanceof V3Node.Sequence) {
                return "a list";
            } else if (node instanceof V3Node.Alias a) {
                return a.target() == null ? "an alias" : describe(a.target());
            }
            try {
                return switch (YamlV3Scalars.resolve((V3Node.Scalar) node).kind()) {
                    case NULL -> "null";
                    case BOOL -> "a boolean";
                    case INT, FLOAT, NONFINITE -> "a number";
                    default -> "a string";
                };
            } catch (YamlV3Scalars.TagMismatch e) {
                return "a string";
            }
        }

        /** The scalar resolved, or a type error (and null) for an explicit tag that does not fit. */
        YamlV3Scalars.Resolved resolve(V3Node.Scalar s, String where) {
            try {
                return YamlV3Scalars.resolve(s);
            } catch (YamlV3Scalars.TagMismatch e) {
                diagnostics.error(at(s.position()), where + ": yaml: " + e.getMessage() + "; Intercept cannot load this file");
                return null;
            }
        }

        static boolean isMergeKey(V3Node key) {
            return key instanceof V3Node.Scalar s && s.plain() && s.value().equals("<<")
                    && (s.tag().isEmpty() || s.tag().equals("tag:yaml.org,2002:merge"));
        }

        // ---- views: the document as decoded, for positions and dialect hints ----

        static YamlNode.Scalar scalarView(V3Node.Scalar s) {
            Json v = s.tag().isEmpty() && s.plain() ? YamlV3Scalars.core(s.value()) : new Json.Str(s.value());
            return new YamlNode.Scalar(s.position(), v);
        }

        /** A node as written, aliases expanded within a budget (past it, or inside itself, an alias shows as null). */
        YamlNode generic(V3Node n, Set<V3Node.Alias> open) {
            if (n instanceof V3Node.Alias a) {
                if (genericBudget <= 0 || a.target() == null || open.contains(a) || open.size() >= MAX_EXPANDED_DEPTH) {
                    return new YamlNode.Scalar(a.position(), Json.NULL);
                }
                open.add(a);
                try {
                    return generic(a.target(), open);
                } finally {
                    open.remove(a);
                }
            }
            genericBudget--;
            if (n instanceof V3Node.Scalar s) {
                return scalarView(s);
            } else if (n instanceof V3Node.Sequence s) {
                List<YamlNode> items = new ArrayList<>();
                for (V3Node item : s.items()) {
                    items.add(generic(item, open));
                }
                return new YamlNode.Sequence(s.position(), items);
            }
            V3Node.Mapping m = (V3Node.Mapping) n;
            List<YamlNode.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < m.keys().size(); i++) {
                if (m.keys().get(i) instanceof V3Node.Scalar k && seen.add(k.value())) {
                    entries.add(new YamlNode.Entry(k.value(), k.position(), generic(m.values().get(i), open)));
                }
            }
            return new YamlNode.Mapping(m.position(), entries);
        }

        YamlNode generic(V3Node n) {
            return generic(n, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        // ---- Go kinds ----

        /** A Go {@code string}: a scalar's text; null leaves it unset. */
        D<String> string(V3Node node, String where) {
            return visit(node, n -> {
                if (!(n instanceof V3Node.Scalar s)) {
                    typeError(n, where, "a string");
                    return new D<>("", false, generic(n));
                }
                YamlV3Scalars.Resolved r = resolve(s, where);
                if (r == null || r.kind() == YamlV3Scalars.Kind.NULL) {
                    return new D<>("", false, scalarView(s));
                }
                String text = s.tag().endsWith(":binary") ? ((Json.Str) r.value()).value() : s.value();
                return new D<>(text, true, scalarView(s));
            });
        }

        /** A Go {@code int} (the counter's increment). */
        D<Long> integer(V3Node node, String where) {
            return visit(node, n -> {
                if (!(n instanceof V3Node.Scalar s)) {
                    typeError(n, where, "an integer");
                    return new D<>(0L, false, generic(n));
                }
                YamlV3Scalars.Resolved r = resolve(s, where);
                if (r == null || r.kind() == YamlV3Scalars.Kind.NULL) {
                    return new D<>(0L, false, scalarView(s));
                }
                switch (r.kind()) {
                    case INT: {
                        BigInteger v = ((Json.Num) r.value()).value().toBigIntegerExact();
                        if (v.bitLength() < 64) {
                            return new D<>(v.longValue(), true, scalarView(s));
                        }
                        break;
                    }
                    case FLOAT:
                    case NONFINITE: {
                        // yaml.v3: resolved <= math.MaxInt64, then int64(resolved), as amd64 converts.
                        double f = GoValues.toFloat64(r.value()).orElseThrow();
                        if (f <= 0x1p63) {
                            long v = GoValues.int64(f);
                            diagnostics.warning(at(s.position()), where + ": Intercept truncates "
                                    + GoText.sprint(r.value(), true) + " to " + v);
                            return new D<>(v, true, scalarView(s));
                        }
                        break;
                    }
                    default:
                        break;
                }
                typeError(s, where, "an integer");
                return new D<>(0L, false, scalarView(s));
            });
        }

        /** A Go {@code interface{}}: a condition's value. */
        D<Json> value(V3Node node, String where) {
            return visit(node, n -> {
                if (n instanceof V3Node.Scalar s) {
                    YamlV3Scalars.Resolved r = resolve(s, where);
                    if (r == null) {
                        return new D<>(Json.NULL, false, scalarView(s));
                    }
                    if (s.tag().isEmpty() && s.plain()) {
                        warnIfReadDifferently(s, r, where);
                    }
                    return new D<>(r.value(), true, scalarView(s));
                } else if (n instanceof V3Node.Sequence seq) {
                    List<Json> items = new ArrayList<>();
                    List<YamlNode> views = new ArrayList<>();
                    for (int i = 0; i < seq.items().size(); i++) {
                        D<Json> item = value(seq.items().get(i), where + "[" + i + "]");
                        items.add(item.value());
                        views.add(item.view());
                    }
                    return new D<>(new Json.Arr(items), true, new YamlNode.Sequence(seq.position(), views));
                }
                V3Node.Mapping m = (V3Node.Mapping) n;
                Map<String, Json> members = new LinkedHashMap<>();
                List<YamlNode.Entry> entries = new ArrayList<>();
                for (Map.Entry<V3Node.Scalar, V3Node> e : entries(m, where).entrySet()) {
                    String key = e.getKey().value();
                    D<Json> v = value(e.getValue(), where + "." + key);
                    members.put(key, v.value());
                    entries.add(new YamlNode.Entry(key, e.getKey().position(), v.view()));
                }
                return new D<>(new Json.Obj(members), true, new YamlNode.Mapping(m.position(), entries));
            });
        }

        void warnIfReadDifferently(V3Node.Scalar s, YamlV3Scalars.Resolved r, String where) {
            Json core = YamlV3Scalars.core(s.value());
            if (r.kind() == YamlV3Scalars.Kind.TIMESTAMP) {
                diagnostics.warning(at(s.position()), where + ": Intercept reads the unquoted " + s.value()
                        + " as a timestamp (" + GoValues.text(r.value()).orElseThrow()
                        + "), which never equals a text argument; quote it to compare text");
            } else if (!sameValue(core, r.value())) {
                diagnostics.warning(at(s.position()), where + ": Intercept (Go yaml.v3) reads this as "
                        + describe(r.value()) + ", where YAML 1.2 reads " + describe(core)
                        + "; write it so that both agree (quote text)");
            }
        }

        static boolean sameValue(Json a, Json b) {
            if (a instanceof Json.Num x && b instanceof Json.Num y) {
                return x.value().compareTo(y.value()) == 0;
            }
            return a.equals(b);
        }

        static String describe(Json v) {
            if (v instanceof Json.Str s) {
                return "the text " + GoText.quote(s.value());
            } else if (v instanceof Json.Num || GoValues.isMarker(v)) {
                return "the number " + GoText.sprint(v, v instanceof Json.Num n && n.value().scale() != 0);
            }
            return GoText.sprint(v, false);
        }

        /**
         * A mapping's entries as yaml.v3 takes them: scalar keys (a null key is skipped), duplicates refused,
         * merge keys ({@code <<}) expanded after the explicit keys, which they never override.
         */
        Map<V3Node.Scalar, V3Node> entries(V3Node.Mapping m, String where) {
            Map<V3Node.Scalar, V3Node> out = new LinkedHashMap<>();
            Map<String, V3Node.Scalar> seen = new HashMap<>();
            List<V3Node> merges = new ArrayList<>();
            for (int i = 0; i < m.keys().size(); i++) {
                V3Node k = m.keys().get(i);
                if (isMergeKey(k)) {
                    merges.add(m.values().get(i));
                    continue;
                }
                D<String> key = string(k, where + " key");
                if (!key.good() || !(k instanceof V3Node.Scalar)) {
                    continue;
                }
                V3Node.Scalar ks = (V3Node.Scalar) k;
                V3Node.Scalar first = seen.putIfAbsent(ks.value(), ks);
                if (first != null) {
                    diagnostics.error(at(ks.position()), "mapping key " + GoText.quote(ks.value())
                            + " already defined at line " + first.position().line() + "; Intercept cannot load this file");
                    continue;
                }
                out.put(ks, m.values().get(i));
            }
            for (V3Node merge : merges) {
                for (V3Node.Mapping source : mergeSources(merge)) {
                    for (Map.Entry<V3Node.Scalar, V3Node> e : entries(source, where).entrySet()) {
                        if (!seen.containsKey(e.getKey().value())) {
                            seen.put(e.getKey().value(), e.getKey());
                            out.put(e.getKey(), e.getValue());
                        }
                    }
                }
            }
            return out;
        }

        /** The mappings a merge key brings in, earliest first (earlier ones win). */
        List<V3Node.Mapping> mergeSources(V3Node merge) {
            List<V3Node.Mapping> out = new ArrayList<>();
            V3Node n = merge instanceof V3Node.Alias a ? a.target() : merge;
            if (n instanceof V3Node.Mapping m) {
                out.add(m);
            } else if (n instanceof V3Node.Sequence s) {
                for (V3Node item : s.items()) {
                    V3Node t = item instanceof V3Node.Alias a ? a.target() : item;
                    if (!(t instanceof V3Node.Mapping tm)) {
                        throw failWantMap(item);
                    }
                    out.add(tm);
                }
            } else {
                throw failWantMap(merge);
            }
            return out;
        }

        Fatal failWantMap(V3Node at) {
            return new Fatal(Diagnostic.error(at(at.position()),
                    "yaml: map merge requires map or sequence of maps as the value; Intercept cannot load this file"));
        }

        /** A Go struct: its fields by key; unknown keys warned about; null leaves it unset. */
        <T> D<T> struct(V3Node node, String where, Set<String> known, T empty,
                        java.util.function.BiFunction<Map<String, V3Node>, Map<String, YamlNode.Entry>, T> build) {
            return visit(node, n -> {
                if (n instanceof V3Node.Scalar s && resolveQuietly(s) == YamlV3Scalars.Kind.NULL) {
                    return new D<>(empty, false, scalarView(s));
                }
                if (!(n instanceof V3Node.Mapping m)) {
                    typeError(n, where, "a mapping");
                    return new D<>(empty, false, generic(n));
                }
                Map<String, V3Node> fields = new LinkedHashMap<>();
                Map<String, YamlNode.Entry> views = new LinkedHashMap<>();
                Map<V3Node.Scalar, V3Node> entries = entries(m, where);
                for (Map.Entry<V3Node.Scalar, V3Node> e : entries.entrySet()) {
                    String key = e.getKey().value();
                    if (known.contains(key)) {
                        fields.put(key, e.getValue());
                    } else {
                        diagnostics.warning(at(e.getKey().position()), "unknown key " + GoText.quote(key) + " in "
                                + where + " is ignored by Intercept");
                        views.put(key, new YamlNode.Entry(key, e.getKey().position(), generic(e.getValue())));
                    }
                }
                Map<String, YamlNode.Entry> fieldViews = new LinkedHashMap<>();
                T value = build.apply(fields, fieldViews);
                List<YamlNode.Entry> all = new ArrayList<>();
                for (Map.Entry<V3Node.Scalar, V3Node> e : entries.entrySet()) {
                    String key = e.getKey().value();
                    YamlNode.Entry v = fieldViews.containsKey(key) ? fieldViews.get(key) : views.get(key);
                    if (v != null) {
                        all.add(new YamlNode.Entry(key, e.getKey().position(), v.value()));
                    }
                }
                return new D<>(value, true, new YamlNode.Mapping(m.position(), all));
            });
        }

        static boolean isNull(V3Node n) {
            V3Node t = n instanceof V3Node.Alias a ? a.target() : n;
            return t instanceof V3Node.Scalar s && resolveQuietly(s) == YamlV3Scalars.Kind.NULL;
        }

        static YamlV3Scalars.Kind resolveQuietly(V3Node.Scalar s) {
            try {
                return YamlV3Scalars.resolve(s).kind();
            } catch (YamlV3Scalars.TagMismatch e) {
                return YamlV3Scalars.Kind.STRING;
            }
        }

        /** A Go slice: null is empty; items yaml.v3 does not set (null structs and strings) are dropped. */
        <T> D<List<T>> list(V3Node node, String where, java.util.function.BiFunction<V3Node, String, D<T>> item) {
            return visit(node, n -> {
                if (n instanceof V3Node.Scalar s && resolveQuietly(s) == YamlV3Scalars.Kind.NULL) {
                    return new D<>(List.of(), true, new YamlNode.Sequence(s.position(), List.of()));
                }
                if (!(n instanceof V3Node.Sequence seq)) {
                    typeError(n, where, "a list");
                    return new D<>(List.of(), false, generic(n));
                }
                List<T> out = new ArrayList<>();
                List<YamlNode> views = new ArrayList<>();
                for (V3Node i : seq.items()) {
                    // Null items are dropped, so later ones move up; an item that fails keeps its place in messages.
                    D<T> d = item.apply(i, where + "[" + views.size() + "]");
                    if (d.good()) {
                        out.add(d.value());
                    }
                    if (d.good() || !isNull(i)) {
                        views.add(d.view());
                    }
                }
                return new D<>(out, true, new YamlNode.Sequence(seq.position(), views));
            });
        }

        // ---- Intercept's structs ----

        <T> T field(Map<String, V3Node> fields, Map<String, YamlNode.Entry> views, String key, T empty,
                    java.util.function.Function<V3Node, D<T>> decode) {
            V3Node n = fields.get(key);
            if (n == null) {
                return empty;
            }
            D<T> d = decode.apply(n);
            views.put(key, new YamlNode.Entry(key, n.position(), d.view()));
            return d.good() ? d.value() : empty;
        }

        D<Policy> policy(Optional<V3Node> root) {
            Policy empty = new Policy("", "", "", List.of(), Map.of());
            if (root.isEmpty()) {
                return new D<>(empty, true, null);
            }
            decodeCount = 1; // yaml.v3 counts the document node too
            D<Policy> d = struct(root.get(), "the document", POLICY_KEYS, empty, (f, v) -> new Policy(
                    field(f, v, "version", "", n -> string(n, "version")),
                    field(f, v, "description", "", n -> string(n, "description")),
                    field(f, v, "default", "", n -> string(n, "default")),
                    field(f, v, "hide", List.<String>of(), n -> list(n, "hide", this::string)),
                    field(f, v, "tools", Map.<String, ToolRules>of(), n -> tools(n))));
            return d;
        }

        D<Map<String, ToolRules>> tools(V3Node node) {
            return visit(node, n -> {
                if (n instanceof V3Node.Scalar s && resolveQuietly(s) == YamlV3Scalars.Kind.NULL) {
                    return new D<>(Map.of(), true, scalarView(s));
                }
                if (!(n instanceof V3Node.Mapping m)) {
                    typeError(n, "tools", "a mapping");
                    return new D<>(Map.of(), false, generic(n));
                }
                Map<String, ToolRules> tools = new LinkedHashMap<>();
                List<YamlNode.Entry> entries = new ArrayList<>();
                for (Map.Entry<V3Node.Scalar, V3Node> e : entries(m, "tools").entrySet()) {
                    String name = e.getKey().value();
                    String where = "tools." + name;
                    D<ToolRules> tool = struct(e.getValue(), where, TOOL_KEYS, new ToolRules(List.of()), (f, v) ->
                            new ToolRules(field(f, v, "rules", List.<Rule>of(), r -> list(r, where + ".rules", this::rule))));
                    entries.add(new YamlNode.Entry(name, e.getKey().position(), tool.view()));
                    if (tool.good()) {
                        tools.put(name, tool.value());
                    }
                }
                return new D<>(tools, true, new YamlNode.Mapping(m.position(), entries));
            });
        }

        D<Rule> rule(V3Node node, String where) {
            Rule empty = new Rule("", "", "", List.of(), "", Optional.empty());
            return struct(node, where, RULE_KEYS, empty, (f, v) -> new Rule(
                    field(f, v, "name", "", n -> string(n, where + ".name")),
                    field(f, v, "action", "", n -> string(n, where + ".action")),
                    field(f, v, "rate_limit", "", n -> string(n, where + ".rate_limit")),
                    field(f, v, "conditions", List.<Condition>of(), n -> list(n, where + ".conditions", this::condition)),
                    field(f, v, "on_deny", "", n -> string(n, where + ".on_deny")),
                    field(f, v, "state", Optional.<StateConfig>empty(), n -> state(n, where + ".state"))));
        }

        D<Optional<StateConfig>> state(V3Node node, String where) {
            D<StateConfig> d = struct(node, where, STATE_KEYS, null, (f, v) -> new StateConfig(
                    field(f, v, "counter", "", n -> string(n, where + ".counter")),
                    field(f, v, "window", "", n -> string(n, where + ".window")),
                    field(f, v, "increment", 0L, n -> integer(n, where + ".increment")),
                    field(f, v, "increment_from", "", n -> string(n, where + ".increment_from"))));
            // A null state is a nil pointer: no state block.
            return new D<>(Optional.ofNullable(d.good() ? d.value() : null), true, d.view());
        }

        D<Condition> condition(V3Node node, String where) {
            Condition empty = new Condition("", "", Json.NULL);
            return struct(node, where, CONDITION_KEYS, empty, (f, v) -> new Condition(
                    field(f, v, "path", "", n -> string(n, where + ".path")),
                    field(f, v, "op", "", n -> string(n, where + ".op")),
                    field(f, v, "value", (Json) Json.NULL, n -> value(n, where + ".value"))));
        }
    }
}
