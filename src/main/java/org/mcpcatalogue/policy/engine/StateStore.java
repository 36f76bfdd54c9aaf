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
     * Adds {@code amount} to the counter in that window if the result stays at or below {@code limit} (computed
     * as Go's int64 arithmetic does, wrapping around).
     *
     * @return whether it was added
     */
    boolean tryAdd(String key, Instant windowStart, long amount, long limit);

    /**
     * Takes back an earlier addition as Intercept's stores do: from the counter as it is stored now, whatever
     * window that is (so a late rollback can lower a newer window's count), never below zero. A counter never
     * stored is left alone.
     */
    void subtract(String key, long amount);
}
