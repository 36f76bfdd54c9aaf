package org.mcpcatalogue.classify;

/** How sure the classifier is of a category. */
public enum Confidence {
    /** A curator decided, with a rationale. */
    CURATED("curated"),
    /** The tool's name has a verb the rules know. */
    HIGH("high"),
    /** No verb in the name; the description or the input schema decided. */
    MEDIUM("medium"),
    /** Nothing was recognised; the tool is treated as Write rather than silently as Read. */
    LOW("low");

    private final String label;

    Confidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
