/**
 * Stage 5, prove: {@link org.mcpcatalogue.prove.Prover} checks every recommended snippet and server policy as
 * Intercept would load it and replays calls against the embedded engine at fixed UTC instants; the resulting
 * {@link org.mcpcatalogue.prove.Proof}s are what pages show as "What this policy does". A failed proof stops
 * the build.
 */
package org.mcpcatalogue.prove;
