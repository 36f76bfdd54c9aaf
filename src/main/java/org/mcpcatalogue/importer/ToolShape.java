package org.mcpcatalogue.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.classify.ToolJson;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Fingerprint;
import org.mcpcatalogue.model.Tool;

/**
 * The MCP {@code Tool} shape as the catalogue stores it: the fields of the 2025-11-25 specification in the
 * documented order, then the catalogue's own {@code classification} and {@code fingerprint}. Fields a source
 * adds beyond that shape are dropped with a note (the loader would refuse them).
 */
public final class ToolShape {

    /** MCP Tool fields, in the order a catalogue file lists them. */
    public static final List<String> MCP_FIELDS = List.of("name", "title", "description", "inputSchema", "outputSchema",
            "annotations", "icons", "execution", "_meta");
    /** Every field of a catalogue tool, in order. */
    public static final List<String> FIELDS = List.of("name", "title", "description", "inputSchema", "outputSchema",
            "annotations", "icons", "execution", "_meta", "classification", "fingerprint");
    static final List<String> ANNOTATION_FIELDS = List.of("title", "readOnlyHint", "destructiveHint", "idempotentHint",
            "openWorldHint");
    static final Json.Obj EMPTY_SCHEMA = Json.obj("type", Json.str("object"));

    private ToolShape() {
    }

    /**
     * An MCP tool object reduced to the catalogue's shape (MCP fields only, in order; a missing inputSchema
     * becomes {@code {type: object}}).
     *
     * @throws ImportException when the object is not a tool (no name, wrong types)
     */
    public static Json.Obj of(Json value, String origin, List<String> notes) throws ImportException {
        try {
            ToolJson.read(value, origin);
        } catch (IllegalArgumentException e) {
            throw new ImportException(e.getMessage());
        }
        Json.Obj tool = (Json.Obj) value;
        String name = ((Json.Str) tool.get("name").orElseThrow()).value();
        Map<String, Json> out = new LinkedHashMap<>();
        for (String field : MCP_FIELDS) {
            tool.get(field).filter(v -> !(v instanceof Json.Null)).ifPresent(v -> out.put(field, v));
        }
        out.putIfAbsent("inputSchema", EMPTY_SCHEMA);
        if (out.get("annotations") instanceof Json.Obj a) {
            Map<String, Json> kept = new LinkedHashMap<>();
            for (String f : ANNOTATION_FIELDS) {
                a.get(f).filter(v -> !(v instanceof Json.Null)).ifPresent(v -> kept.put(f, v));
            }
            List<String> dropped = new ArrayList<>(a.members().keySet());
            dropped.removeAll(ANNOTATION_FIELDS);
            if (!dropped.isEmpty()) {
                notes.add("dropped annotation " + String.join(", ", dropped) + " of tool " + name
                        + " (not an MCP tool annotation)");
            }
            if (kept.isEmpty()) {
                out.remove("annotations");
            } else {
                out.put("annotations", new Json.Obj(kept));
            }
        }
        List<String> unknown = new ArrayList<>(tool.members().keySet());
        unknown.removeAll(MCP_FIELDS);
        if (!unknown.isEmpty()) {
            notes.add("dropped field " + String.join(", ", unknown) + " of tool " + name
                    + " (not part of the MCP Tool shape)");
        }
        return new Json.Obj(out);
    }

    /** The fingerprint of a catalogue tool object (its MCP fields; classification and fingerprint ignored). */
    public static String fingerprint(Json.Obj tool) {
        Tool t = ToolJson.read(tool, "import");
        return Fingerprint.of(t);
    }

    /** The tool's name. */
    public static String name(Json.Obj tool) {
        return tool.get("name").map(v -> v instanceof Json.Str s ? s.value() : JsonText.write(v)).orElse("");
    }

    /** The tool's description, or "" when it has none. */
    public static String description(Json.Obj tool) {
        return tool.get("description").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).orElse("");
    }

    /** The same members in {@link #FIELDS} order (unknown ones last, in their order). */
    public static Json.Obj ordered(Map<String, Json> members) {
        return ordered(members, FIELDS);
    }

    /** The same members in the given order (unknown ones last, in their order). */
    static Json.Obj ordered(Map<String, Json> members, List<String> order) {
        Map<String, Json> out = new LinkedHashMap<>();
        for (String f : order) {
            if (members.containsKey(f)) {
                out.put(f, members.get(f));
            }
        }
        members.forEach(out::putIfAbsent);
        return new Json.Obj(out);
    }
}
