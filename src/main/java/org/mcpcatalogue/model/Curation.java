package org.mcpcatalogue.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A curator's classification override ({@code classification:} in a catalogue file). The classifier shows it
 * as "curated" with its rationale; risk level and score, when given, replace the computed ones.
 */
public record Curation(Category category, Optional<RiskLevel> riskLevel, Optional<Integer> riskScore,
                       String rationale) {
    public Curation {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rationale, "rationale");
    }
}
