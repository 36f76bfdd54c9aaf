package org.mcpcatalogue.build;

import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.publish.Publisher;

/**
 * The outcome of a build.
 *
 * @param status how it ended
 * @param errors the lines that say why it stopped, in order, ready to print (empty when it succeeded)
 * @param diagnostics every diagnostic of loading and validating the catalogue
 * @param stages the stages run, in order, with their timings
 * @param published the version published, when the build succeeded
 * @param cause for {@link Status#ENVIRONMENT}, the failure (a command prints its stack trace on request)
 * @param millis the whole build's wall time
 */
public record BuildResult(Status status, List<String> errors, List<Diagnostic> diagnostics, List<StageTiming> stages,
                          Optional<Publisher.Published> published, Optional<Throwable> cause, long millis) {

    /** How a build ended; each maps to one exit code of the command line. */
    public enum Status {
        /** published */
        OK,
        /** the catalogue, the rules, the attacks or the templates are wrong, or a check failed (exit 1) */
        INVALID,
        /** a usage error: a bad base URL, or an output path the build refuses (exit 2) */
        USAGE,
        /** the environment failed: disk, memory, permissions (exit 2) */
        ENVIRONMENT
    }

    public BuildResult {
        errors = List.copyOf(errors);
        diagnostics = List.copyOf(diagnostics);
        stages = List.copyOf(stages);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
