package org.mcpcatalogue.yaml;

import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Where a place in a YAML text is, counted as YAML counts it, and how a syntax error of the YAML library is
 * reported: shared by {@link SafeYaml} and the policy loader's yaml.v3 reader.
 */
public final class YamlPositions {

    private YamlPositions() {
    }

    /**
     * The line and column (both from 1, columns in code points) of the character at {@code charIndex}. A line
     * break is LF, CR LF or a CR alone, as in YAML and in the YAML library's own marks.
     */
    public static YamlNode.Position at(CharSequence text, int charIndex) {
        int line = 1;
        int column = 1;
        int end = Math.min(charIndex, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new YamlNode.Position(line, column);
    }

    /** {@link #at} for the code point at {@code codePointIndex}, as the YAML library counts its positions. */
    public static YamlNode.Position atCodePoint(String text, int codePointIndex) {
        int count = text.codePointCount(0, text.length());
        return at(text, text.offsetByCodePoints(0, Math.max(0, Math.min(codePointIndex, count))));
    }

    /**
     * A syntax error of the YAML library, at its problem's mark (else its context's, else {@code fallback}):
     * "invalid YAML: problem (context at line L, column C)".
     */
    public static Diagnostic syntaxError(String file, MarkedYamlEngineException e, Location fallback) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        Location loc = mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1)).orElse(fallback);
        String message = "invalid YAML: " + oneLine(e.getProblem());
        if (e.getContext() != null && e.getContextMark().isPresent()) {
            Mark c = e.getContextMark().get();
            message += " (" + oneLine(e.getContext()) + " at line " + (c.getLine() + 1) + ", column " + (c.getColumn() + 1) + ")";
        }
        return Diagnostic.error(loc, message);
    }

    /** A library message on one line. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
