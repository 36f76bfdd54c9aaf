package org.mcpcatalogue.policy.engine;

import java.time.Instant;

/**
 * Counters keyed {@code <tool or _global>.<counter>}, each living in one fixed window at a time: a value stored
 * for an earlier window reads as 0. Implementations must make {@link #tryAdd} atomic.
 */
public interface StateStore {

    /** The counter's value in the window that starts at {@code windowStart}. */
    long get(String key, Instant windowStart);

    /**
     * Adds {@code amount} to the counter in that window if the result stays at or below {@code limit}.
     *
     * @return whether it was added
     */
    boolean tryAdd(String key, Instant windowStart, long amount, double limit);

    /** Takes back an earlier addition; nothing happens when the window has moved on since. */
    void subtract(String key, Instant windowStart, long amount);
}
