package org.mcpcatalogue.prove;

/**
 * One claim about a policy and what the engine did when it was tried.
 *
 * @param claim    what the page says the policy does, e.g. "Calls 1–30 within one UTC minute are allowed."
 * @param observed what the engine answered, e.g. "30 of 30 allowed" or the denial message
 * @param passed   whether the engine behaved as claimed
 */
public record ProofStep(String claim, String observed, boolean passed) {

    /** {@code {"claim", "observed", "passed"}}, as {@code classify} and the API print it. */
    public org.mcpcatalogue.json.Json.Obj toJson() {
        return org.mcpcatalogue.json.Json.obj("claim", org.mcpcatalogue.json.Json.str(claim),
                "observed", org.mcpcatalogue.json.Json.str(observed),
                "passed", passed ? org.mcpcatalogue.json.Json.TRUE : org.mcpcatalogue.json.Json.FALSE);
    }
}
