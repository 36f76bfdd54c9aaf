package org.mcpcatalogue.policy.write;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.ToolRules;

/**
 * Writes a {@link Policy} as YAML in one fixed layout: keys in the order {@code version, description, default,
 * hide, tools}; within a rule {@code name, action, rate_limit, conditions, state, on_deny}; within a condition
 * {@code path, op, value}; within a state block {@code counter, window, increment, increment_from}. Keys whose
 * value is Go's zero value are left out. Every string value is double-quoted with escapes (so {@code "yes"},
 * {@code "1"}, {@code "null"}, {@code "#"}, leading spaces and line breaks survive YAML 1.2 and yaml.v3 alike);
 * tool names are written plain only when they cannot be read as anything but that text. Integers are written as
 * integers, floats always with a point or exponent, so Go keeps their types.
 *
 * <p>{@code read(write(p))} equals {@code p} for every policy whose strings are valid Unicode.
 */
public final class PolicyWriter {

    /** Comment lines: above the whole document, and above each tool (by tool name). */
    public record Comments(List<String> header, Map<String, List<String>> tools) {
        public static final Comments NONE = new Comments(List.of(), Map.of());

        public Comments {
            header = List.copyOf(header);
            tools = Map.copyOf(tools);
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

    private PolicyWriter() {
    }

    /** The policy as YAML, without comments. */
    public static String write(Policy policy) {
        return write(policy, Comments.NONE);
    }

    /** The policy as YAML, with comment lines. */
    public static String write(Policy policy, Comments comments) {
        StringBuilder out = new StringBuilder();
        comment(out, "", comments.header());
        out.append("version: ").append(quote(policy.version())).append('\n');
        if (!policy.description().isEmpty()) {
            out.append("description: ").append(quote(policy.description())).append('\n');
        }
        if (!policy.defaultAction().isEmpty()) {
            out.append("default: ").append(quote(policy.defaultAction())).append('\n');
        }
        if (!policy.hide().isEmpty()) {
            out.append("hide:\n");
            policy.hide().forEach(h -> out.append("  - ").append(quote(h)).append('\n'));
        }
        if (!policy.tools().isEmpty()) {
            out.append("\ntools:\n");
            boolean first = true;
            for (Map.Entry<String, ToolRules> tool : policy.tools().entrySet()) {
                if (!first) {
                    out.append('\n');
                }
                first = false;
                comment(out, "  ", comments.tools().getOrDefault(tool.getKey(), List.of()));
                out.append("  ").append(key(tool.getKey())).append(":\n");
                List<Rule> rules = tool.getValue().rules();
                if (rules.isEmpty()) {
                    out.append("    rules: []\n");
                } else {
                    out.append("    rules:\n");
                    rules.forEach(r -> rule(out, r));
                }
            }
        }
        return out.toString();
    }

    private static void comment(StringBuilder out, String indent, List<String> lines) {
        for (String text : lines) {
            for (String line : text.split("\r\n|\r|\n|\u0085|\u2028|\u2029", -1)) {
                out.append(indent).append(line.isEmpty() ? "#" : "# " + line).append('\n');
            }
        }
    }

    private static void rule(StringBuilder out, Rule r) {
        String indent = "        ";
        StringBuilder body = new StringBuilder();
        field(body, indent, "name", r.name());
        field(body, indent, "action", r.action());
        field(body, indent, "rate_limit", r.rateLimit());
        if (!r.conditions().isEmpty()) {
            body.append(indent).append("conditions:\n");
            for (Condition c : r.conditions()) {
                body.append(indent).append("  - path: ").append(quote(c.path())).append('\n');
                body.append(indent).append("    op: ").append(quote(c.op())).append('\n');
                body.append(indent).append("    value: ").append(value(c.value())).append('\n');
            }
        }
        r.state().ifPresent(s -> state(body, indent, s));
        field(body, indent, "on_deny", r.onDeny());
        if (body.length() == 0) {
            out.append("      - {}\n");
        } else {
            out.append("      - ").append(body, indent.length(), body.length());
        }
    }

    private static void state(StringBuilder out, String indent, StateConfig s) {
        String inner = indent + "  ";
        StringBuilder body = new StringBuilder();
        field(body, inner, "counter", s.counter());
        field(body, inner, "window", s.window());
        if (s.increment() != 0) {
            body.append(inner).append("increment: ").append(s.increment()).append('\n');
        }
        field(body, inner, "increment_from", s.incrementFrom());
        out.append(indent).append(body.length() == 0 ? "state: {}\n" : "state:\n" + body);
    }

    private static void field(StringBuilder out, String indent, String key, String value) {
        if (!value.isEmpty()) {
            out.append(indent).append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    /** A mapping key: plain when it can only be read as this text, double-quoted otherwise. */
    static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() && !RESERVED.contains(k.toLowerCase(java.util.Locale.ROOT)) ? k : quote(k);
    }

    /** A condition value in flow style. */
    static String value(Json v) {
        if (v instanceof Json.Str s) {
            return quote(s.value());
        } else if (v instanceof Json.Num n) {
            return Condition.isInteger(n) ? n.value().toBigInteger().toString()
                    : Double.toString(n.value().doubleValue());
        } else if (v instanceof Json.Bool b) {
            return String.valueOf(b.value());
        } else if (v instanceof Json.Arr a) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < a.items().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(value(a.items().get(i)));
            }
            return out.append(']').toString();
        } else if (v instanceof Json.Obj o) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                out.append(first ? "" : ", ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        return "null";
    }

    /**
     * A YAML double-quoted scalar: the JSON string literal (JSON's escapes are a subset of YAML's), with the
     * characters YAML does not allow unescaped, or that YAML 1.1 readers such as yaml.v3 take as line breaks
     * (U+0085) or strip (U+FEFF), escaped as well.
     */
    public static String quote(String s) {
        String json = JsonText.quote(s);
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if ((c >= 0x7F && c <= 0x9F) || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
                out.append(String.format(c <= 0xFF ? "\\x%02x" : "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
