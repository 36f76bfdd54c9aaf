package org.mcpcatalogue.policy.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * How Go's yaml.v3 resolves a scalar, which is not quite YAML 1.2's core schema that {@link
 * org.mcpcatalogue.yaml.SafeYaml} applies: a string field takes the scalar's source text ({@code version: 1.0} is
 * {@code "1.0"}), and a plain scalar decoded into {@code interface{}} or {@code int} goes through
 * {@code strconv.ParseInt(s, 0, 64)} after underscores are removed ({@code 017} is octal 15, {@code 0b11} is 3,
 * {@code 1_000} is 1000) and may be a timestamp ({@code 2026-01-01}).
 */
final class YamlV3Scalars {

    /** What Go ends up holding. */
    enum Kind { NULL, BOOL, INT, FLOAT, STRING, TIMESTAMP }

    /** A resolved scalar: the value as JSON (ints with scale 0, floats canonical) and its Go kind. */
    record Resolved(Json value, Kind kind) {
    }

    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                    + "(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))"
                    + "|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?))?$");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final List<String> lines;

    YamlV3Scalars(String text) {
        this.lines = List.of(text.split("\r\n|\r|\n", -1));
    }

    /** yaml.v3's {@code n.Value} for a scalar decoded into a Go string: the text as written; null is "". */
    String stringValue(YamlNode.Scalar scalar) {
        Json v = scalar.value();
        if (v instanceof Json.Str s) {
            return s.value();
        } else if (v instanceof Json.Null) {
            return "";
        }
        return sourceToken(scalar).orElseGet(() -> canonicalText(v));
    }

    /** The scalar as yaml.v3 decodes it into {@code interface{}} (or, for numbers, into {@code int}). */
    Resolved resolve(YamlNode.Scalar scalar) {
        Json v = scalar.value();
        if (v instanceof Json.Str s) {
            return isPlain(scalar, s.value()) ? resolvePlain(s.value()) : new Resolved(v, Kind.STRING);
        }
        Optional<String> token = sourceToken(scalar);
        if (token.isPresent()) {
            Resolved r = resolvePlain(token.get());
            if (r.kind() != Kind.STRING && r.kind() != Kind.TIMESTAMP) {
                return r;
            }
        }
        if (v instanceof Json.Num n) {
            return n.value().scale() == 0
                    ? new Resolved(n, Kind.INT)
                    : new Resolved(new Json.Num(BigDecimal.valueOf(n.value().doubleValue())), Kind.FLOAT);
        }
        return new Resolved(v, v instanceof Json.Null ? Kind.NULL : Kind.BOOL);
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
            default:
                break;
        }
        char hint = in.charAt(0);
        if (hint == '.') {
            if (YAML_FLOAT.matcher(in).matches()) {
                return floatOf(in);
            }
        } else if (hint == '+' || hint == '-' || (hint >= '0' && hint <= '9')) {
            if (isTimestamp(in)) {
                return new Resolved(new Json.Str(in), Kind.TIMESTAMP);
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

    /** yaml.v3's {@code parseTimestamp}: a YYYY-M-D date, optionally with a time, that is a real date. */
    static boolean isTimestamp(String in) {
        Matcher m = TIMESTAMP.matcher(in);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Whether a string scalar was written plain (not quoted, not a block, not tagged) on one line. */
    private boolean isPlain(YamlNode.Scalar scalar, String value) {
        if (value.isEmpty()) {
            return false;
        }
        Optional<String> rest = restOfLine(scalar.position());
        if (rest.isEmpty() || !rest.get().startsWith(value)) {
            return false;
        }
        char first = rest.get().charAt(0);
        if ("\"'|>!&*".indexOf(first) >= 0) {
            return false;
        }
        String after = rest.get().substring(value.length());
        return after.isEmpty() || " \t,]}#".indexOf(after.charAt(0)) >= 0;
    }

    /** The source text of a number, boolean or null scalar, as yaml.v3 keeps it in {@code n.Value}. */
    private Optional<String> sourceToken(YamlNode.Scalar scalar) {
        Optional<String> rest = restOfLine(scalar.position());
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String line = rest.get();
        int end = 0;
        while (end < line.length() && " \t,]}#".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        String token = line.substring(0, end);
        if (token.isEmpty() || "\"'|>!&*".indexOf(token.charAt(0)) >= 0) {
            return Optional.empty();
        }
        return sameAsCore(token, scalar.value()) ? Optional.of(token) : Optional.empty();
    }

    /** Guards against a position that does not point where expected: the token must read as the value. */
    private static boolean sameAsCore(String token, Json value) {
        if (value instanceof Json.Bool b) {
            return token.equalsIgnoreCase(String.valueOf(b.value()));
        } else if (value instanceof Json.Null) {
            return List.of("~", "null", "Null", "NULL").contains(token);
        } else if (value instanceof Json.Num n) {
            try {
                BigDecimal parsed;
                if (token.startsWith("0x")) {
                    parsed = new BigDecimal(new BigInteger(token.substring(2), 16));
                } else if (token.startsWith("0o")) {
                    parsed = new BigDecimal(new BigInteger(token.substring(2), 8));
                } else {
                    parsed = new BigDecimal(token.startsWith("+") ? token.substring(1) : token);
                }
                // The reader may also take a leading 0 as octal, as yaml.v3 does.
                return parsed.compareTo(n.value()) == 0 || parseIntBase0(token)
                        .map(v -> new BigDecimal(v).compareTo(n.value()) == 0).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private Optional<String> restOfLine(YamlNode.Position p) {
        if (p.line() < 1 || p.line() > lines.size()) {
            return Optional.empty();
        }
        String line = lines.get(p.line() - 1);
        int cps = line.codePointCount(0, line.length());
        if (p.column() < 1 || p.column() > cps) {
            return Optional.empty();
        }
        return Optional.of(line.substring(line.offsetByCodePoints(0, p.column() - 1)));
    }

    private static String canonicalText(Json v) {
        if (v instanceof Json.Num n) {
            return n.value().toString();
        }
        return String.valueOf(v instanceof Json.Bool b && b.value());
    }
}
