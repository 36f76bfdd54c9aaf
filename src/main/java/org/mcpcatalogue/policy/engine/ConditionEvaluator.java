package org.mcpcatalogue.policy.engine;

import java.util.Optional;
import java.util.OptionalDouble;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.golang.GoRegexp;
import org.mcpcatalogue.policy.golang.GoText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.GoValues;

/**
 * Whether one condition holds for a value found at its path, with Intercept's type rules: numbers compare as
 * {@code float64}; {@code eq} compares numerically when both sides are numbers and otherwise as Go prints them
 * ({@code true} equals {@code "true"}); a missing path makes every operator but {@code exists} false.
 */
final class ConditionEvaluator {

    /** A value found at a path; {@code floats} when its numbers are {@code float64} (decoded from JSON). */
    record Found(Json value, boolean floats) {
    }

    private final Condition condition;
    private final GoRegexp.Compiled regex;

    ConditionEvaluator(Condition condition) {
        this.condition = condition;
        this.regex = "regex".equals(condition.op()) && condition.value() instanceof Json.Str s
                && GoRegexp.compile(s.value()) instanceof GoRegexp.Compiled c ? c : null;
    }

    Condition condition() {
        return condition;
    }

    boolean holds(Optional<Found> found) {
        Json expected = condition.value();
        if ("exists".equals(condition.op())) {
            boolean present = found.isPresent() && !(found.get().value() instanceof Json.Null);
            return expected instanceof Json.Bool b && b.value() == present;
        }
        if (found.isEmpty()) {
            return false;
        }
        Found actual = found.get();
        Json v = actual.value();
        return switch (condition.op()) {
            case "eq" -> equal(actual, expected);
            case "neq" -> !equal(actual, expected);
            case "in" -> expected instanceof Json.Arr list && list.items().stream().anyMatch(e -> equal(actual, e));
            case "not_in" -> expected instanceof Json.Arr list && list.items().stream().noneMatch(e -> equal(actual, e));
            case "lt", "lte", "gt", "gte" -> numeric(condition.op(), v, expected);
            case "regex" -> regex != null && v instanceof Json.Str s && regex.find(s.value());
            case "contains" -> contains(actual, expected);
            default -> false;
        };
    }

    /** {@code a <op> b} when both are numbers (as float64); false otherwise. */
    private static boolean numeric(String op, Json a, Json b) {
        OptionalDouble x = GoValues.toFloat64(a);
        OptionalDouble y = GoValues.toFloat64(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        double l = x.getAsDouble();
        double r = y.getAsDouble();
        return switch (op) {
            case "lt" -> l < r;
            case "lte" -> l <= r;
            case "gt" -> l > r;
            default -> l >= r;
        };
    }

    static boolean equal(Found actual, Json expected) {
        OptionalDouble x = GoValues.toFloat64(actual.value());
        OptionalDouble y = GoValues.toFloat64(expected);
        if (x.isPresent() && y.isPresent()) {
            return x.getAsDouble() == y.getAsDouble();
        }
        return GoText.sprint(actual.value(), actual.floats()).equals(GoText.sprint(expected, false));
    }

    private static boolean contains(Found actual, Json expected) {
        if (actual.value() instanceof Json.Str s) {
            return expected instanceof Json.Str sub && s.value().contains(sub.value());
        } else if (actual.value() instanceof Json.Arr list) {
            return list.items().stream().anyMatch(item -> equal(new Found(item, actual.floats()), expected));
        }
        return false;
    }
}
