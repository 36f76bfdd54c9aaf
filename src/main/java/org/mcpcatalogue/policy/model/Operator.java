package org.mcpcatalogue.policy.model;

import java.util.Arrays;
import java.util.Optional;

/** The condition operators Intercept knows, with their text in a file. */
public enum Operator {
    EQ("eq"), NEQ("neq"), IN("in"), NOT_IN("not_in"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"),
    REGEX("regex"), CONTAINS("contains"), EXISTS("exists");

    private final String text;

    Operator(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The operator written {@code text}, if it is one. */
    public static Optional<Operator> fromText(String text) {
        return Arrays.stream(values()).filter(o -> o.text.equals(text)).findFirst();
    }
}
