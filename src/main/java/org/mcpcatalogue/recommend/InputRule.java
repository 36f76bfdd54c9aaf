package org.mcpcatalogue.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;

/**
 * What "validate required arguments" means in Intercept's language: for each required input,
 * {@code exists: true}, and where the schema says so, {@code in} its enum and {@code gte}/{@code lte} its
 * bounds. Optional inputs are not constrained: a condition on a missing argument is false in Intercept, so
 * bounding an optional input would refuse every call that leaves it out.
 *
 * <p>What a policy cannot express is left out and said in a note, never guessed: a bound beyond
 * {@link org.mcpcatalogue.json.Json.Num#MAX_SAFE_INTEGER} in magnitude (Intercept compares numbers as float64, and yaml.v3 reads integers from 2^63
 * as unsigned, which {@code lt}/{@code gt} do not compare at all), a bound that float64 cannot hold exactly, and
 * an enum whose values would take more than {@link #MAX_ENUM_CHARS} characters of YAML.
 */
record InputRule(List<Condition> conditions, String summary, String message, List<String> notes) {

    /** The most YAML an enum check may take in a policy (a server's file must stay under 1 MiB). */
    static final int MAX_ENUM_CHARS = 16 * 1024;
    /** How many allowed values the on_deny message lists. */
    static final int LISTED_VALUES = 20;

    static InputRule of(Tool tool) {
        List<Condition> conditions = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Map<String, Json> props = tool.inputProperties().members();
        List<String> required = tool.requiredInputs();
        for (String name : required) {
            if (name.isEmpty() || name.contains(".")) {
                notes.add("The required input " + JsonText.quote(name) + " cannot be named in a policy path (paths split on \".\"),"
                        + " so it is not checked.");
                continue;
            }
            checked.add(name);
            conditions.add(Recommender.condition(name, Operator.EXISTS, Json.TRUE));
            StringBuilder need = new StringBuilder(name);
            if (props.get(name) instanceof Json.Obj p) {
                if (p.get("enum").orElse(null) instanceof Json.Arr values && !values.items().isEmpty()
                        && values.items().stream().allMatch(v -> v instanceof Json.Str || v instanceof Json.Num || v instanceof Json.Bool)) {
                    enumCheck(name, values, conditions, need, notes);
                }
                bound(p, "minimum", Operator.GTE, name, conditions, need, " ≥ ", notes);
                bound(p, "exclusiveMinimum", Operator.GT, name, conditions, need, " > ", notes);
                bound(p, "maximum", Operator.LTE, name, conditions, need, " ≤ ", notes);
                bound(p, "exclusiveMaximum", Operator.LT, name, conditions, need, " < ", notes);
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
        String summary = "require " + String.join(", ", checked);
        String message = tool.name() + " needs " + String.join("; ", needs) + ". Call it again with every required input.";
        return new InputRule(conditions, summary, message, notes);
    }

    private static void enumCheck(String name, Json.Arr values, List<Condition> out, StringBuilder need, List<String> notes) {
        List<Json> kept = new ArrayList<>();
        for (Json v : values.items()) {
            if (v instanceof Json.Num n) {
                Optional<Json.Num> exact = Bounds.expressible(n.value());
                if (exact.isEmpty()) {
                    notes.add("Enum check not enforced: the allowed values of " + name + " include the number "
                            + Bounds.shortNumber(n.value()) + ", which Intercept cannot compare exactly, so the policy leaves"
                            + " the enum out.");
                    return;
                }
                kept.add(exact.get());
            } else {
                kept.add(v);
            }
        }
        long chars = 0;
        for (Json v : kept) {
            chars += JsonText.write(v).length() + 2;
            if (chars > MAX_ENUM_CHARS) {
                notes.add("Enum check not enforced: " + name + " has " + kept.size() + " allowed values, more than a"
                        + " policy file can carry (over " + (MAX_ENUM_CHARS / 1024) + " KiB of YAML for one check), so"
                        + " the policy leaves the enum out.");
                return;
            }
        }
        out.add(Recommender.condition(name, Operator.IN, new Json.Arr(kept)));
        List<String> listed = kept.stream().limit(LISTED_VALUES).map(InputRule::text).toList();
        need.append(" (one of ").append(String.join(", ", listed))
                .append(kept.size() > LISTED_VALUES ? ", … (" + kept.size() + " values)" : "").append(")");
    }

    private static void bound(Json.Obj p, String key, Operator op, String name, List<Condition> out, StringBuilder need,
                              String sign, List<String> notes) {
        if (p.get(key).orElse(null) instanceof Json.Num n) {
            Optional<Json.Num> exact = Bounds.expressible(n.value());
            if (exact.isEmpty()) {
                notes.add("Bound not enforced: " + key + " " + Bounds.shortNumber(n.value()) + " of " + name + " is beyond what"
                        + " Intercept compares exactly (it compares numbers as float64, exact up to 2^53 − 1 in"
                        + " magnitude), so the policy leaves it out.");
                return;
            }
            out.add(Recommender.condition(name, op, exact.get()));
            need.append(", ").append(name).append(sign).append(JsonText.number(exact.get().value()));
        }
    }

    private static String text(Json v) {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        return JsonText.write(v);
    }
}
