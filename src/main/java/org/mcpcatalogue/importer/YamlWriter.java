package org.mcpcatalogue.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.text.HiddenText;

/**
 * Writes {@link Json} values as YAML 1.2 in the catalogue's canonical, readable form: block mappings and
 * sequences indented by two spaces, short lists of plain scalars in flow style ({@code [a, b]}), strings
 * plain when that reads back as the same string, a literal block ({@code |}) for multi-line text, and
 * double quotes with escapes otherwise (hidden characters are always escaped, so they show).
 */
public final class YamlWriter {

    /** Flow lists ({@code [a, b]}) are used only while the line stays this short. */
    private static final int FLOW_WIDTH = 100;

    private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern CORE_FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    /** Core-schema null and booleans, and the YAML 1.1 words that older readers still take for booleans. */
    private static final Set<String> RESERVED = Set.of("~", "null", "true", "false", "yes", "no", "on", "off");

    private YamlWriter() {
    }

    /** {@code key: value} and any nested block, each line indented by {@code indent} spaces, ending in a newline. */
    public static String entry(String key, Json value, int indent) {
        StringBuilder out = new StringBuilder();
        entry(out, key, value, indent);
        return out.toString();
    }

    /** One sequence item ({@code - ...}) with its dash at column {@code indent}, ending in a newline. */
    public static String item(Json value, int indent) {
        StringBuilder out = new StringBuilder();
        item(out, value, indent);
        return out.toString();
    }

    /** The members of a mapping as block entries at {@code indent}. */
    public static String mapping(Json.Obj obj, int indent) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Json> e : obj.members().entrySet()) {
            entry(out, e.getKey(), e.getValue(), indent);
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, String key, Json value, int indent) {
        String pad = " ".repeat(indent);
        out.append(pad).append(scalar(key, false)).append(':');
        if (value instanceof Json.Obj o && !o.members().isEmpty()) {
            out.append('\n').append(mapping(o, indent + 2));
        } else if (value instanceof Json.Arr a && !a.items().isEmpty() && flow(a, indent + key.length() + 2) == null) {
            out.append('\n');
            for (Json v : a.items()) {
                item(out, v, indent + 2);
            }
        } else if (value instanceof Json.Str s && literal(s.value())) {
            literalBlock(out, s.value(), indent + 2);
        } else {
            out.append(' ').append(inline(value, indent + key.length() + 2)).append('\n');
        }
    }

    private static void item(StringBuilder out, Json value, int indent) {
        String pad = " ".repeat(indent);
        if ((value instanceof Json.Obj o && !o.members().isEmpty())
                || (value instanceof Json.Arr a && !a.items().isEmpty() && flow(a, indent + 2) == null)) {
            StringBuilder inner = new StringBuilder();
            if (value instanceof Json.Obj o) {
                inner.append(mapping(o, indent + 2));
            } else {
                for (Json v : ((Json.Arr) value).items()) {
                    item(inner, v, indent + 2);
                }
            }
            inner.replace(indent, indent + 2, "- ");
            out.append(inner);
        } else if (value instanceof Json.Str s && literal(s.value())) {
            out.append(pad).append('-');
            literalBlock(out, s.value(), indent + 2);
        } else {
            out.append(pad).append("- ").append(inline(value, indent + 2)).append('\n');
        }
    }

    /** A value that fits on the current line: a scalar, an empty collection, or a short flow list. */
    private static String inline(Json value, int column) {
        if (value instanceof Json.Obj) {
            return "{}";
        } else if (value instanceof Json.Arr a) {
            String f = a.items().isEmpty() ? "[]" : flow(a, column);
            if (f == null) {
                throw new IllegalStateException("not an inline value");
            }
            return f;
        } else if (value instanceof Json.Str s) {
            return scalar(s.value(), false);
        } else if (value instanceof Json.Num n) {
            return JsonText.number(n.value());
        } else if (value instanceof Json.Bool b) {
            return String.valueOf(b.value());
        }
        return "null";
    }

    /** {@code [a, b]} when every item is a scalar that needs no quotes in flow context and the line stays short. */
    private static String flow(Json.Arr a, int column) {
        StringBuilder b = new StringBuilder("[");
        for (Json v : a.items()) {
            String text;
            if (v instanceof Json.Str s && plain(s.value(), true)) {
                text = s.value();
            } else if (v instanceof Json.Num n) {
                text = JsonText.number(n.value());
            } else if (v instanceof Json.Bool bool) {
                text = String.valueOf(bool.value());
            } else {
                return null;
            }
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(text);
        }
        b.append(']');
        return column + b.length() <= FLOW_WIDTH ? b.toString() : null;
    }

    /** A string scalar: plain when that reads back as the same string, double-quoted otherwise. */
    static String scalar(String s, boolean inFlow) {
        return plain(s, inFlow) ? s : doubleQuoted(s);
    }

    /** Whether {@code s} can be written as a plain scalar and still be read back as exactly that string. */
    static boolean plain(String s, boolean inFlow) {
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":") || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        if (RESERVED.contains(s.toLowerCase(Locale.ROOT)) || CORE_INT.matcher(s).matches() || CORE_FLOAT.matcher(s).matches()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xFEFF || HiddenText.kindOf(cp) != null || !printable(cp)) {
                return false;
            }
            if (inFlow && ",[]{}".indexOf(cp) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Multi-line text that a literal block keeps exactly. */
    static boolean literal(String s) {
        if (!s.contains("\n") || s.startsWith(" ") || s.startsWith("\t") || s.replace("\n", "").isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != '\n' && cp != '\t' && (cp < 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xFEFF
                    || HiddenText.kindOf(cp) != null || !printable(cp))) {
                return false;
            }
        }
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
        }
        // A first line that starts with a space would need an indentation indicator; those go double-quoted.
        String firstContent = s.lines().filter(l -> !l.isEmpty()).findFirst().orElse("");
        return !firstContent.startsWith(" ") && !firstContent.startsWith("\t");
    }

    private static void literalBlock(StringBuilder out, String s, int indent) {
        int trailing = 0;
        while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        out.append(trailing == 0 ? " |-" : trailing == 1 ? " |" : " |+").append('\n');
        String body = s.substring(0, s.length() - trailing);
        String pad = " ".repeat(indent);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(pad).append(line);
            }
            out.append('\n');
        }
        for (int i = 1; i < trailing; i++) {
            out.append('\n');
        }
    }

    private static boolean printable(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
                || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** A YAML double-quoted scalar with every character that is not plainly visible escaped. */
    static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case 0 -> b.append("\\0");
                default -> {
                    if (cp < 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xFEFF || HiddenText.kindOf(cp) != null || !printable(cp)) {
                        b.append(cp > 0xFFFF ? String.format("\\U%08X", cp) : String.format("\\u%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The lines of a rendered block, for callers that splice text. */
    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
