package org.mcpcatalogue.policy.engine;

import java.util.List;
import org.mcpcatalogue.policy.validate.PolicyError;

/** Thrown when an engine is asked to enforce a policy that does not validate; Intercept would not start with it. */
public final class InvalidPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyError> errors;

    public InvalidPolicyException(List<PolicyError> errors) {
        super("policy validation failed with " + errors.size() + " error(s): "
                + String.join("; ", errors.stream().map(PolicyError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
