package org.mcpcatalogue.prove;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Tool;

/** Call arguments made from a tool's input schema: every required input present with a value the schema allows. */
final class ExampleArguments {

    private ExampleArguments() {
    }

    static Json.Obj complete(Tool tool) {
        Map<String, Json> args = new LinkedHashMap<>();
        Map<String, Json> props = tool.inputProperties().members();
        for (String name : tool.requiredInputs()) {
            args.put(name, example(props.get(name)));
        }
        return new Json.Obj(args);
    }

    static Json.Obj without(Json.Obj args, String name) {
        Map<String, Json> copy = new LinkedHashMap<>(args.members());
        copy.remove(name);
        return new Json.Obj(copy);
    }

    static Json.Obj with(Json.Obj args, String name, Json value) {
        Map<String, Json> copy = new LinkedHashMap<>(args.members());
        copy.put(name, value);
        return new Json.Obj(copy);
    }

    /** A bound the policy enforces (one it leaves out, such as 2^64, is no example). */
    private static java.util.Optional<Json> exact(Json.Obj schema, String key) {
        return schema.get(key).filter(Json.Num.class::isInstance)
                .flatMap(n -> org.mcpcatalogue.recommend.Bounds.expressible(((Json.Num) n).value())).map(n -> (Json) n);
    }

    /**
     * Whether a default respects the schema's own bounds (validate refuses one that does not, but
     * {@code catalogue classify} reads pasted JSON without validating it).
     */
    private static boolean withinBounds(Json.Obj schema, Json value) {
        if (!(value instanceof Json.Num n)) {
            return true;
        }
        return holds(schema, "minimum", n, c -> c >= 0) && holds(schema, "exclusiveMinimum", n, c -> c > 0)
                && holds(schema, "maximum", n, c -> c <= 0) && holds(schema, "exclusiveMaximum", n, c -> c < 0);
    }

    /** True when the schema has no such bound, or {@code value} compared with it satisfies {@code ok}. */
    private static boolean holds(Json.Obj schema, String key, Json.Num value, java.util.function.IntPredicate ok) {
        return !(schema.get(key).orElse(null) instanceof Json.Num bound) || ok.test(value.value().compareTo(bound.value()));
    }

    private static Json example(Json schema) {
        if (!(schema instanceof Json.Obj s)) {
            return new Json.Str("example");
        }
        if (s.get("enum").orElse(null) instanceof Json.Arr values && !values.items().isEmpty()) {
            return values.items().get(0);
        }
        if (s.get("default").isPresent() && withinBounds(s, s.get("default").get())) {
            return s.get("default").get();
        }
        String type = s.get("type").orElse(null) instanceof Json.Str t ? t.value() : "string";
        return switch (type) {
            case "integer", "number" -> exact(s, "minimum").or(() -> exact(s, "maximum")).orElse(Json.Num.of(1));
            case "boolean" -> Json.TRUE;
            case "array" -> new Json.Arr(List.of());
            case "object" -> new Json.Obj(Map.of());
            default -> new Json.Str("example");
        };
    }
}
