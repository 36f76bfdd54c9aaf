package org.mcpcatalogue.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/**
 * The fingerprint of a tool definition: {@code sha256:} and the hex SHA-256 of the canonical JSON
 * ({@link JsonText#canonical}) of {@code {"name", "description", "inputSchema", "annotations"}}, where
 * {@code annotations} holds only the declared hints and title, and a missing description is {@code ""}.
 * Operators can pin a server's tools to these values: a server that changes a definition after it was
 * reviewed (a rug pull) changes its fingerprint.
 */
public final class Fingerprint {

    public static final String PREFIX = "sha256:";

    private Fingerprint() {
    }

    public static String of(String name, String description, Json.Obj inputSchema, Annotations annotations) {
        return PREFIX + sha256(JsonText.canonical(Json.obj(
                "name", Json.str(name),
                "description", Json.str(description),
                "inputSchema", inputSchema,
                "annotations", annotations(annotations))));
    }

    public static String of(Tool tool) {
        return of(tool.name(), tool.description(), tool.inputSchema(), tool.annotations());
    }

    static Json.Obj annotations(Annotations a) {
        java.util.LinkedHashMap<String, Json> m = new java.util.LinkedHashMap<>();
        a.title().ifPresent(t -> m.put("title", Json.str(t)));
        hint(m, "readOnlyHint", a.readOnlyHint());
        hint(m, "destructiveHint", a.destructiveHint());
        hint(m, "idempotentHint", a.idempotentHint());
        hint(m, "openWorldHint", a.openWorldHint());
        return new Json.Obj(m);
    }

    private static void hint(java.util.Map<String, Json> m, String key, Hint h) {
        if (h.isDeclared()) {
            m.put(key, h == Hint.TRUE ? Json.TRUE : Json.FALSE);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
