package org.mcpcatalogue.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.mcpcatalogue.policy.engine.InvalidPolicyException;
import org.mcpcatalogue.policy.engine.PolicyEngine;
import org.mcpcatalogue.policy.engine.StateStore;
import org.mcpcatalogue.policy.load.LoadResult;
import org.mcpcatalogue.policy.load.PolicyLoader;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.validate.PolicyError;
import org.mcpcatalogue.policy.validate.PolicyValidator;
import org.mcpcatalogue.policy.write.PolicyWriter;

/**
 * The policy engine in one place: read a file, validate a model, write it, enforce it.
 *
 * <pre>{@code
 * Policy p = Policy.builder()
 *         .tool("create_issue", Rule.rateLimit("create_issue rate limit", 30, Window.MINUTE))
 *         .tool("delete_repo", Rule.deny("block delete_repo", "Deleting repositories is not allowed"))
 *         .build();
 * String yaml = Policies.writeValid(p, PolicyWriter.Comments.NONE);   // re-reads and validates, or throws
 * PolicyEngine engine = Policies.engine(p, new InMemoryStateStore(), Clock.systemUTC());
 * Decision d = engine.decide("create_issue", args, Instant.parse("2026-01-01T00:00:05Z"));
 * if (d.allowed() && upstreamAnsweredWithJsonRpcError) engine.upstreamError(d);
 * }</pre>
 */
public final class Policies {

    private Policies() {
    }

    /** Reads a policy file as Intercept would load it (errors, warnings, positions). */
    public static LoadResult read(String file, byte[] bytes) {
        return new PolicyLoader().load(file, bytes);
    }

    /** Intercept's validation errors for a policy (after the shorthand rewrite), in Intercept's order. */
    public static List<PolicyError> validate(Policy policy) {
        return PolicyValidator.validate(policy);
    }

    /** The policy as canonical YAML; nothing is checked. */
    public static String write(Policy policy) {
        return PolicyWriter.write(policy);
    }

    /**
     * The policy as canonical YAML, guaranteed to load back to the same policy without any diagnostic and to pass
     * Intercept's validation.
     *
     * @throws InvalidPolicyException when the policy does not validate
     * @throws IllegalStateException  if the text would not read back as the same policy (a writer bug)
     */
    public static String writeValid(Policy policy, PolicyWriter.Comments comments) {
        List<PolicyError> errors = validate(policy);
        if (!errors.isEmpty()) {
            throw new InvalidPolicyException(errors);
        }
        String text = PolicyWriter.write(policy, comments);
        LoadResult back = read("written policy", text.getBytes(StandardCharsets.UTF_8));
        if (!back.diagnostics().isEmpty() || !back.policy().map(policy::equals).orElse(false)) {
            throw new IllegalStateException("the written policy does not read back as the same policy: "
                    + back.diagnostics());
        }
        return text;
    }

    /**
     * An engine enforcing {@code policy}, with counters in {@code store} and {@code clock} for calls decided "now".
     *
     * @throws InvalidPolicyException when the policy does not validate
     */
    public static PolicyEngine engine(Policy policy, StateStore store, Clock clock) {
        return PolicyEngine.create(policy, store, clock);
    }
}
