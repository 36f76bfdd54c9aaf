package org.mcpcatalogue.diag;

import java.util.Comparator;
import java.util.Objects;

/** One problem found in the input, with where it is and how bad it is. */
public record Diagnostic(Location location, Severity severity, String message) implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(Location location, String message) {
        return new Diagnostic(location, Severity.ERROR, message);
    }

    public static Diagnostic warning(Location location, String message) {
        return new Diagnostic(location, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    /** The compiler-style line: {@code path:line:col: error: message}. */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message;
    }
}
