package org.mcpcatalogue.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads and writes JSON text as {@link Json} values. Writing is canonical: object members in their stored
 * order, no insignificant white space, strings escaped as RFC 8259 requires (non-ASCII kept as UTF-8), numbers
 * in their shortest exact decimal form.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonText() {
    }

    /**
     * Parses one JSON value.
     *
     * @throws JacksonException with a location when the text is not JSON, has a duplicate key, or has trailing content
     */
    public static Json parse(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty input: expected a JSON value");
            }
            Json value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the JSON value at column "
                        + parser.currentTokenLocation().getColumnNr());
            }
            return value;
        }
    }

    private static Json read(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT: {
                Map<String, Json> members = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken()));
                }
                return new Json.Obj(members);
            }
            case START_ARRAY: {
                List<Json> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(parser, t));
                }
                return new Json.Arr(items);
            }
            case VALUE_STRING:
                return new Json.Str(parser.getString());
            case VALUE_NUMBER_INT:
                return new Json.Num(new BigDecimal(parser.getBigIntegerValue()));
            case VALUE_NUMBER_FLOAT:
                return new Json.Num(parser.getDecimalValue());
            case VALUE_TRUE:
                return Json.TRUE;
            case VALUE_FALSE:
                return Json.FALSE;
            case VALUE_NULL:
                return Json.NULL;
            default:
                throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** Compact canonical JSON text of a value. */
    public static String write(Json value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Json value, StringBuilder out) {
        if (value instanceof Json.Obj obj) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> e : obj.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Json.Arr arr) {
            out.append('[');
            for (int i = 0; i < arr.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(arr.items().get(i), out);
            }
            out.append(']');
        } else if (value instanceof Json.Str s) {
            quote(s.value(), out);
        } else if (value instanceof Json.Num n) {
            out.append(number(n.value()));
        } else if (value instanceof Json.Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    /**
     * Canonical JSON for hashing: object members sorted by key (by UTF-16 code units, as RFC 8785 orders
     * them), no white space, numbers in their shortest exact form. Two values that mean the same give the same
     * text whatever order their members were written in.
     */
    public static String canonical(Json value) {
        return write(sorted(value));
    }

    private static Json sorted(Json value) {
        if (value instanceof Json.Obj o) {
            java.util.TreeMap<String, Json> members = new java.util.TreeMap<>();
            o.members().forEach((k, v) -> members.put(k, sorted(v)));
            return new Json.Obj(members);
        } else if (value instanceof Json.Arr a) {
            return new Json.Arr(a.items().stream().map(JsonText::sorted).toList());
        }
        return value;
    }

    /** A number's shortest exact decimal text: integers without a fraction, others without trailing zeros. */
    public static String number(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 21) {
            return stripped.toBigIntegerExact().toString();
        }
        return stripped.toString();
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A string as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(s, out);
        return out.toString();
    }
}
