package org.mcpcatalogue.policy.engine;

import java.time.Instant;

/** An amount added to a counter for one allowed call, so that it can be taken back. */
public record Reservation(String key, Instant windowStart, long amount) {
}
