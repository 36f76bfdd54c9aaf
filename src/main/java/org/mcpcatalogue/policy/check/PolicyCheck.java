package org.mcpcatalogue.policy.check;

import java.util.List;
import org.mcpcatalogue.policy.load.LoadResult;
import org.mcpcatalogue.policy.load.PolicyLoader;
import org.mcpcatalogue.policy.validate.PolicyError;
import org.mcpcatalogue.policy.validate.PolicyValidator;

/** Loads, validates and explains one policy file. */
public final class PolicyCheck {

    private final PolicyLoader loader;

    public PolicyCheck() {
        this(new PolicyLoader());
    }

    public PolicyCheck(PolicyLoader loader) {
        this.loader = loader;
    }

    public CheckReport check(String file, byte[] bytes) {
        LoadResult load = loader.load(file, bytes);
        List<PolicyError> errors = load.policy().map(PolicyValidator::validate).orElse(List.of());
        List<String> hints = load.root().map(DialectHints::hints).orElse(List.of());
        return new CheckReport(load, errors, hints);
    }
}
