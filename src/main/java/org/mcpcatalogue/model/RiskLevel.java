package org.mcpcatalogue.model;

import java.util.Arrays;
import java.util.Optional;

/** How much harm a tool can do, in increasing order. */
public enum RiskLevel {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    CRITICAL("Critical");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The higher of the two levels. */
    public RiskLevel atLeast(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static Optional<RiskLevel> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
