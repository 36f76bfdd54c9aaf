package org.mcpcatalogue.render;

import java.util.regex.Pattern;

/**
 * Plain text put into Markdown (llms.txt) so that it stays plain text: all whitespace and control characters,
 * line breaks included, collapse to one space (so no text can start a heading or a list item), and every ASCII
 * punctuation character that Markdown gives a meaning inside a line is backslash-escaped (so no text can open a
 * link, an image, emphasis, code, raw HTML or an entity).
 */
final class MarkdownText {

    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}\\p{Zs}\\u0085\\u200B\\uFEFF]+");
    private static final String SPECIAL = "\\`*_[]<>&#~|!";
    private static final Pattern PLAIN_URL = Pattern.compile("[A-Za-z0-9:/._~%?=+-]*");

    private MarkdownText() {
    }

    /** Text for inside a line. */
    static String inline(String text) {
        String s = SPACE.matcher(text).replaceAll(" ").strip();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A URL shown as text: as it is when it holds only plain URL characters, otherwise escaped like text. */
    static String url(String url) {
        return PLAIN_URL.matcher(url).matches() ? url : inline(url);
    }

    /** {@code [text](url)}; a destination with unusual characters goes in angle brackets, percent-encoded. */
    static String link(String text, String url) {
        return "[" + inline(text) + "](" + destination(url) + ")";
    }

    private static String destination(String url) {
        if (PLAIN_URL.matcher(url).matches()) {
            return url;
        }
        StringBuilder b = new StringBuilder("<");
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '<' || c == '>' || c == '\\' || c <= 0x20 || c == 0x7F) {
                b.append(String.format("%%%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('>').toString();
    }
}
