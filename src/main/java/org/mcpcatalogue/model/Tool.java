package org.mcpcatalogue.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;

/**
 * One tool of a server, in the MCP {@code Tool} shape (spec 2025-11-25) plus the catalogue's own optional
 * curation.
 *
 * @param name             the tool name as the server announces it (1–128 of {@code A-Za-z0-9_.-})
 * @param slug             the URL segment: name lower-cased, {@code _} and {@code .} replaced by {@code -}
 * @param title            the human-readable title, if any
 * @param description      the description as given (empty when missing); may contain hidden characters
 * @param inputSchema      the JSON Schema object of the arguments
 * @param outputSchema     the JSON Schema object of the structured result, if any
 * @param annotations      the declared hints
 * @param curation         the curator's override, if any
 * @param hiddenCharacters hidden characters found in the description, kept for the classifier
 * @param storedFingerprint the {@code fingerprint:} written in the catalogue, if any (see {@link Fingerprint})
 * @param location         where the tool is defined
 */
public record Tool(String name, String slug, Optional<String> title, String description, Json.Obj inputSchema,
                   Optional<Json.Obj> outputSchema, Annotations annotations, Optional<Curation> curation,
                   List<HiddenCharacter> hiddenCharacters, Optional<String> storedFingerprint, Location location) {

    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(annotations, "annotations");
        hiddenCharacters = List.copyOf(hiddenCharacters);
    }

    /** What an MCP tool name looks like: 1–128 of {@code A-Za-z0-9_.-}. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");

    /** The {@code properties} of the input schema; empty when it has none (or they are not an object). */
    public Json.Obj inputProperties() {
        return inputSchema.get("properties").orElse(null) instanceof Json.Obj o ? o : new Json.Obj(java.util.Map.of());
    }

    /** The names listed under {@code required} in the input schema, in order, each once. */
    public List<String> requiredInputs() {
        if (inputSchema.get("required").orElse(null) instanceof Json.Arr a) {
            return a.items().stream().filter(Json.Str.class::isInstance).map(j -> ((Json.Str) j).value()).distinct().toList();
        }
        return List.of();
    }

    /** The fingerprint of the definition as it is now (see {@link Fingerprint}). */
    public String fingerprint() {
        return Fingerprint.of(this);
    }

    /** The URL segment for a tool name: lower-cased, with {@code _} and {@code .} turned into {@code -}. */
    public static String slugOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace('.', '-');
    }
}
