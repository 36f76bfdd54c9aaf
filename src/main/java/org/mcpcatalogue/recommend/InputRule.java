package org.mcpcatalogue.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;

/**
 * What "validate required arguments" means in Intercept's language: for each required input,
 * {@code exists: true}, and where the schema says so, {@code in} its enum and {@code gte}/{@code lte} its
 * bounds. Optional inputs are not constrained: a condition on a missing argument is false in Intercept, so
 * bounding an optional input would refuse every call that leaves it out.
 */
record InputRule(List<Condition> conditions, String summary, String message, List<String> notes) {

    static InputRule of(Tool tool) {
        List<Condition> conditions = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Json> props = tool.inputProperties().members();
        List<String> required = tool.requiredInputs();
        for (String name : required) {
            if (name.isEmpty() || name.contains(".")) {
                notes.add("The required input \"" + name + "\" cannot be named in a policy path (paths split on \".\"),"
                        + " so it is not checked.");
                continue;
            }
            conditions.add(Recommender.condition(name, Operator.EXISTS, Json.TRUE));
            StringBuilder need = new StringBuilder(name);
            if (props.get(name) instanceof Json.Obj p) {
                if (p.get("enum").orElse(null) instanceof Json.Arr values && !values.items().isEmpty()
                        && values.items().stream().allMatch(v -> v instanceof Json.Str || v instanceof Json.Num || v instanceof Json.Bool)) {
                    conditions.add(Recommender.condition(name, Operator.IN, values));
                    need.append(" (one of ").append(String.join(", ", values.items().stream().map(InputRule::text).toList())).append(")");
                }
                bound(p, "minimum", Operator.GTE, name, conditions, need, " ≥ ");
                bound(p, "exclusiveMinimum", Operator.GT, name, conditions, need, " > ");
                bound(p, "maximum", Operator.LTE, name, conditions, need, " ≤ ");
                bound(p, "exclusiveMaximum", Operator.LT, name, conditions, need, " < ");
            }
            needs.add(need.toString());
        }
        long optionalBounded = props.entrySet().stream()
                .filter(e -> !required.contains(e.getKey()))
                .filter(e -> e.getValue() instanceof Json.Obj p && (p.get("enum").isPresent() || p.get("minimum").isPresent()
                        || p.get("maximum").isPresent()))
                .count();
        if (optionalBounded > 0) {
            notes.add(optionalBounded + " optional input" + (optionalBounded == 1 ? " has" : "s have")
                    + " an enum or bounds that the policy does not enforce: Intercept treats a condition on a missing"
                    + " argument as failed, so such a rule would refuse every call that leaves the input out.");
        }
        if (conditions.isEmpty()) {
            return new InputRule(List.of(), "", "", notes);
        }
        String summary = "require " + String.join(", ", required.stream().filter(r -> !r.isEmpty() && !r.contains(".")).toList());
        String message = tool.name() + " needs " + String.join("; ", needs) + ". Call it again with every required input.";
        return new InputRule(conditions, summary, message, notes);
    }

    private static void bound(Json.Obj p, String key, Operator op, String name, List<Condition> out, StringBuilder need,
                              String sign) {
        if (p.get(key).orElse(null) instanceof Json.Num n) {
            out.add(Recommender.condition(name, op, Recommender.number(n.value())));
            need.append(sign.equals(" ≥ ") || sign.equals(" > ") ? ", " : ", ").append(name).append(sign)
                    .append(org.mcpcatalogue.json.JsonText.number(n.value()));
        }
    }

    private static String text(Json v) {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        return org.mcpcatalogue.json.JsonText.write(v);
    }
}
