package org.mcpcatalogue.model;

import java.util.Optional;

/**
 * MCP tool annotations (spec 2025-11-25). Every hint is untrusted and three-valued; see {@link Hint}.
 * Defaults when absent, per the specification: readOnly false, destructive true, idempotent false,
 * openWorld true.
 */
public record Annotations(Optional<String> title, Hint readOnlyHint, Hint destructiveHint, Hint idempotentHint,
                          Hint openWorldHint) {

    public static final Annotations NONE =
            new Annotations(Optional.empty(), Hint.ABSENT, Hint.ABSENT, Hint.ABSENT, Hint.ABSENT);

    public boolean isEmpty() {
        return title.isEmpty() && !readOnlyHint.isDeclared() && !destructiveHint.isDeclared()
                && !idempotentHint.isDeclared() && !openWorldHint.isDeclared();
    }
}
