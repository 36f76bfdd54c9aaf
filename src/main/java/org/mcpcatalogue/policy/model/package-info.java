/**
 * The Intercept policy document as Intercept's Go code sees it after decoding: plain records whose fields have
 * Go's zero values ({@code ""}, {@code 0}, empty lists) where the file says nothing. The records are built by
 * {@link org.mcpcatalogue.policy.load.PolicyLoader} from a file, or in code with the static factories and
 * {@link org.mcpcatalogue.policy.model.Policy.Builder}; {@link org.mcpcatalogue.policy.write.PolicyWriter} turns
 * them back into YAML. Nothing here validates: a model may hold any text, exactly as a file may.
 */
package org.mcpcatalogue.policy.model;
