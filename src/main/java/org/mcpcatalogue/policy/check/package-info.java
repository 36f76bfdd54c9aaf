/**
 * Checking a policy file for {@code catalogue policy check}: loading, Intercept's validation, and hints for the
 * invalid dialect printed by the existing public catalogue ({@code rate_limit: {max, window}}, {@code action: allow},
 * {@code validate:}, {@code reason:}, rules without {@code name}), each hint saying what to write instead.
 */
package org.mcpcatalogue.policy.check;
