/**
 * Reading a policy file into the {@link org.mcpcatalogue.policy.model model} the way Intercept's Go YAML decoder
 * (yaml.v3) does: a snakeyaml-engine event reader that keeps what yaml.v3 keeps (the first document, anchors and
 * aliases, tags, plain or quoted scalars, positions), and a decoder with yaml.v3's rules for scalars
 * ({@code version: 1} reads as {@code "1"}, {@code 017} is octal 15, {@code .inf} is a float, an unquoted date is a
 * {@code time.Time}), null list items, merge keys and alias expansion. Type errors that stop Intercept from loading
 * are reported as errors with {@code file:line:col}, and keys Intercept ignores as warnings.
 * {@link org.mcpcatalogue.policy.load.LoadResult#locate} maps a model path back to a position.
 */
package org.mcpcatalogue.policy.load;
