package org.mcpcatalogue.prove;

/**
 * One claim about a policy and what the engine did when it was tried.
 *
 * @param claim    what the page says the policy does, e.g. "Calls 1–30 within one UTC minute are allowed."
 * @param observed what the engine answered, e.g. "30 of 30 allowed" or the denial message
 * @param passed   whether the engine behaved as claimed
 */
public record ProofStep(String claim, String observed, boolean passed) {
}
