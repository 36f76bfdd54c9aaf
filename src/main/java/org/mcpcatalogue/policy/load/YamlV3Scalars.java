package org.mcpcatalogue.policy.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.model.GoValues;

/**
 * How Go's yaml.v3 resolves a scalar ({@code resolve} in its resolve.go), which is not YAML 1.2's core schema: a
 * plain scalar goes through {@code strconv.ParseInt(s, 0, 64)} after underscores are removed ({@code 017} is octal
 * 15, {@code 0b11} is 3, {@code 1_000} is 1000), then {@code ParseUint} (2^63 to 2^64-1 are unsigned), then
 * {@code ParseFloat} (a value out of float64's range stays text); {@code .inf} and {@code .nan} are floats; a
 * {@code YYYY-M-D} date, with or without a time, is a {@code time.Time}. Quoted and block scalars are text unless
 * tagged.
 */
final class YamlV3Scalars {

    /** What Go ends up holding. */
    enum Kind { NULL, BOOL, INT, FLOAT, NONFINITE, STRING, TIMESTAMP }

    /** A resolved scalar: the value (ints with scale 0, floats canonical, Go-only values as markers) and its kind. */
    record Resolved(Json value, Kind kind) {
    }

    /** A scalar whose explicit tag does not fit its text, which yaml.v3 refuses. */
    static final class TagMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        TagMismatch(String message) {
            super(message, null, false, false);
        }
    }

    private static final String TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                    + "(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.([0-9]+))?(Z|[-+][0-9]{2}:[0-9]{2})"
                    + "| ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.([0-9]+))?)?$");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern CORE_OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern CORE_HEX = Pattern.compile("0x[0-9a-fA-F]+");

    private YamlV3Scalars() {
    }

    /** The scalar as yaml.v3 decodes it into {@code interface{}}. */
    static Resolved resolve(V3Node.Scalar s) throws TagMismatch {
        String tag = s.tag();
        if (tag.isEmpty()) {
            return s.plain() ? resolvePlain(s.value()) : new Resolved(new Json.Str(s.value()), Kind.STRING);
        }
        String shortTag = tag.startsWith(TAG_PREFIX) ? "!!" + tag.substring(TAG_PREFIX.length()) : tag;
        switch (shortTag) {
            case "!!str":
                return new Resolved(new Json.Str(s.value()), Kind.STRING);
            case "!!binary":
                try {
                    // Go's base64.StdEncoding, which skips line breaks only.
                    String b64 = s.value().replace("\r", "").replace("\n", "");
                    if (b64.length() % 4 != 0) {
                        // Go's StdEncoding needs the padding that Java's decoder lets go.
                        throw new IllegalArgumentException("missing padding");
                    }
                    byte[] data = Base64.getDecoder().decode(b64);
                    return new Resolved(new Json.Str(new String(data, java.nio.charset.StandardCharsets.UTF_8)), Kind.STRING);
                } catch (IllegalArgumentException e) {
                    throw new TagMismatch("!!binary value contains invalid base64 data");
                }
            case "!!int", "!!float", "!!bool", "!!null", "!!timestamp": {
                Resolved r = resolvePlain(s.value());
                String got = switch (r.kind()) {
                    case NULL -> "!!null";
                    case BOOL -> "!!bool";
                    case INT -> "!!int";
                    case FLOAT, NONFINITE -> "!!float";
                    case TIMESTAMP -> "!!timestamp";
                    default -> "!!str";
                };
                if (got.equals(shortTag) || (shortTag.equals("!!float") && got.equals("!!int"))) {
                    return r.kind() == Kind.INT && shortTag.equals("!!float")
                            ? floatOf(((Json.Num) r.value()).value().toString()) : r;
                }
                throw new TagMismatch("cannot decode " + got + " `" + s.value() + "` as a " + shortTag);
            }
            default:
                // A tag yaml.v3 does not resolve leaves the text as it is.
                return new Resolved(new Json.Str(s.value()), Kind.STRING);
        }
    }

    /** yaml.v3's {@code resolve} for an untagged plain scalar. */
    static Resolved resolvePlain(String in) {
        switch (in) {
            case "", "~", "null", "Null", "NULL":
                return new Resolved(Json.NULL, Kind.NULL);
            case "true", "True", "TRUE":
                return new Resolved(Json.TRUE, Kind.BOOL);
            case "false", "False", "FALSE":
                return new Resolved(Json.FALSE, Kind.BOOL);
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return new Resolved(GoValues.nonFinite(Double.POSITIVE_INFINITY), Kind.NONFINITE);
            case "-.inf", "-.Inf", "-.INF":
                return new Resolved(GoValues.nonFinite(Double.NEGATIVE_INFINITY), Kind.NONFINITE);
            case ".nan", ".NaN", ".NAN":
                return new Resolved(GoValues.nonFinite(Double.NaN), Kind.NONFINITE);
            default:
                break;
        }
        char hint = in.charAt(0);
        if (hint == '.') {
            if (YAML_FLOAT.matcher(in).matches()) {
                return floatOf(in);
            }
        } else if (hint == '+' || hint == '-' || (hint >= '0' && hint <= '9')) {
            Optional<String> time = timestamp(in);
            if (time.isPresent()) {
                return new Resolved(GoValues.timestamp(time.get()), Kind.TIMESTAMP);
            }
            String plain = in.replace("_", "");
            Optional<BigInteger> integer = parseIntBase0(plain);
            if (integer.isPresent()) {
                return new Resolved(new Json.Num(new BigDecimal(integer.get())), Kind.INT);
            }
            if (YAML_FLOAT.matcher(plain).matches()) {
                return floatOf(plain);
            }
        }
        return new Resolved(new Json.Str(in), Kind.STRING);
    }

    private static Resolved floatOf(String text) {
        double d = Double.parseDouble(text);
        // strconv.ParseFloat fails with ErrRange past float64's range, and yaml.v3 then keeps the text.
        return Double.isInfinite(d)
                ? new Resolved(new Json.Str(text), Kind.STRING)
                : new Resolved(new Json.Num(BigDecimal.valueOf(d)), Kind.FLOAT);
    }

    /** {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint} for large positive values. */
    static Optional<BigInteger> parseIntBase0(String s) {
        boolean negative = false;
        String t = s;
        boolean signed = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            signed = true;
            t = t.substring(1);
        }
        int radix = 10;
        if (t.length() > 2 && t.charAt(0) == '0' && "xXbBoO".indexOf(t.charAt(1)) >= 0) {
            radix = switch (Character.toLowerCase(t.charAt(1))) {
                case 'x' -> 16;
                case 'b' -> 2;
                default -> 8;
            };
            t = t.substring(2);
        } else if (t.length() > 1 && t.charAt(0) == '0') {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix) {
                return Optional.empty();
            }
        }
        BigInteger v = new BigInteger(t, radix);
        if (negative) {
            v = v.negate();
        }
        if (v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0) {
            return Optional.of(v);
        }
        if (!signed && v.signum() > 0 && v.compareTo(UINT64_MAX) <= 0) {
            return Optional.of(v);
        }
        return Optional.empty();
    }

    /**
     * yaml.v3's {@code parseTimestamp}: a {@code YYYY-M-D} date, optionally with a time, that is a real date; the
     * value as Go's {@code %v} prints the {@code time.Time} ({@code 2026-01-01 00:00:00 +0000 UTC}), taking a time
     * without zone as UTC, and printing another offset as Go prints a zone without a name.
     */
    static Optional<String> timestamp(String in) {
        Matcher m = TIMESTAMP.matcher(in);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        int g = m.group(4) != null ? 4 : 9;
        int h = m.group(g) == null ? 0 : Integer.parseInt(m.group(g));
        int min = m.group(g + 1) == null ? 0 : Integer.parseInt(m.group(g + 1));
        int sec = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
        if (h > 23 || min > 59 || sec > 59) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d",
                date.getYear(), date.getMonthValue(), date.getDayOfMonth(), h, min, sec));
        if (m.group(g + 3) != null) {
            String frac = (m.group(g + 3) + "000000000").substring(0, 9).replaceAll("0+$", "");
            if (!frac.isEmpty()) {
                out.append('.').append(frac);
            }
        }
        String zone = g == 4 ? m.group(8) : null;
        if (zone == null || zone.equals("Z")) {
            out.append(" +0000 UTC");
        } else {
            String digits = zone.substring(1).replace(":", "");
            String offset = zone.charAt(0) + digits;
            // An offset of zero is the local zone of a server on UTC; any other is a zone without a name.
            out.append(' ').append(offset.equals("+0000") || offset.equals("-0000") ? "+0000 UTC" : offset + " " + offset);
        }
        return Optional.of(out.toString());
    }

    /** The scalar as YAML 1.2's core schema reads a plain scalar, for telling where yaml.v3 reads it otherwise. */
    static Json core(String in) {
        switch (in) {
            case "", "~", "null", "Null", "NULL":
                return Json.NULL;
            case "true", "True", "TRUE":
                return Json.TRUE;
            case "false", "False", "FALSE":
                return Json.FALSE;
            default:
                break;
        }
        if (in.matches("[-+]?\\.(inf|Inf|INF)")) {
            return GoValues.nonFinite(in.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (in.matches("\\.(nan|NaN|NAN)")) {
            return GoValues.nonFinite(Double.NaN);
        }
        if (CORE_INT.matcher(in).matches()) {
            return new Json.Num(new BigDecimal(new BigInteger(in.startsWith("+") ? in.substring(1) : in)));
        }
        if (CORE_OCT.matcher(in).matches()) {
            return new Json.Num(new BigDecimal(new BigInteger(in.substring(2), 8)));
        }
        if (CORE_HEX.matcher(in).matches()) {
            return new Json.Num(new BigDecimal(new BigInteger(in.substring(2), 16)));
        }
        if (YAML_FLOAT.matcher(in).matches()) {
            double d = Double.parseDouble(in);
            return Double.isInfinite(d) ? new Json.Str(in) : new Json.Num(BigDecimal.valueOf(d));
        }
        return new Json.Str(in);
    }
}
