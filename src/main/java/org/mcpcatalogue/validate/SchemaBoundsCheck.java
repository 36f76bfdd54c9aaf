package org.mcpcatalogue.validate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.load.SourceMap;
import org.mcpcatalogue.text.HiddenText;

/**
 * Numbers and bounds in tools' JSON Schemas that later stages turn into policy conditions, example calls and
 * page text. Every number must be a finite 64-bit floating-point number (what JSON readers and Intercept
 * use: {@code 1e400} would become infinity, {@code 1e-400} zero); a whole-number bound beyond ±(2^53 − 1)
 * ({@link Json.Num#MAX_SAFE_INTEGER}), where a float64 stops telling it from its neighbours, is a warning (the policy leaves it out); counts ({@code minLength}, {@code maxItems}, …) are whole
 * numbers from 0. A schema whose bounds admit no value ({@code minimum} above {@code maximum}, …) is an error,
 * as is a {@code default} outside its bounds or its {@code enum}. An enum of more than {@value #MAX_ENUM}
 * values is a warning.
 */
final class SchemaBoundsCheck implements Check.PerServer {

    /** The most enum values a schema should list. */
    static final int MAX_ENUM = 1000;
    private static final List<String> NUMERIC = List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf");
    private static final List<String> COUNTS = List.of("minLength", "maxLength", "minItems", "maxItems",
            "minProperties", "maxProperties", "minContains", "maxContains");

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        SourceMap pos = s.positions();
        SchemaWalk.numbers(s, (n, p) -> finite(n).ifPresent(problem -> out.error(pos.at(p),
                "the number " + text(n.value()) + " " + problem)));
        SchemaWalk.objects(s, (o, p) -> bounds(o, p, pos, out));
    }

    /** Why {@code n} cannot be read as a 64-bit float without changing its meaning, if it cannot. */
    static Optional<String> finite(Json.Num n) {
        double d = n.value().doubleValue();
        if (Double.isInfinite(d)) {
            return Optional.of("is out of range: as a 64-bit floating-point number (JSON readers, Intercept) it is "
                    + (d > 0 ? "" : "minus ") + "infinity");
        }
        if (d == 0 && n.value().signum() != 0) {
            return Optional.of("is out of range: as a 64-bit floating-point number (JSON readers, Intercept) it is 0");
        }
        return Optional.empty();
    }

    private static void bounds(Json.Obj o, String p, SourceMap pos, Diagnostics out) {
        for (String key : NUMERIC) {
            num(o, key).ifPresent(v -> {
                if (isWhole(v) && v.abs().compareTo(Json.Num.MAX_SAFE_INTEGER) > 0) {
                    out.warning(pos.at(p + "/" + key), key + " " + text(v) + " is beyond ±(2^53 − 1) (9007199254740991):"
                            + " a 64-bit floating-point number (JSON readers, Intercept) cannot tell it from its neighbours, so the"
                            + " recommended policy leaves this bound out");
                } else if (key.equals("multipleOf") && v.signum() <= 0) {
                    out.error(pos.at(p + "/" + key), "multipleOf must be greater than 0, got " + text(v));
                }
            });
        }
        for (String key : COUNTS) {
            num(o, key).filter(v -> !validCount(v)).ifPresent(v ->
                    out.error(pos.at(p + "/" + key), key + " must be a whole number from 0 to 2^53 − 1, got " + text(v)));
        }
        Optional<BigDecimal> min = num(o, "minimum");
        Optional<BigDecimal> max = num(o, "maximum");
        Optional<BigDecimal> xmin = num(o, "exclusiveMinimum");
        Optional<BigDecimal> xmax = num(o, "exclusiveMaximum");
        // JSON Schema draft 4 wrote an exclusive bound as minimum/maximum with exclusiveMinimum/Maximum: true.
        boolean minExclusive = Json.TRUE.equals(o.get("exclusiveMinimum").orElse(null));
        boolean maxExclusive = Json.TRUE.equals(o.get("exclusiveMaximum").orElse(null));
        empty(o, p, pos, out, "minimum", min, "maximum", max, minExclusive || maxExclusive);
        empty(o, p, pos, out, "exclusiveMinimum", xmin, "maximum", max, true);
        empty(o, p, pos, out, "minimum", min, "exclusiveMaximum", xmax, true);
        empty(o, p, pos, out, "exclusiveMinimum", xmin, "exclusiveMaximum", xmax, true);
        for (String[] pair : new String[][] {{"minLength", "maxLength"}, {"minItems", "maxItems"},
                {"minProperties", "maxProperties"}, {"minContains", "maxContains"}}) {
            empty(o, p, pos, out, pair[0], count(o, pair[0]), pair[1], count(o, pair[1]), false);
        }
        Optional<Json> dflt = o.get("default");
        if (dflt.isPresent()) {
            String at = p + "/default";
            if (dflt.get() instanceof Json.Num n) {
                BigDecimal v = n.value();
                min.filter(m -> v.compareTo(m) < 0 || (minExclusive && v.compareTo(m) == 0))
                        .ifPresent(m -> outside(pos, out, at, v, minExclusive ? "not above the exclusive minimum" : "below the minimum", m));
                xmin.filter(m -> v.compareTo(m) <= 0).ifPresent(m -> outside(pos, out, at, v, "not above the exclusiveMinimum", m));
                max.filter(m -> v.compareTo(m) > 0 || (maxExclusive && v.compareTo(m) == 0))
                        .ifPresent(m -> outside(pos, out, at, v, maxExclusive ? "not below the exclusive maximum" : "above the maximum", m));
                xmax.filter(m -> v.compareTo(m) >= 0).ifPresent(m -> outside(pos, out, at, v, "not below the exclusiveMaximum", m));
            } else if (dflt.get() instanceof Json.Str str) {
                long length = str.value().codePointCount(0, str.value().length());
                count(o, "minLength").filter(m -> BigDecimal.valueOf(length).compareTo(m) < 0).ifPresent(m -> out.error(pos.at(at),
                        "default " + HiddenText.quoted(str.value()) + " is shorter than minLength " + text(m)));
                count(o, "maxLength").filter(m -> BigDecimal.valueOf(length).compareTo(m) > 0).ifPresent(m -> out.error(pos.at(at),
                        "default " + HiddenText.quoted(str.value()) + " is longer than maxLength " + text(m)));
            }
            if (o.get("enum").orElse(null) instanceof Json.Arr values
                    && values.items().stream().noneMatch(v -> same(v, dflt.get()))) {
                out.error(pos.at(at), "default " + shown(dflt.get()) + " is not one of the values of \"enum\"");
            }
        }
        if (o.get("enum").orElse(null) instanceof Json.Arr values && values.items().size() > MAX_ENUM) {
            out.warning(pos.at(p + "/enum"), "enum has " + values.items().size() + " values, more than " + MAX_ENUM
                    + "; so long a list makes the tool's page and its policy large (a policy must stay under 1 MiB)");
        }
    }

    private static void empty(Json.Obj o, String p, SourceMap pos, Diagnostics out, String lowKey, Optional<BigDecimal> low,
                              String highKey, Optional<BigDecimal> high, boolean strict) {
        if (low.isEmpty() || high.isEmpty()) {
            return;
        }
        int c = low.get().compareTo(high.get());
        if (c > 0 || (strict && c == 0)) {
            out.error(pos.at(p + "/" + lowKey), lowKey + " " + text(low.get()) + (c > 0 ? " is greater than " : " equals ")
                    + highKey + " " + text(high.get()) + ": no value is allowed");
        }
    }

    private static void outside(SourceMap pos, Diagnostics out, String at, BigDecimal v, String what, BigDecimal bound) {
        out.error(pos.at(at), "default " + text(v) + " is " + what + " " + text(bound));
    }

    /** A finite number at {@code key}; a number that is not finite has been reported already. */
    private static Optional<BigDecimal> num(Json.Obj o, String key) {
        return o.get(key).filter(Json.Num.class::isInstance).map(j -> (Json.Num) j)
                .filter(n -> finite(n).isEmpty()).map(Json.Num::value);
    }

    private static boolean validCount(BigDecimal v) {
        return isWhole(v) && v.signum() >= 0 && v.compareTo(Json.Num.MAX_SAFE_INTEGER) <= 0;
    }

    /** A count keyword's value when it is a valid count (an invalid one has been reported). */
    private static Optional<BigDecimal> count(Json.Obj o, String key) {
        return num(o, key).filter(SchemaBoundsCheck::validCount);
    }

    private static boolean isWhole(BigDecimal v) {
        return new Json.Num(v).isIntegral();
    }

    /** JSON equality, numbers compared by value ({@code 1} equals {@code 1.0}). */
    static boolean same(Json a, Json b) {
        if (a instanceof Json.Num x && b instanceof Json.Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof Json.Arr x && b instanceof Json.Arr y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!same(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Json.Obj x && b instanceof Json.Obj y) {
            if (!x.members().keySet().equals(y.members().keySet())) {
                return false;
            }
            return x.members().entrySet().stream().allMatch(e -> same(e.getValue(), y.members().get(e.getKey())));
        }
        return a.equals(b);
    }

    private static String shown(Json v) {
        if (v instanceof Json.Str s) {
            return HiddenText.quoted(s.value());
        }
        String text = JsonText.write(v);
        return HiddenText.visible(text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }

    /** A number as written in messages: plain for whole numbers of up to 21 digits, scientific otherwise. */
    static String text(BigDecimal v) {
        return JsonText.number(v);
    }
}
