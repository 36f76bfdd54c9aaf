package org.mcpcatalogue.model;

import java.util.Arrays;
import java.util.Optional;

/** What a tool call can do to the world, from least to most dangerous base level. */
public enum Category {
    /** Observes; changes nothing. */
    READ("Read", RiskLevel.LOW),
    /** Creates or changes state. */
    WRITE("Write", RiskLevel.MEDIUM),
    /** Runs code or processes, triggers jobs or inference. */
    EXECUTE("Execute", RiskLevel.HIGH),
    /** Deletes or irreversibly overwrites. */
    DESTRUCTIVE("Destructive", RiskLevel.CRITICAL),
    /** Moves money or commits spending. */
    FINANCIAL("Financial", RiskLevel.CRITICAL);

    private final String label;
    private final RiskLevel baseLevel;

    Category(String label, RiskLevel baseLevel) {
        this.label = label;
        this.baseLevel = baseLevel;
    }

    /** The name as written in catalogue files and shown on pages, e.g. "Execute". */
    public String label() {
        return label;
    }

    /** The lowest risk level a tool of this category can have. */
    public RiskLevel baseLevel() {
        return baseLevel;
    }

    /** The URL segment, e.g. "execute". */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Category> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }
}
