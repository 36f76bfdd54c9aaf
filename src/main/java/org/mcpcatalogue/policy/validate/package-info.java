/**
 * Intercept's load-time processing of a decoded policy: the {@code rate_limit} shorthand rewrite
 * ({@link org.mcpcatalogue.policy.validate.RateLimitShorthand}) and validation
 * ({@link org.mcpcatalogue.policy.validate.PolicyValidator}), which collects every error in Intercept's order with
 * Intercept's message text, each with the path of the offending node for positions.
 */
package org.mcpcatalogue.policy.validate;
