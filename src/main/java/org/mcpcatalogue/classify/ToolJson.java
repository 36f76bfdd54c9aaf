package org.mcpcatalogue.classify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Annotations;
import org.mcpcatalogue.model.Hint;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/** Turns an MCP {@code Tool} JSON object (as pasted from a {@code tools/list} result) into a model tool. */
public final class ToolJson {

    private ToolJson() {
    }

    /**
     * @param origin how the input is named in errors and in the tool's location, e.g. {@code stdin}
     * @throws IllegalArgumentException when the object is not a tool
     */
    public static Tool read(Json value, String origin) {
        if (!(value instanceof Json.Obj obj)) {
            throw new IllegalArgumentException(origin + ": error: a tool must be a JSON object, found " + value.typeName());
        }
        String name = string(obj, "name", origin).orElseThrow(() ->
                new IllegalArgumentException(origin + ": error: a tool needs a \"name\""));
        String description = string(obj, "description", origin).orElse("");
        Json rawSchema = obj.get("inputSchema").orElse(Json.NULL);
        Json.Obj schema;
        if (rawSchema instanceof Json.Obj o) {
            schema = o;
        } else if (rawSchema instanceof Json.Null) {
            schema = new Json.Obj(Map.of("type", new Json.Str("object")));
        } else {
            throw new IllegalArgumentException(origin + ": error: \"inputSchema\" of " + name + " must be an object");
        }
        Annotations annotations = Annotations.NONE;
        if (obj.get("annotations").orElse(Json.NULL) instanceof Json.Obj a) {
            annotations = new Annotations(string(a, "title", origin), hint(a, "readOnlyHint"), hint(a, "destructiveHint"),
                    hint(a, "idempotentHint"), hint(a, "openWorldHint"));
        }
        Optional<Json.Obj> output = obj.get("outputSchema").filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
        return new Tool(name, Tool.slugOf(name), string(obj, "title", origin), description, schema, output, annotations,
                Optional.empty(), HiddenText.scan(description), Optional.empty(), Location.ofFile(origin));
    }

    private static Optional<String> string(Json.Obj obj, String key, String origin) {
        Json v = obj.get(key).orElse(Json.NULL);
        if (v instanceof Json.Null) {
            return Optional.empty();
        }
        if (v instanceof Json.Str s) {
            return Optional.of(s.value());
        }
        throw new IllegalArgumentException(origin + ": error: \"" + key + "\" must be a string, found " + v.typeName());
    }

    private static Hint hint(Json.Obj obj, String key) {
        Json v = obj.get(key).orElse(Json.NULL);
        return v instanceof Json.Bool b ? Hint.of(b.value()) : Hint.ABSENT;
    }

    /** The tools of a JSON document: one tool object, an array of them, or {@code {"tools": [...]}}. */
    public static List<Json> tools(Json document) {
        if (document instanceof Json.Arr a) {
            return a.items();
        }
        if (document instanceof Json.Obj o && o.get("tools").orElse(null) instanceof Json.Arr a && o.get("name").isEmpty()) {
            return a.items();
        }
        return List.of(document);
    }
}
