package org.mcpcatalogue.policy.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one call.
 *
 * @param allowed      whether the call goes to the upstream server
 * @param rule         for a denial: the rule's name, {@link #HIDDEN} or {@link #DEFAULT_DENY}; empty when allowed
 * @param message      for a denial: what the agent reads after {@link #PREFIX}; empty when allowed
 * @param reservations counter additions made for an allowed call (taken back on an upstream error)
 */
public record Decision(boolean allowed, String rule, String message, List<Reservation> reservations) {

    /** The rule named for a hidden tool. */
    public static final String HIDDEN = "(hidden)";
    /** The rule named for a tool that {@code default: deny} does not list. */
    public static final String DEFAULT_DENY = "(default deny)";
    /** What Intercept puts before the message in the text the agent receives. */
    public static final String PREFIX = "[INTERCEPT POLICY DENIED] ";

    public Decision {
        rule = Objects.requireNonNullElse(rule, "");
        message = Objects.requireNonNullElse(message, "");
        reservations = List.copyOf(reservations);
    }

    static Decision allow(List<Reservation> reservations) {
        return new Decision(true, "", "", reservations);
    }

    static Decision deny(String rule, String message) {
        return new Decision(false, rule, message, List.of());
    }

    /** For a denial, the text of the tool result the agent receives; empty when allowed. */
    public Optional<String> agentText() {
        return allowed ? Optional.empty() : Optional.of(PREFIX + message);
    }
}
