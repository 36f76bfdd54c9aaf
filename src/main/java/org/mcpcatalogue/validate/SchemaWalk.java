package org.mcpcatalogue.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.load.SourceMap;
import org.mcpcatalogue.model.Tool;

/**
 * Visits the JSON Schemas of every tool (input and output) and every object nested in them, with its JSON
 * Pointer in the file. The values of {@code default}, {@code const}, {@code enum} and {@code examples} are data,
 * not schemas, so objects inside them are not visited as schemas.
 */
final class SchemaWalk {

    static final Set<String> DATA_KEYWORDS = Set.of("default", "const", "enum", "examples");

    private SchemaWalk() {
    }

    /** Calls {@code visit} for each schema object of each tool of {@code s}. */
    static void objects(LoadedServer s, BiConsumer<Json.Obj, String> visit) {
        schemas(s, (schema, pointer) -> objects(schema, pointer, visit));
    }

    /** Calls {@code visit} with each tool's input and output schema that the file holds, and its pointer. */
    private static void schemas(LoadedServer s, BiConsumer<Json, String> visit) {
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            String p = "/tools/" + i;
            if (s.positions().find(p + "/inputSchema").isPresent()) {
                visit.accept(t.inputSchema(), p + "/inputSchema");
            }
            if (t.outputSchema().isPresent() && s.positions().find(p + "/outputSchema").isPresent()) {
                visit.accept(t.outputSchema().get(), p + "/outputSchema");
            }
        }
    }

    private static void objects(Json node, String pointer, BiConsumer<Json.Obj, String> visit) {
        if (node instanceof Json.Obj o) {
            visit.accept(o, pointer);
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                if (!DATA_KEYWORDS.contains(e.getKey())) {
                    objects(e.getValue(), pointer + "/" + SourceMap.segment(e.getKey()), visit);
                }
            }
        } else if (node instanceof Json.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                objects(a.items().get(i), pointer + "/" + i, visit);
            }
        }
    }

    /** Calls {@code visit} for every number anywhere in the tools' schemas, data keywords included. */
    static void numbers(LoadedServer s, BiConsumer<Json.Num, String> visit) {
        schemas(s, (schema, pointer) -> numbers(schema, pointer, visit));
    }

    private static void numbers(Json node, String pointer, BiConsumer<Json.Num, String> visit) {
        if (node instanceof Json.Num n) {
            visit.accept(n, pointer);
        } else if (node instanceof Json.Obj o) {
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                numbers(e.getValue(), pointer + "/" + SourceMap.segment(e.getKey()), visit);
            }
        } else if (node instanceof Json.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                numbers(a.items().get(i), pointer + "/" + i, visit);
            }
        }
    }
}
