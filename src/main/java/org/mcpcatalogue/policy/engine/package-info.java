/**
 * Deciding calls as Intercept does: {@link org.mcpcatalogue.policy.engine.PolicyEngine} takes a validated policy
 * and a {@link org.mcpcatalogue.policy.engine.StateStore} (counters in fixed UTC windows, with reserve and
 * rollback), and answers each call with a {@link org.mcpcatalogue.policy.engine.Decision}. Every decision can be
 * made at an explicit instant, so a sequence of calls can be replayed exactly.
 */
package org.mcpcatalogue.policy.engine;
