package org.mcpcatalogue.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.json.Json;

/**
 * A {@code tools/list} result, {@code {"tools": [...]}} (a bare array of tools is accepted too): complete MCP
 * Tool definitions. It says nothing about the server itself; its facts come from the command line.
 */
public final class ToolsListSource implements ImportSource {

    /** The kind of source, as the {@code source} field's label starts. */
    public static final String KIND = "tools/list";

    private final String text;
    private final String origin;
    private final String label;

    /**
     * @param text   the JSON text
     * @param origin how the input is named in messages (a file name, or {@code stdin})
     * @param label  the {@code source} label; defaults to one naming the input
     */
    public ToolsListSource(String text, String origin, Optional<String> label) {
        this.text = text;
        this.origin = origin;
        this.label = label.orElse(KIND + " result (" + java.nio.file.Path.of(origin).getFileName() + ")");
    }

    @Override
    public Imported read() throws ImportException {
        Json doc = JsonPaths.parse(text, origin);
        List<String> notes = new ArrayList<>();
        return new Imported(ServerFacts.NONE, tools(doc, origin, notes), Imported.Detail.FULL, KIND, label, notes);
    }

    /** The tools of a {@code tools/list} result or an array of tools, in the catalogue's shape. */
    static List<Json.Obj> tools(Json doc, String origin, List<String> notes) throws ImportException {
        List<Json> items;
        if (doc instanceof Json.Arr a) {
            items = a.items();
        } else if (doc instanceof Json.Obj o && o.get("tools").orElse(null) instanceof Json.Arr a) {
            items = a.items();
        } else if (doc instanceof Json.Obj o && o.get("result").orElse(null) instanceof Json.Obj r
                && r.get("tools").orElse(null) instanceof Json.Arr a) {
            items = a.items();
        } else {
            throw new ImportException(origin + ": expected a tools/list result {\"tools\": [...]}, found a JSON "
                    + doc.typeName() + (doc instanceof Json.Obj o ? " with " + o.members().keySet() : ""));
        }
        List<Json.Obj> tools = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            tools.add(ToolShape.of(items.get(i), origin + ": tools[" + i + "]", notes));
        }
        return tools;
    }
}
