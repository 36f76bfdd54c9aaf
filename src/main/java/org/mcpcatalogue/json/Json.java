package org.mcpcatalogue.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON value. The catalogue model keeps schemas and annotations in this form once YAML has been
 * read, and the policy engine sees call arguments in it, so no later stage depends on a parser's tree type.
 * Objects keep their members in document order.
 */
public sealed interface Json permits Json.Obj, Json.Arr, Json.Str, Json.Num, Json.Bool, Json.Null {

    /** A JSON object; member order is the order in which they were written. */
    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Optional<Json> get(String key) {
            return Optional.ofNullable(members.get(key));
        }
    }

    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements Json {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number. Kept exact; integers have scale 0 after {@link BigDecimal#stripTrailingZeros()} is applied by callers that need it. */
    record Num(BigDecimal value) implements Json {

        /**
         * 2^53 − 1 (JavaScript's {@code Number.MAX_SAFE_INTEGER}): the largest magnitude at which a 64-bit float,
         * what JSON readers and Intercept compare with, still holds every whole number and tells it from the next.
         * validate warns about a whole-number bound beyond it, and the recommended policy leaves such a bound out.
         */
        public static final BigDecimal MAX_SAFE_INTEGER = BigDecimal.valueOf((1L << 53) - 1);

        public Num {
            Objects.requireNonNull(value, "value");
        }

        public static Num of(long value) {
            return new Num(BigDecimal.valueOf(value));
        }

        /** True when the number has no fractional part. */
        public boolean isIntegral() {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }
    }

    record Bool(boolean value) implements Json {
    }

    record Null() implements Json {
    }

    /**
     * An object from alternating keys and values, in that order: {@code obj("a", x, "b", y)}. Use this rather
     * than {@code Map.of}, whose iteration order changes from run to run.
     */
    static Obj obj(Object... keysAndValues) {
        Map<String, Json> members = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.put((String) keysAndValues[i], (Json) keysAndValues[i + 1]);
        }
        return new Obj(members);
    }

    static Str str(String value) {
        return new Str(value);
    }

    Null NULL = new Null();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    /** The JSON type name as JSON Schema spells it ("object", "array", "string", "number", "boolean", "null"). */
    default String typeName() {
        if (this instanceof Obj) {
            return "object";
        } else if (this instanceof Arr) {
            return "array";
        } else if (this instanceof Str) {
            return "string";
        } else if (this instanceof Num n) {
            return n.isIntegral() ? "integer" : "number";
        } else if (this instanceof Bool) {
            return "boolean";
        }
        return "null";
    }
}
