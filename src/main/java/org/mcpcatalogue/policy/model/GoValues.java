package org.mcpcatalogue.policy.model;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mcpcatalogue.json.Json;

/**
 * Values Go's yaml.v3 can put in a condition's {@code interface{}} that JSON cannot hold: a {@code time.Time}
 * (an unquoted {@code 2026-01-01}) and the floats {@code +Inf}, {@code -Inf} and {@code NaN} ({@code .inf},
 * {@code .nan}). Each is carried as a marker object of two members whose keys start with a NUL character, which no
 * policy written in YAML by hand produces; {@link #text} is how Go's {@code %v} prints the value. Integers from
 * 2^63 to 2^64-1 (a Go {@code uint64}) need no marker: they are integral {@link Json.Num}s above
 * {@link Long#MAX_VALUE}, see {@link #isUnsigned}.
 */
public final class GoValues {

    private static final String KIND = "\u0000go";
    private static final String TEXT = "\u0000v";
    private static final String TIME = "time.Time";
    private static final String FLOAT = "float64";
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoValues() {
    }

    /** A {@code time.Time} that Go prints as {@code goText} (e.g. {@code 2026-01-01 00:00:00 +0000 UTC}). */
    public static Json timestamp(String goText) {
        return marker(TIME, goText);
    }

    /** A non-finite {@code float64}. */
    public static Json nonFinite(double value) {
        String text = Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        return marker(FLOAT, text);
    }

    private static Json marker(String kind, String text) {
        return Json.obj(KIND, Json.str(kind), TEXT, Json.str(text));
    }

    private static Optional<String> kindOf(Json value) {
        if (value instanceof Json.Obj o && o.members().size() == 2 && o.members().get(KIND) instanceof Json.Str k
                && o.members().get(TEXT) instanceof Json.Str) {
            return Optional.of(k.value());
        }
        return Optional.empty();
    }

    /** Whether the value is one of these markers. */
    public static boolean isMarker(Json value) {
        return kindOf(value).isPresent();
    }

    /** Whether the value is a {@code time.Time}. */
    public static boolean isTimestamp(Json value) {
        return kindOf(value).filter(TIME::equals).isPresent();
    }

    /** How Go's {@code %v} prints a marker. */
    public static Optional<String> text(Json value) {
        return kindOf(value).map(k -> ((Json.Str) ((Json.Obj) value).members().get(TEXT)).value());
    }

    /** A Go {@code uint64}: an integer above {@link Long#MAX_VALUE} (yaml.v3 reads these as unsigned). */
    public static boolean isUnsigned(Json value) {
        return value instanceof Json.Num n && Condition.isInteger(n) && n.value().compareTo(INT64_MAX) > 0;
    }

    /**
     * Intercept's validation of {@code lt}/{@code lte}/{@code gt}/{@code gte} values: Go's {@code int},
     * {@code int64}, {@code float32} or {@code float64}, which excludes {@code uint64} and includes the
     * non-finite floats.
     */
    public static boolean isNumericForValidation(Json value) {
        return (value instanceof Json.Num && !isUnsigned(value)) || kindOf(value).filter(FLOAT::equals).isPresent();
    }

    /** The value as a {@code float64}, when it is a number (finite or not). */
    public static OptionalDouble toFloat64(Json value) {
        if (value instanceof Json.Num n) {
            return OptionalDouble.of(n.value().doubleValue());
        }
        if (kindOf(value).filter(FLOAT::equals).isPresent()) {
            return OptionalDouble.of(switch (text(value).orElseThrow()) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            });
        }
        return OptionalDouble.empty();
    }

    /**
     * Go's {@code int64(f)} as the amd64 build of Intercept computes it: truncation toward zero, and
     * {@link Long#MIN_VALUE} for NaN and for values outside the int64 range (the CPU's "integer indefinite").
     */
    public static long int64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }
}
