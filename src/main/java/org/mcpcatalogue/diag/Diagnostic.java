package org.mcpcatalogue.diag;

import java.util.Comparator;
import java.util.Objects;
import org.mcpcatalogue.text.HiddenText;

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

    /**
     * The compiler-style line: {@code path:line:col: error: message}. File names and messages carry text from the
     * input (a file name, a YAML tag, a quoted value); every control, bidi or other hidden character in them is
     * written as an escape such as <code>&#92;u{000A}</code>, so the line is always one line, and no file name or
     * value can forge another diagnostic or send escape sequences to a terminal.
     */
    @Override
    public String toString() {
        return HiddenText.visible(location.toString()) + ": " + severity.label() + ": " + HiddenText.visible(message);
    }
}
