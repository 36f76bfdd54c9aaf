package org.mcpcatalogue.diag;

/** How bad a {@link Diagnostic} is. Errors fail a command; warnings are reported and let it succeed. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word printed in {@code file:line:col: error: message}. */
    public String label() {
        return label;
    }
}
