package org.mcpcatalogue.model;

import java.util.Arrays;
import java.util.Optional;

/** What a tool call can do to the world, from least to most dangerous (the level floor of each is in the
 * classification rules, {@code levels.floors}). */
public enum Category {
    /** Observes; changes nothing. */
    READ("Read"),
    /** Creates or changes state. */
    WRITE("Write"),
    /** Runs code or processes, triggers jobs or inference. */
    EXECUTE("Execute"),
    /** Deletes or irreversibly overwrites. */
    DESTRUCTIVE("Destructive"),
    /** Moves money or commits spending. */
    FINANCIAL("Financial");

    private final String label;
    Category(String label) {
        this.label = label;
    }

    /** The name as written in catalogue files and shown on pages, e.g. "Execute". */
    public String label() {
        return label;
    }

    /** The URL segment, e.g. "execute". */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Category> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }
}
