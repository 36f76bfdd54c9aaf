/**
 * An embedded, faithful implementation of the Intercept policy language v1 (github.com/policylayer/intercept):
 * reading policy files as Intercept's Go code does, the {@code rate_limit} rewrite, validation with Intercept's
 * messages, deciding calls with counters in fixed UTC windows, and writing policies back as canonical YAML.
 * {@link org.mcpcatalogue.policy.Policies} is the entry point; the sub-packages hold the
 * {@link org.mcpcatalogue.policy.model model}, {@link org.mcpcatalogue.policy.load loading},
 * {@link org.mcpcatalogue.policy.validate validation}, the {@link org.mcpcatalogue.policy.engine engine},
 * the {@link org.mcpcatalogue.policy.write writer}, the {@link org.mcpcatalogue.policy.check checker} used by the
 * CLI, and the {@link org.mcpcatalogue.policy.golang Go behaviour} they share. This package depends only on the
 * yaml, json and diag packages.
 */
package org.mcpcatalogue.policy;
