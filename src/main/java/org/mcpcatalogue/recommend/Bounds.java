package org.mcpcatalogue.recommend;

import java.math.BigDecimal;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/** Which schema numbers a policy can hold exactly, and how to name any number in a sentence. */
public final class Bounds {

    private Bounds() {
    }

    /**
     * The bound as the policy writes it, when Intercept compares it exactly: an integer or a float64 that reads
     * back as the same number, at most {@link Json.Num#MAX_SAFE_INTEGER} in magnitude (beyond that, or for an unsigned integer
     * from 2^63, float64 comparisons no longer tell the bound from its neighbours). Never expands a huge
     * exponent.
     */
    public static Optional<Json.Num> expressible(BigDecimal value) {
        if (value.signum() == 0) {
            return Optional.of(Json.Num.of(0));
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (integerDigits > 16 || integerDigits < -300 || stripped.abs().compareTo(Json.Num.MAX_SAFE_INTEGER) > 0) {
            return Optional.empty();
        }
        if (stripped.scale() <= 0) {
            return Optional.of(new Json.Num(stripped.setScale(0)));
        }
        double d = stripped.doubleValue();
        if (!Double.isFinite(d) || d == 0 || BigDecimal.valueOf(d).compareTo(stripped) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Json.Num(BigDecimal.valueOf(d)));
    }

    /** A number for a sentence: never thousands of digits. */
    public static String shortNumber(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (stripped.precision() <= 40 && integerDigits <= 40 && integerDigits >= -20) {
            return JsonText.number(value);
        }
        String digits = stripped.unscaledValue().abs().toString();
        String mantissa = digits.length() > 12 ? digits.charAt(0) + "." + digits.substring(1, 12) + "…"
                : digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (stripped.signum() < 0 ? "-" : "") + mantissa + "e" + (integerDigits - 1);
    }

}
