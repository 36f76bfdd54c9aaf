package org.mcpcatalogue.importer;

/** An import that cannot go on: unreadable input, a server that misbehaves, a missing required fact. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean usage;

    public ImportException(String message) {
        this(message, false);
    }

    /** @param usage whether the command line is at fault (a missing option), not the input */
    public ImportException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** Whether the command line is at fault (exit code 2) rather than the input (exit code 1). */
    public boolean usage() {
        return usage;
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
        this.usage = false;
    }
}
