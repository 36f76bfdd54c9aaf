package org.mcpcatalogue.policy.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mcpcatalogue.json.Json;

/**
 * One condition {@code {path, op, value}}. The value is what Go's YAML decoder would put in an
 * {@code interface{}}; a number whose {@link BigDecimal#scale()} is 0 stands for a Go {@code int}, any other
 * number for a {@code float64} (kept in the canonical form {@link BigDecimal#valueOf(double)}), so that
 * {@code 5} and {@code 5.0} stay different, as they are in Intercept's messages and text comparisons.
 *
 * @param path  {@code args.<dot path>} or {@code state.<scope>.<counter>}
 * @param op    one of {@link Operator}'s texts (kept as text, so a model may hold an unknown operator)
 * @param value a JSON value; {@link Json#NULL} when the file gives none
 */
public record Condition(String path, String op, Json value) {

    private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal UINT64_MAX = new BigDecimal("18446744073709551615");

    public Condition {
        path = Objects.requireNonNullElse(path, "");
        op = Objects.requireNonNullElse(op, "");
        value = canonical(Objects.requireNonNullElse(value, Json.NULL));
    }

    public static Condition of(String path, Operator op, Json value) {
        return new Condition(path, op.text(), value);
    }

    /** {@code args.<argument> exists: true}: the argument must be given and not null. */
    public static Condition requires(String argument) {
        return of("args." + argument, Operator.EXISTS, Json.TRUE);
    }

    /** True when {@code n} stands for a Go {@code int} rather than a {@code float64}. */
    public static boolean isInteger(Json.Num n) {
        return n.value().scale() == 0;
    }

    /** Floats in canonical form, recursively; everything else unchanged. */
    static Json canonical(Json value) {
        if (value instanceof Json.Num n && isInteger(n) && (n.value().compareTo(INT64_MIN) < 0
                || n.value().compareTo(UINT64_MAX) > 0)) {
            // Go's YAML decoder makes such a number a float64.
            return new Json.Num(BigDecimal.valueOf(n.value().doubleValue()));
        }
        if (value instanceof Json.Num n && !isInteger(n)) {
            BigDecimal canonical = BigDecimal.valueOf(n.value().doubleValue());
            return canonical.equals(n.value()) ? n : new Json.Num(canonical);
        } else if (value instanceof Json.Arr a) {
            return new Json.Arr(a.items().stream().map(Condition::canonical).toList());
        } else if (value instanceof Json.Obj o) {
            Map<String, Json> members = new LinkedHashMap<>();
            o.members().forEach((k, v) -> members.put(k, canonical(v)));
            return new Json.Obj(members);
        }
        return value;
    }
}
