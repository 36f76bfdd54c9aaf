package org.mcpcatalogue.policy.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.golang.GoText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.ToolRules;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Reads a policy file as Intercept does ({@code yaml.Unmarshal} into its Go structs), keeping positions.
 *
 * <p>A value of the wrong YAML kind where Intercept expects a string, list or mapping (for example the mapping
 * {@code rate_limit: {max: 30, window: 60}}) makes yaml.v3, and so Intercept, refuse the whole file: such values
 * are errors here, and no policy is returned. Keys Intercept does not know are ignored by it and reported here as
 * warnings, as are scalars that yaml.v3 reads differently from YAML 1.2 (octal {@code 017}, {@code 1_000}).
 * Anchors, aliases and tags are refused by {@link SafeYaml} even though yaml.v3 would accept them.
 */
public final class PolicyLoader {

    private static final Set<String> POLICY_KEYS = Set.of("version", "description", "default", "hide", "tools");
    private static final Set<String> TOOL_KEYS = Set.of("rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "action", "rate_limit", "conditions", "on_deny", "state");
    private static final Set<String> CONDITION_KEYS = Set.of("path", "op", "value");
    private static final Set<String> STATE_KEYS = Set.of("counter", "window", "increment", "increment_from");

    private final SafeYaml yaml;

    public PolicyLoader() {
        this(new SafeYaml());
    }

    public PolicyLoader(SafeYaml yaml) {
        this.yaml = yaml;
    }

    /** Reads a file's bytes; {@code file} names it in diagnostics. */
    public LoadResult load(String file, byte[] bytes) {
        SafeYaml.Result read = yaml.read(file, bytes);
        if (read.hasErrors()) {
            return new LoadResult(file, Optional.empty(), read.root(), read.diagnostics());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return decode(file, text, read);
    }

    /** Reads text that is already decoded. */
    public LoadResult load(String file, String text) {
        return decode(file, text, yaml.read(file, text));
    }

    private LoadResult decode(String file, String text, SafeYaml.Result read) {
        if (read.hasErrors()) {
            return new LoadResult(file, Optional.empty(), read.root(), read.diagnostics());
        }
        Decoder d = new Decoder(file, new YamlV3Scalars(text));
        d.diagnostics.addAll(read.diagnostics());
        Policy policy = d.policy(read.root());
        List<org.mcpcatalogue.diag.Diagnostic> all = d.diagnostics.sorted();
        boolean failed = all.stream().anyMatch(org.mcpcatalogue.diag.Diagnostic::isError);
        return new LoadResult(file, failed ? Optional.empty() : Optional.of(policy), read.root(), all);
    }

    /** Walks the YAML tree into the model, collecting what yaml.v3 would refuse or ignore. */
    private static final class Decoder {
        final String file;
        final YamlV3Scalars scalars;
        final Diagnostics diagnostics = new Diagnostics();

        Decoder(String file, YamlV3Scalars scalars) {
            this.file = file;
            this.scalars = scalars;
        }

        Location at(YamlNode.Position p) {
            return new Location(file, p.line(), p.column());
        }

        void typeError(YamlNode node, String where, String expected) {
            diagnostics.error(at(node.position()), where + ": expected " + expected + ", found " + node.describe()
                    + "; Intercept cannot load this file");
        }

        static boolean isNull(YamlNode node) {
            return node instanceof YamlNode.Scalar s && s.value() instanceof Json.Null;
        }

        Policy policy(Optional<YamlNode> root) {
            if (root.isEmpty() || isNull(root.get())) {
                return new Policy("", "", "", List.of(), Map.of());
            }
            Optional<YamlNode.Mapping> m = mapping(root.get(), "the document", POLICY_KEYS);
            if (m.isEmpty()) {
                return new Policy("", "", "", List.of(), Map.of());
            }
            YamlNode.Mapping doc = m.get();
            return new Policy(
                    string(doc, "version", "version"),
                    string(doc, "description", "description"),
                    string(doc, "default", "default"),
                    stringList(doc.get("hide"), "hide"),
                    tools(doc.get("tools")));
        }

        /** The node as a mapping of a Go struct: unknown keys warned about; null is an empty struct. */
        Optional<YamlNode.Mapping> mapping(YamlNode node, String where, Set<String> known) {
            if (node instanceof YamlNode.Mapping m) {
                for (YamlNode.Entry e : m.entries()) {
                    if (known != null && !known.contains(e.key())) {
                        diagnostics.warning(at(e.keyPosition()), "unknown key " + GoText.quote(e.key()) + " in "
                                + where + " is ignored by Intercept");
                    }
                }
                return Optional.of(m);
            }
            if (!isNull(node)) {
                typeError(node, where, "a mapping");
            }
            return Optional.empty();
        }

        String string(YamlNode.Mapping m, String key, String where) {
            return m.get(key).map(n -> string(n, where)).orElse("");
        }

        String string(YamlNode node, String where) {
            if (node instanceof YamlNode.Scalar s) {
                return scalars.stringValue(s);
            }
            typeError(node, where, "a string");
            return "";
        }

        List<String> stringList(Optional<YamlNode> node, String where) {
            return list(node, where, (item, w) -> string(item, w));
        }

        <T> List<T> list(Optional<YamlNode> node, String where, BiFunction<YamlNode, String, T> item) {
            if (node.isEmpty() || isNull(node.get())) {
                return List.of();
            }
            if (!(node.get() instanceof YamlNode.Sequence s)) {
                typeError(node.get(), where, "a list");
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                out.add(item.apply(s.items().get(i), where + "[" + i + "]"));
            }
            return out;
        }

        Map<String, ToolRules> tools(Optional<YamlNode> node) {
            Map<String, ToolRules> tools = new LinkedHashMap<>();
            if (node.isEmpty()) {
                return tools;
            }
            mapping(node.get(), "tools", null).ifPresent(m -> {
                for (YamlNode.Entry e : m.entries()) {
                    String where = "tools." + e.key();
                    List<Rule> rules = mapping(e.value(), where, TOOL_KEYS)
                            .map(t -> list(t.get("rules"), where + ".rules", this::rule))
                            .orElse(List.of());
                    tools.put(e.key(), new ToolRules(rules));
                }
            });
            return tools;
        }

        Rule rule(YamlNode node, String where) {
            Optional<YamlNode.Mapping> m = mapping(node, where, RULE_KEYS);
            if (m.isEmpty()) {
                return new Rule("", "", "", List.of(), "", Optional.empty());
            }
            YamlNode.Mapping r = m.get();
            Optional<StateConfig> state = r.get("state").filter(n -> !isNull(n))
                    .flatMap(n -> mapping(n, where + ".state", STATE_KEYS))
                    .map(s -> new StateConfig(
                            string(s, "counter", where + ".state.counter"),
                            string(s, "window", where + ".state.window"),
                            integer(s.get("increment"), where + ".state.increment"),
                            string(s, "increment_from", where + ".state.increment_from")));
            return new Rule(
                    string(r, "name", where + ".name"),
                    string(r, "action", where + ".action"),
                    string(r, "rate_limit", where + ".rate_limit"),
                    list(r.get("conditions"), where + ".conditions", this::condition),
                    string(r, "on_deny", where + ".on_deny"),
                    state);
        }

        Condition condition(YamlNode node, String where) {
            Optional<YamlNode.Mapping> m = mapping(node, where, CONDITION_KEYS);
            if (m.isEmpty()) {
                return new Condition("", "", Json.NULL);
            }
            YamlNode.Mapping c = m.get();
            return new Condition(
                    string(c, "path", where + ".path"),
                    string(c, "op", where + ".op"),
                    c.get("value").map(v -> value(v, where + ".value")).orElse(Json.NULL));
        }

        /** A value decoded into {@code interface{}}. */
        Json value(YamlNode node, String where) {
            if (node instanceof YamlNode.Mapping m) {
                Map<String, Json> members = new LinkedHashMap<>();
                for (YamlNode.Entry e : m.entries()) {
                    members.put(e.key(), value(e.value(), where + "." + e.key()));
                }
                return new Json.Obj(members);
            } else if (node instanceof YamlNode.Sequence s) {
                List<Json> items = new ArrayList<>();
                for (int i = 0; i < s.items().size(); i++) {
                    items.add(value(s.items().get(i), where + "[" + i + "]"));
                }
                return new Json.Arr(items);
            }
            YamlNode.Scalar scalar = (YamlNode.Scalar) node;
            YamlV3Scalars.Resolved r = scalars.resolve(scalar);
            warnIfReadDifferently(scalar, r, where);
            return r.value();
        }

        void warnIfReadDifferently(YamlNode.Scalar scalar, YamlV3Scalars.Resolved r, String where) {
            Json core = scalar.value();
            if (r.kind() == YamlV3Scalars.Kind.TIMESTAMP) {
                diagnostics.warning(at(scalar.position()), where + ": Intercept reads the unquoted "
                        + ((Json.Str) core).value() + " as a timestamp, which never equals a text argument; "
                        + "quote it (this engine keeps it as text)");
            } else if (!sameValue(core, r.value())) {
                diagnostics.warning(at(scalar.position()), where + ": Intercept (Go yaml.v3) reads this as "
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
            } else if (v instanceof Json.Num n) {
                return "the number " + GoText.sprint(n, false);
            }
            return GoText.sprint(v, false);
        }

        /** A Go {@code int} field: ints as they are, floats truncated, null 0, anything else refused. */
        long integer(Optional<YamlNode> node, String where) {
            if (node.isEmpty()) {
                return 0;
            }
            if (!(node.get() instanceof YamlNode.Scalar scalar)) {
                typeError(node.get(), where, "an integer");
                return 0;
            }
            YamlV3Scalars.Resolved r = scalars.resolve(scalar);
            switch (r.kind()) {
                case NULL:
                    return 0;
                case INT: {
                    BigInteger v = ((Json.Num) r.value()).value().toBigIntegerExact();
                    if (v.bitLength() < 64) {
                        return v.longValue();
                    }
                    break;
                }
                case FLOAT: {
                    BigDecimal v = ((Json.Num) r.value()).value();
                    if (v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                        diagnostics.warning(at(scalar.position()), where + ": Intercept truncates "
                                + GoText.sprint(r.value(), true) + " to " + v.longValue());
                        return v.longValue();
                    }
                    break;
                }
                default:
                    break;
            }
            typeError(scalar, where, "an integer");
            return 0;
        }
    }
}
