package org.mcpcatalogue.build;

import org.mcpcatalogue.diag.Diagnostic;

/** What a build reports while it runs (the command prints it; serve may show it in the page). */
public interface BuildListener {
    /** A stage finished. */
    default void stage(StageTiming timing) {
    }

    /** A diagnostic that does not stop the build (a warning). */
    default void warning(Diagnostic diagnostic) {
    }

    /** Another build holds the output's lock; this one waits for it. */
    default void waiting(String pid) {
    }

    BuildListener NONE = new BuildListener() {
    };
}
