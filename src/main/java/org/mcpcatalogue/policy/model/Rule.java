package org.mcpcatalogue.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule. Empty strings stand for keys the file leaves out, as Go's zero values do.
 *
 * @param name       required, non-empty
 * @param action     {@code "evaluate"}, {@code "deny"} or {@code ""} (evaluate)
 * @param rateLimit  the {@code N/window} shorthand, or {@code ""}
 * @param conditions all must hold for an evaluate rule to let a call through
 * @param onDeny     the message the agent sees when this rule denies, or {@code ""}
 * @param state      the counter this rule keeps, if any
 */
public record Rule(String name, String action, String rateLimit, List<Condition> conditions, String onDeny,
                   Optional<StateConfig> state) {

    public Rule {
        name = Objects.requireNonNullElse(name, "");
        action = Objects.requireNonNullElse(action, "");
        rateLimit = Objects.requireNonNullElse(rateLimit, "");
        conditions = List.copyOf(Objects.requireNonNullElse(conditions, List.of()));
        onDeny = Objects.requireNonNullElse(onDeny, "");
        state = Objects.requireNonNullElse(state, Optional.empty());
    }

    /** A rule that denies every call with an object of arguments: {@code action: deny}. */
    public static Rule deny(String name, String onDeny) {
        return new Rule(name, "deny", "", List.of(), onDeny, Optional.empty());
    }

    /** An evaluate rule whose conditions must all hold ({@code action} left out, which means evaluate). */
    public static Rule evaluate(String name, List<Condition> conditions, String onDeny) {
        return new Rule(name, "", "", conditions, onDeny, Optional.empty());
    }

    /** The shorthand {@code rate_limit: <count>/<window>} with Intercept's generated message. */
    public static Rule rateLimit(String name, long count, Window window) {
        return new Rule(name, "", count + "/" + window.text(), List.of(), "", Optional.empty());
    }

    /** The shorthand with an own message. */
    public static Rule rateLimit(String name, long count, Window window, String onDeny) {
        return rateLimit(name, count, window).withOnDeny(onDeny);
    }

    public Rule withOnDeny(String message) {
        return new Rule(name, action, rateLimit, conditions, message, state);
    }

    public Rule withState(StateConfig newState) {
        return new Rule(name, action, rateLimit, conditions, onDeny, Optional.of(newState));
    }

    public Rule withAction(String newAction) {
        return new Rule(name, newAction, rateLimit, conditions, onDeny, state);
    }

    /** The action Intercept applies: {@code ""} means evaluate. */
    public String effectiveAction() {
        return action.isEmpty() ? "evaluate" : action;
    }
}
