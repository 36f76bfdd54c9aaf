package org.mcpcatalogue.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;

/**
 * What the classifier decided about one tool, and why.
 *
 * @param callerCode when the tool runs code, commands, scripts or queries that the caller writes (and nothing
 *                   lifted that), the signal that shows it: such a tool is Critical and its policy blocks it
 */
public record Verdict(Category category, RiskLevel riskLevel, int riskScore, Confidence confidence,
                      List<Signal> signals, List<Flag> flags, Optional<Signal> callerCode) {
    public Verdict {
        signals = List.copyOf(signals);
        flags = List.copyOf(flags);
        Objects.requireNonNull(callerCode);
        if (riskScore < 1 || riskScore > 5) {
            throw new IllegalArgumentException("risk score must be 1-5: " + riskScore);
        }
    }

    public boolean hasFlag(String kind) {
        return flags.stream().anyMatch(f -> f.kind().equals(kind));
    }

    /** Whether the tool runs code, commands, scripts or queries that the caller writes. */
    public boolean runsCallerCode() {
        return callerCode.isPresent();
    }
}
