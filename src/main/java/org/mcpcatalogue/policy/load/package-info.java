/**
 * Reading a policy file into the {@link org.mcpcatalogue.policy.model model} the way Intercept's Go YAML decoder
 * (yaml.v3) would: through {@link org.mcpcatalogue.yaml.SafeYaml} (positions kept), with yaml.v3's rules for
 * scalars ({@code version: 1} reads as {@code "1"}, {@code 017} is octal 15, {@code 1_000} is a number), type
 * errors that stop Intercept from loading reported as errors with {@code file:line:col}, and keys Intercept ignores
 * reported as warnings. {@link org.mcpcatalogue.policy.load.LoadResult#locate} maps a model path back to a position.
 */
package org.mcpcatalogue.policy.load;
