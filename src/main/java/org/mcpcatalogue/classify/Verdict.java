package org.mcpcatalogue.classify;

import java.util.List;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;

/** What the classifier decided about one tool, and why. */
public record Verdict(Category category, RiskLevel riskLevel, int riskScore, Confidence confidence,
                      List<Signal> signals, List<Flag> flags) {
    public Verdict {
        signals = List.copyOf(signals);
        flags = List.copyOf(flags);
        if (riskScore < 1 || riskScore > 5) {
            throw new IllegalArgumentException("risk score must be 1-5: " + riskScore);
        }
    }

    public boolean hasFlag(String kind) {
        return flags.stream().anyMatch(f -> f.kind().equals(kind));
    }
}
