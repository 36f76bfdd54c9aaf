package org.mcpcatalogue.policy.model;

import java.util.Objects;

/**
 * A rule's {@code state} block: a counter in a fixed window.
 *
 * @param counter       the counter's name, keyed {@code <tool or _global>.<counter>}
 * @param window        {@code minute}, {@code hour} or {@code day}
 * @param increment     what one call adds; 0 (missing) means 1
 * @param incrementFrom {@code args.<path>} whose number (truncated) is added instead, or {@code ""}
 */
public record StateConfig(String counter, String window, long increment, String incrementFrom) {

    public StateConfig {
        counter = Objects.requireNonNullElse(counter, "");
        window = Objects.requireNonNullElse(window, "");
        incrementFrom = Objects.requireNonNullElse(incrementFrom, "");
    }

    /** A counter that counts calls. */
    public static StateConfig counting(String counter, Window window) {
        return new StateConfig(counter, window.text(), 0, "");
    }

    /** A counter that adds the number found at {@code argsPath} (for example {@code args.amount}). */
    public static StateConfig summing(String counter, Window window, String argsPath) {
        return new StateConfig(counter, window.text(), 0, argsPath);
    }
}
