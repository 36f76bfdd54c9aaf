package org.mcpcatalogue.policy.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.policy.write.PolicyWriter;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Recognises the dialect that the existing public catalogue prints and that Intercept does not accept, and says
 * what to write instead: {@code rate_limit: {max: 30, window: 60}} is {@code rate_limit: 30/minute};
 * {@code action: allow} does not exist; {@code reason:} is {@code on_deny:}; {@code validate: {required_args: true}}
 * is a separate rule with an {@code exists: true} condition per required argument; every rule needs a
 * {@code name}. For each rule in the dialect, a last hint gives the rule(s) in valid syntax, on one line.
 */
public final class DialectHints {

    private static final Pattern DURATION = Pattern.compile(
            "(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?");

    private DialectHints() {
    }

    /** The hints for a policy document, in file order. */
    public static List<String> hints(YamlNode root) {
        List<String> out = new ArrayList<>();
        if (!(root instanceof YamlNode.Mapping doc)) {
            return out;
        }
        if (doc.get("version").isEmpty()) {
            out.add("start the file with version: \"1\"; Intercept requires it");
        }
        if (doc.get("tools").orElse(null) instanceof YamlNode.Mapping tools) {
            for (YamlNode.Entry tool : tools.entries()) {
                if (tool.value() instanceof YamlNode.Mapping t && t.get("rules").orElse(null) instanceof YamlNode.Sequence rules) {
                    for (int i = 0; i < rules.items().size(); i++) {
                        if (rules.items().get(i) instanceof YamlNode.Mapping rule) {
                            new RuleHints(tool.key(), i, rule, out).run();
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A rate in valid shorthand, and whether it is exactly the original one. */
    record Rate(String shorthand, boolean exact, String explanation) {
    }

    /** Converts {@code {max: N, window: S}} (S in seconds, or a duration word) to the shorthand. */
    static Optional<Rate> convert(YamlNode.Mapping limit) {
        Optional<Long> max = limit.get("max").flatMap(DialectHints::positiveInteger);
        Optional<Long> seconds = limit.get("window").flatMap(DialectHints::seconds);
        if (max.isEmpty() || seconds.isEmpty()) {
            return Optional.empty();
        }
        long n = max.get();
        long s = seconds.get();
        for (Window w : Window.values()) {
            if (w.seconds() == s) {
                return Optional.of(new Rate(n + "/" + w.text(), true,
                        "write rate_limit: " + n + "/" + w.text() + " instead of " + flow(limit)
                                + " (Intercept counts calls in fixed UTC " + w.text()
                                + "s, shared by every client, not per session)"));
            }
        }
        Window w = s < 60 ? Window.MINUTE : s < 3600 ? Window.HOUR : Window.DAY;
        long average = n * w.seconds() / s;
        String strict = Math.max(1, s > w.seconds() ? average : n) + "/" + w.text();
        String text = flow(limit) + " has no exact equivalent, because Intercept's windows are a fixed UTC minute, "
                + "hour or day (not a sliding " + s + "-second window): ";
        if (s > w.seconds()) {
            text += "rate_limit: " + strict + " is the nearest";
        } else {
            text += "rate_limit: " + average + "/" + w.text() + " keeps the same average rate, rate_limit: " + strict
                    + " is stricter";
        }
        return Optional.of(new Rate(strict, false, text));
    }

    private static Optional<Long> positiveInteger(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Json.Num n && n.isIntegral() && n.value().signum() > 0
                && n.value().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE / 86400)) < 0) {
            return Optional.of(n.value().longValue());
        }
        return Optional.empty();
    }

    private static Optional<Long> seconds(YamlNode node) {
        if (!(node instanceof YamlNode.Scalar s)) {
            return Optional.empty();
        }
        if (s.value() instanceof Json.Str str) {
            String text = str.value().strip().toLowerCase(Locale.ROOT);
            Optional<Window> word = Window.fromText(text);
            if (word.isPresent()) {
                return Optional.of(word.get().seconds());
            }
            Matcher m = DURATION.matcher(text);
            if (m.matches() && m.group(1).length() < 10) {
                long v = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                long factor = switch (unit.charAt(0)) {
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86400;
                    default -> 1;
                };
                return v > 0 ? Optional.of(v * factor) : Optional.empty();
            }
            return Optional.empty();
        }
        return positiveInteger(node);
    }

    /** A short one-line rendering of a small mapping, for quoting the user's own text back. */
    static String flow(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            List<String> parts = new ArrayList<>();
            m.entries().forEach(e -> parts.add(e.key() + ": " + flow(e.value())));
            return "{" + String.join(", ", parts) + "}";
        } else if (node instanceof YamlNode.Sequence s) {
            return "[" + String.join(", ", s.items().stream().map(DialectHints::flow).toList()) + "]";
        }
        Json v = ((YamlNode.Scalar) node).value();
        if (v instanceof Json.Str str) {
            return str.value().matches("[A-Za-z0-9_./ -]*") && !str.value().isBlank() ? str.value() : PolicyWriter.quote(str.value());
        }
        return JsonText.write(v);
    }

    /** Conditions on one line, with only the keys Intercept reads. */
    static String flowConditions(YamlNode.Sequence conditions) {
        List<String> items = new ArrayList<>();
        for (YamlNode c : conditions.items()) {
            if (c instanceof YamlNode.Mapping m) {
                List<String> parts = new ArrayList<>();
                m.entries().stream().filter(e -> List.of("path", "op", "value").contains(e.key()))
                        .forEach(e -> parts.add(e.key() + ": " + flow(e.value())));
                items.add("{" + String.join(", ", parts) + "}");
            } else {
                items.add(flow(c));
            }
        }
        return "[" + String.join(", ", items) + "]";
    }

    /** The hints for one rule. */
    private static final class RuleHints {
        final String tool;
        final String where;
        final YamlNode.Mapping rule;
        final List<String> out;
        final List<String> equivalent = new ArrayList<>();
        boolean dialect;

        RuleHints(String tool, int index, YamlNode.Mapping rule, List<String> out) {
            this.tool = tool;
            this.where = "tools." + tool + ".rules[" + index + "]";
            this.rule = rule;
            this.out = out;
        }

        Optional<String> text(String key) {
            return rule.get(key).filter(n -> n instanceof YamlNode.Scalar s && s.value() instanceof Json.Str)
                    .map(n -> ((Json.Str) ((YamlNode.Scalar) n).value()).value());
        }

        void hint(String text) {
            out.add(where + ": " + text);
        }

        void run() {
            Optional<YamlNode> rateLimit = rule.get("rate_limit");
            Optional<String> action = text("action");
            Optional<String> reason = text("reason");
            Optional<YamlNode> validate = rule.get("validate");
            Optional<String> name = text("name").filter(s -> !s.isEmpty());
            Optional<YamlNode> conditions = rule.get("conditions").filter(n -> n instanceof YamlNode.Sequence s
                    && !s.items().isEmpty());

            String shorthand = text("rate_limit").orElse(null);
            if (rateLimit.orElse(null) instanceof YamlNode.Mapping limit) {
                dialect = true;
                Optional<Rate> rate = convert(limit);
                if (rate.isPresent()) {
                    hint(rate.get().explanation());
                    shorthand = rate.get().shorthand();
                } else {
                    hint("rate_limit must be a string N/window, N a positive integer and window minute, hour or "
                            + "day, e.g. rate_limit: 30/minute; " + flow(limit) + " is not understood");
                }
            }
            boolean deny = action.map("deny"::equals).orElse(false);
            if (action.isPresent() && action.get().equals("allow")) {
                dialect = true;
                if (shorthand != null || rateLimit.isPresent()) {
                    hint("there is no action \"allow\"; leave action out (a rate_limit rule is an evaluate rule)");
                } else if (conditions.isPresent()) {
                    hint("there is no action \"allow\"; leave action out: a rule with conditions is an evaluate "
                            + "rule, which lets a call through when all its conditions hold");
                } else {
                    hint("there is no action \"allow\": calls are allowed unless a rule denies them, so drop this "
                            + "rule (with default: deny, list the tool with rules: [] instead), or make it an "
                            + "evaluate rule with conditions");
                }
            }
            if (reason.isPresent()) {
                dialect = true;
                hint(text("on_deny").isPresent()
                        ? "reason: is ignored by Intercept; on_deny: already holds the message the agent sees"
                        : "write on_deny: " + PolicyWriter.quote(reason.get()) + " instead of reason: (Intercept ignores reason)");
            }
            boolean requiredArgs = false;
            if (validate.isPresent()) {
                dialect = true;
                requiredArgs = validate.get() instanceof YamlNode.Mapping v && v.get("required_args")
                        .map(n -> n instanceof YamlNode.Scalar s && Json.TRUE.equals(s.value())).orElse(false);
                if (requiredArgs) {
                    hint("validate: does not exist in Intercept; for required_args: true add a rule with one condition "
                            + "per required argument of " + tool + ", {path: \"args.<argument>\", op: \"exists\", value: true}"
                            + (shorthand != null ? ", as a separate rule (a rate_limit rule cannot have conditions)" : ""));
                } else {
                    hint("validate: does not exist in Intercept; check arguments with conditions "
                            + "(eq, neq, in, not_in, lt, lte, gt, gte, regex, contains, exists) in an evaluate rule");
                }
            }
            String ruleName = name.orElse(shorthand != null ? tool + " rate limit"
                    : deny ? "block " + tool : requiredArgs ? tool + " required arguments" : tool + " rule");
            if (name.isEmpty()) {
                hint("every rule needs a name, e.g. name: " + PolicyWriter.quote(ruleName));
            }
            if (!dialect) {
                return;
            }
            String onDeny = text("on_deny").or(() -> reason).orElse("");
            if (shorthand != null || deny || conditions.isPresent()) {
                StringBuilder r = new StringBuilder("{name: ").append(PolicyWriter.quote(ruleName));
                if (deny) {
                    r.append(", action: \"deny\"");
                } else if (shorthand != null) {
                    r.append(", rate_limit: ").append(PolicyWriter.quote(shorthand));
                } else {
                    r.append(", conditions: ").append(flowConditions((YamlNode.Sequence) conditions.get()));
                }
                if (!onDeny.isEmpty()) {
                    r.append(", on_deny: ").append(PolicyWriter.quote(onDeny));
                }
                equivalent.add(r.append('}').toString());
            }
            if (requiredArgs) {
                String argsName = equivalent.isEmpty() ? ruleName : tool + " required arguments";
                equivalent.add("{name: " + PolicyWriter.quote(argsName) + ", conditions: [{path: \"args.<argument>\", "
                        + "op: \"exists\", value: true}], on_deny: " + PolicyWriter.quote("Missing a required argument for " + tool) + "}");
            }
            if (equivalent.isEmpty()) {
                hint("in valid syntax this rule is not needed: remove it");
            } else {
                hint("in valid syntax: rules: [" + String.join(", ", equivalent) + "]"
                        + (requiredArgs ? " (one exists condition per required argument)" : ""));
            }
        }
    }
}
