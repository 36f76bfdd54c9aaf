package org.mcpcatalogue.model;

/**
 * An MCP tool annotation hint. Hints are three-valued: a server may declare true, declare false, or say
 * nothing, and "nothing" is not "false" (the MCP specification gives each hint a default for that case).
 */
public enum Hint {
    TRUE,
    FALSE,
    ABSENT;

    public static Hint of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean isDeclared() {
        return this != ABSENT;
    }

    /** The declared value, or the given default when absent. */
    public boolean orDefault(boolean defaultValue) {
        return this == ABSENT ? defaultValue : this == TRUE;
    }
}
