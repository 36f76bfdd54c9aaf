package org.mcpcatalogue.policy.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.policy.load.LoadResult;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.validate.PolicyError;

/**
 * Everything {@code policy check} found in one file.
 *
 * @param load       the loading outcome (YAML and shape errors, warnings, positions)
 * @param validation Intercept's validation errors, in its order; empty when the file did not load
 * @param hints      how to turn the public catalogue's dialect into valid syntax
 */
public record CheckReport(LoadResult load, List<PolicyError> validation, List<String> hints) {

    public CheckReport {
        validation = List.copyOf(validation);
        hints = List.copyOf(hints);
    }

    /** Whether Intercept would load and accept the file. */
    public boolean valid() {
        return load.loaded() && validation.isEmpty();
    }

    /** The policy, when the file is valid. */
    public Optional<Policy> policy() {
        return valid() ? load.policy() : Optional.empty();
    }

    /**
     * The report as lines: load problems as {@code FILE:LINE:COL: error|warning: …}, validation errors as
     * {@code FILE: error: <Intercept's message>}, hints as {@code FILE: hint: …}, and {@code FILE: valid} last for a
     * valid file.
     */
    public List<String> lines() {
        String file = load.file();
        List<String> out = new ArrayList<>();
        load.diagnostics().stream().map(Diagnostic::toString).forEach(out::add);
        validation.forEach(e -> out.add(file + ": error: " + e.message()));
        hints.forEach(h -> out.add(file + ": hint: " + h));
        if (valid()) {
            out.add(file + ": valid");
        }
        return out;
    }
}
