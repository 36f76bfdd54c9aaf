package org.mcpcatalogue.model;

/**
 * A character in a text that a reader cannot see but a model reads: a control, format (Unicode Cf), bidi
 * or tag character. {@code index} counts code points from 0.
 */
public record HiddenCharacter(int index, int codePoint, String kind) {

    /** "U+202E RIGHT-TO-LEFT OVERRIDE". */
    public String describe() {
        String name = Character.getName(codePoint);
        return String.format("U+%04X", codePoint) + (name == null ? "" : " " + name);
    }
}
