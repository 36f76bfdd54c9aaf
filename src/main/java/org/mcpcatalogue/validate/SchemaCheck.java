package org.mcpcatalogue.validate;

import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.load.SourceMap;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * The parts of a tool's JSON Schema that later stages rely on: the schema describes an object
 * ({@code type: object}), {@code properties} maps names to schemas, and {@code required} lists names that
 * are among them. The rest of JSON Schema is left alone.
 */
final class SchemaCheck implements Check.PerServer {

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            String p = "/tools/" + i;
            if (s.positions().find(p + "/inputSchema").isPresent()) {
                schema(s, p + "/inputSchema", "inputSchema", t.inputSchema(), out);
            }
            t.outputSchema().ifPresent(o -> schema(s, p + "/outputSchema", "outputSchema", o, out));
        }
    }

    private static void schema(LoadedServer s, String pointer, String what, Json.Obj schema, Diagnostics out) {
        SourceMap pos = s.positions();
        Optional<Json> type = schema.get("type");
        if (type.isEmpty()) {
            out.error(pos.at(pointer), what + " must have \"type\": \"object\"");
        } else if (!(type.get() instanceof Json.Str str && str.value().equals("object"))) {
            out.error(pos.at(pointer + "/type"), what + " must have \"type\": \"object\", found "
                    + (type.get() instanceof Json.Str str ? HiddenText.quoted(str.value()) : type.get().typeName()));
        }
        Optional<Json> properties = schema.get("properties");
        Json.Obj props = null;
        if (properties.isPresent()) {
            if (properties.get() instanceof Json.Obj o) {
                props = o;
                for (var e : o.members().entrySet()) {
                    if (!(e.getValue() instanceof Json.Obj) && !(e.getValue() instanceof Json.Bool)) {
                        out.error(pos.at(pointer + "/properties/" + SourceMap.segment(e.getKey())),
                                "property " + HiddenText.quoted(e.getKey()) + " of " + what
                                        + " must be a schema (a mapping), found " + e.getValue().typeName());
                    }
                }
            } else {
                out.error(pos.at(pointer + "/properties"), "\"properties\" of " + what + " must be a mapping, found "
                        + properties.get().typeName());
            }
        }
        Optional<Json> required = schema.get("required");
        if (required.isPresent()) {
            if (required.get() instanceof Json.Arr arr) {
                for (int j = 0; j < arr.items().size(); j++) {
                    Json item = arr.items().get(j);
                    String at = pointer + "/required/" + j;
                    if (!(item instanceof Json.Str name)) {
                        out.error(pos.at(at), "items of \"required\" must be property names (strings), found " + item.typeName());
                    } else if (props != null && !props.members().containsKey(name.value())) {
                        out.warning(pos.at(at), "required property " + HiddenText.quoted(name.value())
                                + " is not described under \"properties\"");
                    }
                }
            } else {
                out.error(pos.at(pointer + "/required"), "\"required\" of " + what + " must be a list, found "
                        + required.get().typeName());
            }
        }
    }
}
