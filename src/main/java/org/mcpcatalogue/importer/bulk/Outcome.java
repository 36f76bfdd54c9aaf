package org.mcpcatalogue.importer.bulk;

/** What became of one server of a bulk list. */
public enum Outcome {
    /** A new catalogue file was written from its live tools/list. */
    IMPORTED("imported"),
    /** Its file was there and its tools are as they were (only the verified date may have moved). */
    UNCHANGED("unchanged"),
    /** Its file was there and tools were added, removed or changed. */
    CHANGED("changed"),
    /** It exited before listing its tools, asking for a key, token or other setting. */
    NEEDS_CREDENTIALS("needs credentials"),
    /** It exited or failed before listing its tools, for another reason. */
    CRASHED("crashed"),
    /** It did not answer in time. */
    TIMED_OUT("timed out"),
    /** It spoke no JSON-RPC, exited at once without a word of MCP, or its package has no program to start. */
    NOT_MCP("not an MCP server"),
    /** npm could not install it. */
    INSTALL_FAILED("install failed"),
    /** It listed tools, but the catalogue would not take the file (the validator's errors are in the report). */
    INVALID("invalid");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the server's tools are in the catalogue. */
    public boolean inCatalogue() {
        return this == IMPORTED || this == UNCHANGED || this == CHANGED;
    }

    public static java.util.Optional<Outcome> ofLabel(String label) {
        for (Outcome o : values()) {
            if (o.label.equals(label)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
