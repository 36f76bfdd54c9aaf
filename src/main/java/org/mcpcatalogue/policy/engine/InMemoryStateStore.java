package org.mcpcatalogue.policy.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link StateStore} in memory, shared by every caller of the engines that use it. Thread-safe. */
public final class InMemoryStateStore implements StateStore {

    private record Bucket(Instant windowStart, long value) {
    }

    private final Map<String, Bucket> buckets = new HashMap<>();

    @Override
    public synchronized long get(String key, Instant windowStart) {
        Bucket b = buckets.get(key);
        return b != null && b.windowStart().equals(windowStart) ? b.value() : 0;
    }

    @Override
    public synchronized boolean tryAdd(String key, Instant windowStart, long amount, long limit) {
        long next = get(key, windowStart) + amount;
        if (next > limit) {
            return false;
        }
        buckets.put(key, new Bucket(windowStart, next));
        return true;
    }

    @Override
    public synchronized void subtract(String key, long amount) {
        Bucket b = buckets.get(key);
        if (b != null) {
            buckets.put(key, new Bucket(b.windowStart(), Math.max(0, b.value() - amount)));
        }
    }
}
