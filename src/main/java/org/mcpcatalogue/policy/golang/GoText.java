package org.mcpcatalogue.policy.golang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.mcpcatalogue.json.Json;

/** Go's text conventions: {@code %q}, {@code %v} and {@code strconv.Atoi}. */
public final class GoText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoText() {
    }

    /**
     * {@code fmt.Sprintf("%q", s)} ({@code strconv.Quote}): double quotes; {@code "} and {@code \} escaped;
     * printable runes as they are; {@code \a \b \f \n \r \t \v}; other runes below U+0080 as {@code \xHH}, others as
     * a backslash, {@code u} and 4 hex digits or {@code U} and 8. A lone surrogate (not valid UTF-8 in Go) prints as U+FFFD.
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                cp = 0xFFFD;
            }
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> {
                    if (isPrint(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < ' ' || cp == 0x7F) {
                        out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
                    } else if (cp < 0x10000) {
                        hex(out.append("\\u"), cp, 4);
                    } else {
                        hex(out.append("\\U"), cp, 8);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void hex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xF]);
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * {@code fmt.Sprint(v)} of the Go value a JSON value stands for. {@code numbersAreFloats} says whether every
     * number is a {@code float64} (values decoded from JSON, such as call arguments) or whether a number of scale 0
     * is an {@code int} (values decoded from YAML).
     */
    public static String sprint(Json value, boolean numbersAreFloats) {
        StringBuilder out = new StringBuilder();
        sprint(value, numbersAreFloats, out);
        return out.toString();
    }

    private static void sprint(Json value, boolean floats, StringBuilder out) {
        java.util.Optional<String> special = org.mcpcatalogue.policy.model.GoValues.text(value);
        if (special.isPresent()) {
            out.append(special.get());
        } else if (value instanceof Json.Str s) {
            out.append(s.value());
        } else if (value instanceof Json.Num n) {
            if (!floats && n.value().scale() == 0) {
                out.append(n.value().toBigInteger());
            } else {
                out.append(formatFloat(n.value().doubleValue()));
            }
        } else if (value instanceof Json.Bool b) {
            out.append(b.value());
        } else if (value instanceof Json.Null) {
            out.append("<nil>");
        } else if (value instanceof Json.Arr a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                sprint(a.items().get(i), floats, out);
            }
            out.append(']');
        } else if (value instanceof Json.Obj o) {
            // fmt prints map keys sorted.
            out.append("map[");
            boolean first = true;
            for (Map.Entry<String, Json> e : new TreeMap<>(o.members()).entrySet()) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                out.append(e.getKey()).append(':');
                sprint(e.getValue(), floats, out);
            }
            out.append(']');
        }
    }

    /**
     * {@code strconv.FormatFloat(f, 'g', -1, 64)}, which is also {@code %v}: the shortest decimal that reads back
     * as {@code f}, in exponent form ({@code 1e+06}) when the exponent is below -4 or at least 6.
     */
    public static String formatFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        } else if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        } else if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == f) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
        StringBuilder out = new StringBuilder();
        if (f < 0) {
            out.append('-');
        }
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (exp < 0) {
            out.append("0.").append("0".repeat(-exp - 1)).append(digits);
        } else if (digits.length() <= exp + 1) {
            out.append(digits).append("0".repeat(exp + 1 - digits.length()));
        } else {
            out.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return out.toString();
    }

    /** Whether {@code strings.TrimSpace(s)} is empty: only Go's {@code unicode.IsSpace} runes. */
    public static boolean isBlank(String s) {
        return s.codePoints().allMatch(GoText::isSpace);
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> cp > 0xFF && (Character.getType(cp) == Character.SPACE_SEPARATOR
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR);
        };
    }

    /** {@code strconv.Atoi}: an optional sign and decimal digits that fit in an int64; anything else is empty. */
    public static OptionalLong atoi(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (s.length() == start) {
            return OptionalLong.empty();
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        BigInteger v = new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s);
        if (v.compareTo(INT64_MIN) < 0 || v.compareTo(INT64_MAX) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(v.longValue());
    }
}
