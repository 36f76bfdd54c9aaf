package org.mcpcatalogue.classify;

import java.util.Objects;

/**
 * A finding about a tool that deserves attention on its own: possible poisoning, hidden text, a
 * contradiction between annotations and what the tool does.
 *
 * @param kind   a stable identifier: {@code poisoning}, {@code invisible-text}, {@code over-long-description},
 *               {@code annotation-contradiction}
 * @param detail the finding, for people
 */
public record Flag(String kind, String detail) {
    public Flag {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(detail);
    }

    /** {@code {"kind", "detail"}}, as {@code classify} and the API print it. */
    public org.mcpcatalogue.json.Json.Obj toJson() {
        return org.mcpcatalogue.json.Json.obj("kind", org.mcpcatalogue.json.Json.str(kind),
                "detail", org.mcpcatalogue.json.Json.str(detail));
    }
}
