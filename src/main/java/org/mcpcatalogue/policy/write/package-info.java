/**
 * Writing a policy model as a canonical, readable YAML document that Intercept (Go yaml.v3) and this project's
 * reader both read back to the same model: {@link org.mcpcatalogue.policy.write.PolicyWriter}.
 */
package org.mcpcatalogue.policy.write;
