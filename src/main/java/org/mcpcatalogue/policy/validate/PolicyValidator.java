package org.mcpcatalogue.policy.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.golang.GoRegexp;
import org.mcpcatalogue.policy.golang.GoText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.GoValues;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.Window;

/**
 * Intercept's validation of a policy (after {@link RateLimitShorthand#rewrite}): every error, in Intercept's
 * order — version, default, hide, then tools in byte order of their names ({@code "*"} first), for each tool the
 * duplicate-counter check and then its rules in order.
 */
public final class PolicyValidator {

    private static final String WINDOWS = "\"minute\", \"hour\", or \"day\"";

    private PolicyValidator() {
    }

    /** Rewrites the shorthand, then validates. */
    public static List<PolicyError> validate(Policy policy) {
        return validateRewritten(RateLimitShorthand.rewrite(policy));
    }

    /** Validates a policy to which the shorthand rewrite has already been applied. */
    public static List<PolicyError> validateRewritten(Policy policy) {
        List<PolicyError> errors = new ArrayList<>();
        if (!Policy.VERSION.equals(policy.version())) {
            errors.add(new PolicyError("version must be \"1\", got " + GoText.quote(policy.version()), List.of("version")));
        }
        String d = policy.defaultAction();
        if (!d.isEmpty() && !d.equals("allow") && !d.equals("deny")) {
            errors.add(new PolicyError("default must be \"allow\" or \"deny\", got " + GoText.quote(d), List.of("default")));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < policy.hide().size(); i++) {
            String h = policy.hide().get(i);
            if (GoText.isBlank(h)) {
                errors.add(new PolicyError("hide[" + i + "]: entry must not be empty", List.of("hide", i)));
            } else if (!seen.add(h)) {
                errors.add(new PolicyError("hide: duplicate entry " + GoText.quote(h), List.of("hide", i)));
            }
        }
        policy.tools().keySet().stream().sorted(PolicyValidator::byteOrder)
                .forEach(tool -> validateTool(policy, tool, errors));
        return errors;
    }

    /** Go's string order: UTF-8 bytes, which is code point order. */
    static int byteOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void validateTool(Policy policy, String tool, List<PolicyError> errors) {
        List<Rule> rules = policy.rulesOf(tool);
        Map<String, Integer> counters = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Optional<StateConfig> state = rules.get(i).state();
            if (state.isEmpty()) {
                continue;
            }
            Integer first = counters.putIfAbsent(state.get().counter(), i);
            if (first != null) {
                errors.add(new PolicyError(prefix(tool, i) + ": duplicate state counter "
                        + GoText.quote(state.get().counter()) + " (also used by rules[" + first + "])",
                        path(tool, i, "state", "counter")));
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            validateRule(policy, tool, i, rules.get(i), errors);
        }
    }

    static String prefix(String tool, int rule) {
        return "tools." + tool + ".rules[" + rule + "]";
    }

    private static List<Object> path(String tool, int rule, Object... more) {
        List<Object> p = new ArrayList<>(List.of("tools", tool, "rules", rule));
        p.addAll(List.of(more));
        return p;
    }

    private static void validateRule(Policy policy, String tool, int i, Rule rule, List<PolicyError> errors) {
        String p = prefix(tool, i);
        if (!rule.rateLimit().isEmpty()) {
            StringBuilder why = new StringBuilder();
            if (RateLimitShorthand.parse(rule.rateLimit(), why).isEmpty()) {
                errors.add(new PolicyError(p + ": " + why, path(tool, i, "rate_limit")));
            }
            if (!rule.conditions().isEmpty() || rule.state().isPresent()) {
                errors.add(new PolicyError(p + ": rate_limit cannot be combined with conditions or state; "
                        + "use separate rules or the full syntax instead", path(tool, i, "rate_limit")));
            }
            if ("deny".equals(rule.action())) {
                errors.add(new PolicyError(p + ": rate_limit cannot be used with action \"deny\"",
                        path(tool, i, "rate_limit")));
            }
            return;
        }
        if (rule.name().isEmpty()) {
            errors.add(new PolicyError(p + ": rule must have a name", path(tool, i, "name")));
        }
        switch (rule.effectiveAction()) {
            case "evaluate" -> {
                if (rule.conditions().isEmpty()) {
                    errors.add(new PolicyError(p + ": evaluate rules must have at least one condition", path(tool, i)));
                }
            }
            case "deny" -> {
                if (!rule.conditions().isEmpty()) {
                    errors.add(new PolicyError(p + ": deny rules must not have conditions", path(tool, i, "conditions")));
                }
            }
            default -> errors.add(new PolicyError(p + ": action must be \"evaluate\" or \"deny\", got "
                    + GoText.quote(rule.action()), path(tool, i, "action")));
        }
        for (int j = 0; j < rule.conditions().size(); j++) {
            validateCondition(p + ".conditions[" + j + "]", rule.conditions().get(j), path(tool, i, "conditions", j), errors);
        }
        rule.state().ifPresent(s -> validateState(p + ".state", s, path(tool, i, "state"), errors));
        for (int j = 0; j < rule.conditions().size(); j++) {
            String condPath = rule.conditions().get(j).path();
            if (condPath.startsWith("state.") && !stateBlockExists(policy, condPath)) {
                errors.add(new PolicyError(p + ": condition references " + condPath
                        + " but no matching state block found", path(tool, i, "conditions", j, "path")));
            }
        }
    }

    /**
     * Whether {@code state.<scope>.<counter>} names a counter some rule of the scope's tool keeps, as Intercept's
     * {@code hasMatchingStateBlock} decides: a path with fewer than three dot-separated parts ({@code state.x}) is
     * not checked at all; the scope is looked up as a tool name first, and only when no tool has that name does
     * {@code _global} stand for {@code "*"} (so a tool literally named {@code _global} hides the {@code "*"} counters).
     */
    static boolean stateBlockExists(Policy policy, String statePath) {
        String[] parts = statePath.split("\\.", 3);
        if (parts.length < 3) {
            return true;
        }
        String tool = !policy.tools().containsKey(parts[1]) && "_global".equals(parts[1]) ? Policy.WILDCARD : parts[1];
        if (!policy.tools().containsKey(tool)) {
            return false;
        }
        return policy.rulesOf(tool).stream()
                .anyMatch(r -> r.state().map(s -> s.counter().equals(parts[2])).orElse(false));
    }

    private static void validateCondition(String p, Condition c, List<Object> at, List<PolicyError> errors) {
        if (!c.path().startsWith("args.") && !c.path().startsWith("state.")) {
            errors.add(new PolicyError(p + ": path must start with \"args.\" or \"state.\", got "
                    + GoText.quote(c.path()), with(at, "path")));
        }
        Json v = c.value();
        switch (c.op()) {
            case "eq", "neq", "contains" -> {
            }
            case "in", "not_in" -> {
                if (!(v instanceof Json.Arr)) {
                    errors.add(new PolicyError(p + ": operator " + GoText.quote(c.op()) + " requires a list value", with(at, "value")));
                }
            }
            case "lt", "lte", "gt", "gte" -> {
                if (!GoValues.isNumericForValidation(v)) {
                    errors.add(new PolicyError(p + ": operator " + GoText.quote(c.op()) + " requires a numeric value", with(at, "value")));
                }
            }
            case "exists" -> {
                if (!(v instanceof Json.Bool)) {
                    errors.add(new PolicyError(p + ": operator \"exists\" requires a boolean value", with(at, "value")));
                }
            }
            case "regex" -> {
                if (v instanceof Json.Str s) {
                    GoRegexp.error(s.value()).ifPresent(e -> errors.add(new PolicyError(p + ": invalid regex "
                            + GoText.quote(s.value()) + ": " + e, with(at, "value"))));
                } else {
                    errors.add(new PolicyError(p + ": regex value must be a string", with(at, "value")));
                }
            }
            default -> errors.add(new PolicyError(p + ": unknown operator " + GoText.quote(c.op()), with(at, "op")));
        }
    }

    private static void validateState(String p, StateConfig s, List<Object> at, List<PolicyError> errors) {
        if (s.counter().isEmpty()) {
            errors.add(new PolicyError(p + ": counter must not be empty", with(at, "counter")));
        }
        if (Window.fromText(s.window()).isEmpty()) {
            errors.add(new PolicyError(p + ": window must be " + WINDOWS + ", got " + GoText.quote(s.window()), with(at, "window")));
        }
        if (!s.incrementFrom().isEmpty() && !s.incrementFrom().startsWith("args.")) {
            errors.add(new PolicyError(p + ": increment_from must start with \"args.\", got "
                    + GoText.quote(s.incrementFrom()), with(at, "increment_from")));
        }
    }

    private static List<Object> with(List<Object> at, Object more) {
        List<Object> p = new ArrayList<>(at);
        p.add(more);
        return p;
    }
}
