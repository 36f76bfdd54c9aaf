package org.mcpcatalogue.cli;

/** A problem with the user's input that deserves a one-line message and exit code 1, not a stack trace. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
