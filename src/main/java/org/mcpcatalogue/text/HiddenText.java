package org.mcpcatalogue.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.mcpcatalogue.model.HiddenCharacter;

/**
 * Finds characters that a person reading a text cannot see but a language model reads: bidi controls (which
 * reorder what is displayed), Unicode tag characters (which spell hidden ASCII), zero-width and other format
 * characters, C0/C1 controls other than tab and line breaks, line and paragraph separators, variation
 * selectors used to smuggle bytes, and blank letters such as the Hangul fillers.
 */
public final class HiddenText {

    private HiddenText() {
    }

    /** The kind of a hidden character, or null when {@code cp} is an ordinary visible or white-space character. */
    public static String kindOf(int cp) {
        if (cp >= 0xE0000 && cp <= 0xE007F) {
            return "tag";
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
            return "bidi";
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return null;
        }
        if (cp >= 0xE0100 && cp <= 0xE01EF) {
            return "variation selector";
        }
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800) {
            return "blank letter";
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
                return "control";
            case Character.FORMAT:
                return "invisible format";
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return "separator";
            default:
                return null;
        }
    }

    /**
     * The kind of a character that may not appear in a name (a server or tool name, a title, the publisher, a
     * schema property name), or null: every hidden character of {@link #kindOf(int)}, and also line breaks and
     * tabs (a name is one line), Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every
     * plane) and unpaired surrogates.
     */
    public static String nameKindOf(int cp) {
        if (cp == '\n' || cp == '\r') {
            return "line break";
        }
        if (cp == '\t') {
            return "control";
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return "noncharacter";
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return "unpaired surrogate";
        }
        return kindOf(cp);
    }

    /** Every character of {@code s} that may not appear in a name (see {@link #nameKindOf(int)}). */
    public static List<HiddenCharacter> scanName(String s) {
        return scan(s, HiddenText::nameKindOf);
    }

    /** Every hidden character of {@code s}, with its code-point index. */
    public static List<HiddenCharacter> scan(String s) {
        return scan(s, HiddenText::kindOf);
    }

    /** Every character of {@code s} that {@code kindOf} names a kind for, with its code-point index. */
    private static List<HiddenCharacter> scan(String s, IntFunction<String> kindOf) {
        List<HiddenCharacter> found = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String kind = kindOf.apply(cp);
            if (kind != null) {
                found.add(new HiddenCharacter(index, cp, kind));
            }
            i += Character.charCount(cp);
            index++;
        }
        return found;
    }

    /**
     * {@code s} made safe to print in a message: hidden characters and line breaks become escapes written
     * <code>&#92;u{XXXX}</code>, so a bidi override in a tool name cannot reorder the error line that reports it.
     */
    public static String visible(String s) {
        return escaped(s, HiddenText::nameKindOf);
    }

    /**
     * {@code s} with its hidden characters (ANSI escapes, bidi controls, zero-width and tag characters) written
     * as <code>&#92;u{XXXX}</code>, while tabs and line breaks stay: how a page shows text the model reads.
     */
    public static String visibleKeepingLines(String s) {
        return escaped(s, HiddenText::kindOf);
    }

    private static String escaped(String s, IntFunction<String> kindOf) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (kindOf.apply(cp) != null) {
                out.append(String.format("\\u{%04X}", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** {@code "s"} with {@link #visible(String)} applied: how user text is quoted in diagnostics. */
    public static String quoted(String s) {
        return "\"" + visible(s) + "\"";
    }
}
