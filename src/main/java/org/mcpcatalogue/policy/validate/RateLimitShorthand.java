package org.mcpcatalogue.policy.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.golang.GoText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.ToolRules;
import org.mcpcatalogue.policy.model.Window;

/**
 * The {@code rate_limit: N/window} shorthand: parsing it, and the rewrite Intercept applies before validation.
 */
public final class RateLimitShorthand {

    private RateLimitShorthand() {
    }

    /** A parsed shorthand, or the message (without rule prefix) saying why it does not parse. */
    public record Parsed(long count, Window window) {
    }

    /** The counter a shorthand rule keeps: {@code _rate_<window>}. */
    public static String counterName(Window window) {
        return "_rate_" + window.text();
    }

    /** The scope of a tool's counters in {@code state.<scope>.<counter>}: the tool, or {@code _global} for "*". */
    public static String scopeOf(String tool) {
        return Policy.WILDCARD.equals(tool) ? "_global" : tool;
    }

    /** The message Intercept generates for a shorthand rule without {@code on_deny}. */
    public static String defaultMessage(long count, Window window) {
        return "Rate limit of " + count + " per " + window.text() + " reached. Try again later.";
    }

    /** Parses {@code N/window}; on failure the message says why, as Intercept words it. */
    public static Optional<Parsed> parse(String text, StringBuilder whyNot) {
        // Go's strings.SplitN(s, "/", 2): only the first "/" splits, so "5/minute/x" has the window "minute/x".
        String[] parts = text.split("/", 2);
        if (parts.length != 2) {
            whyNot.append("rate_limit must be in the format \"N/window\" (e.g. \"5/hour\"), got ").append(GoText.quote(text));
            return Optional.empty();
        }
        OptionalLong count = GoText.atoi(parts[0]);
        if (count.isEmpty() || count.getAsLong() <= 0) {
            whyNot.append("rate_limit count must be a positive integer, got ").append(GoText.quote(parts[0]));
            return Optional.empty();
        }
        Optional<Window> window = Window.fromText(parts[1]);
        if (window.isEmpty()) {
            whyNot.append("rate_limit window must be \"minute\", \"hour\", or \"day\", got ").append(GoText.quote(parts[1]));
            return Optional.empty();
        }
        return Optional.of(new Parsed(count.getAsLong(), window.get()));
    }

    /** Parses {@code N/window}, ignoring why it fails. */
    public static Optional<Parsed> parse(String text) {
        return parse(text, new StringBuilder());
    }

    /**
     * The policy after Intercept's rewrite: every rule with a parsable {@code rate_limit}, no conditions, no state
     * and an action other than {@code deny} becomes an evaluate rule with one {@code lte N} condition on
     * {@code state.<scope>._rate_<window>}, the matching counter and, without {@code on_deny}, the generated message.
     * Other rules are left as they are (validation reports those still holding {@code rate_limit}).
     */
    public static Policy rewrite(Policy policy) {
        Map<String, ToolRules> tools = new LinkedHashMap<>();
        policy.tools().forEach((tool, rules) ->
                tools.put(tool, new ToolRules(rules.rules().stream().map(r -> rewrite(tool, r)).toList())));
        return policy.withTools(tools);
    }

    /** One rule after the rewrite. */
    public static Rule rewrite(String tool, Rule rule) {
        if (rule.rateLimit().isEmpty() || !rule.conditions().isEmpty() || rule.state().isPresent()
                || "deny".equals(rule.action())) {
            return rule;
        }
        Optional<Parsed> parsed = parse(rule.rateLimit());
        if (parsed.isEmpty()) {
            return rule;
        }
        long n = parsed.get().count();
        Window w = parsed.get().window();
        String counter = counterName(w);
        Condition limit = Condition.of("state." + scopeOf(tool) + "." + counter, Operator.LTE, Json.Num.of(n));
        String onDeny = rule.onDeny().isEmpty() ? defaultMessage(n, w) : rule.onDeny();
        return new Rule(rule.name(), "evaluate", "", List.of(limit), onDeny,
                Optional.of(new StateConfig(counter, w.text(), 1, "")));
    }
}
