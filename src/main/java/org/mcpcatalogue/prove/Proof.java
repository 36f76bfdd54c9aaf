package org.mcpcatalogue.prove;

import java.util.List;

/** The engine's proof of one policy (a tool's snippet or a server's file): every claim it checked. */
public record Proof(String subject, List<ProofStep> steps) {
    public Proof {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(ProofStep::passed);
    }

    /** The claims that failed, for the build's error message. */
    public List<ProofStep> failures() {
        return steps.stream().filter(s -> !s.passed()).toList();
    }
}
