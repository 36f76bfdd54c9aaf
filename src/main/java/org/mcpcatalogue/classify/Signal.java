package org.mcpcatalogue.classify;

import java.util.Objects;

/**
 * One piece of evidence behind a verdict, as a page shows it under "Why this category".
 *
 * @param source where it was found: name, description, schema, annotation, server, curated, default, or level
 *               (a score raised so that levels stay in order)
 * @param detail what was found, e.g. {@code verb "delete"} or {@code readOnlyHint: true (declared)}
 * @param effect what it did, e.g. {@code Destructive}, {@code +1 risk}, {@code none}
 */
public record Signal(String source, String detail, String effect) {
    public Signal {
        Objects.requireNonNull(source);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(effect);
    }

    /** {@code {"source", "detail", "effect"}}, as {@code classify} and the API print it. */
    public org.mcpcatalogue.json.Json.Obj toJson() {
        return org.mcpcatalogue.json.Json.obj("source", org.mcpcatalogue.json.Json.str(source),
                "detail", org.mcpcatalogue.json.Json.str(detail), "effect", org.mcpcatalogue.json.Json.str(effect));
    }
}
