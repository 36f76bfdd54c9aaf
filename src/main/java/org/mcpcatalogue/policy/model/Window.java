package org.mcpcatalogue.policy.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** A counter window: fixed, aligned to UTC, never sliding. */
public enum Window {
    MINUTE("minute", 60), HOUR("hour", 3600), DAY("day", 86400);

    private final String text;
    private final long seconds;

    Window(String text, long seconds) {
        this.text = text;
        this.seconds = seconds;
    }

    public String text() {
        return text;
    }

    public long seconds() {
        return seconds;
    }

    /** The start of the window that holds {@code at}: the last :00 second, top of the hour or UTC midnight. */
    public Instant start(Instant at) {
        long s = at.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, seconds));
    }

    /** The window written {@code text} ({@code minute}, {@code hour}, {@code day}), if it is one. */
    public static Optional<Window> fromText(String text) {
        return Arrays.stream(values()).filter(w -> w.text.equals(text)).findFirst();
    }
}
