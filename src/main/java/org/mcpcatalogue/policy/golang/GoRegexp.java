package org.mcpcatalogue.policy.golang;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * Compiles a regular expression as Go's {@code regexp.Compile} would: RE2 syntax (RE2/J), unanchored matching,
 * and on failure Go's error text, {@code error parsing regexp: <code>: `<fragment>`}.
 *
 * <p>RE2/J 1.8 follows Go's parser closely but not in everything, so this class closes the gaps:
 * <ul>
 *   <li>Go rejects nested counted repetitions worth more than 1000 copies ({@code (a{1000}){1000}}: "invalid
 *       repeat count"), parse trees higher than 1000 ("expression nests too deeply") and programs over its size
 *       budget ("expression too large"); RE2/J accepts them and can run out of memory compiling them.
 *       {@link RegexpShape} checks these limits first, without compiling.</li>
 *   <li>RE2/J reports a stray {@code )} as an internal "stack underflow"; Go says "unexpected )" with the whole
 *       expression.</li>
 *   <li>RE2/J omits the empty fragment after "trailing backslash at end of expression"; Go prints {@code : ``}.</li>
 *   <li>RE2/J rejects two capture groups with the same name; Go accepts them (matching never looks at names).</li>
 *   <li>RE2/J takes a backslash before a non-ASCII character ({@code \é}) as that character; Go refuses it:
 *       "invalid escape sequence", naming the backslash and the character.</li>
 * </ul>
 */
public final class GoRegexp {

    private static final String PREFIX = "error parsing regexp: ";
    private static final String INTERNAL = "regexp/syntax: internal error";
    private static final String MISSING_PAREN = "missing closing )";
    private static final String TRAILING_BACKSLASH = "trailing backslash at end of expression";
    private static final String DUPLICATE_NAME = "duplicate capture group name";
    private static final String MISSING_BRACKET = "missing closing ]";
    private static final String INVALID_ESCAPE = "invalid escape sequence";

    private GoRegexp() {
    }

    /** The outcome of compiling: a pattern, or Go's error text. */
    public sealed interface Result permits Compiled, Failed {
    }

    /** A pattern that Go accepts too. */
    public record Compiled(Pattern pattern) implements Result {
        /** Go's {@code MatchString}: is there a match anywhere in {@code s}. */
        public boolean find(String s) {
            return pattern.matcher(s).find();
        }
    }

    /** A pattern Go rejects, with {@code err.Error()} as Go prints it. */
    public record Failed(String message) implements Result {
    }

    /** Compiles {@code expr} with Go's rules. */
    public static Result compile(String expr) {
        RegexpShape shape = RegexpShape.scan(expr);
        Optional<RegexpShape.Problem> problem = shape.firstProblem();
        if (problem.isPresent()) {
            RegexpShape.Problem p = problem.get();
            if (p.kind() == RegexpShape.Kind.REPEAT_SIZE) {
                // Go stops at the first error in parse order: an ordinary syntax error before this repetition wins.
                Optional<String> earlier = re2jError(expr.substring(0, p.end()), expr)
                        .filter(m -> !m.startsWith(PREFIX + MISSING_PAREN));
                return new Failed(earlier.orElse(PREFIX + p.kind().code() + ": `" + p.fragment() + "`"));
            }
            return new Failed(PREFIX + p.kind().code() + ": `" + expr + "`");
        }
        int badEscape = nonAsciiEscape(expr);
        if (badEscape >= 0) {
            // Go stops at the first error in parse order: a syntax error before the escape wins.
            Optional<String> earlier = re2jError(expr.substring(0, badEscape), expr)
                    .filter(m -> !m.startsWith(PREFIX + MISSING_PAREN) && !m.startsWith(PREFIX + MISSING_BRACKET));
            int end = badEscape + 1 + Character.charCount(expr.codePointAt(badEscape + 1));
            return new Failed(earlier.orElse(PREFIX + INVALID_ESCAPE + ": `" + expr.substring(badEscape, end) + "`"));
        }
        try {
            return new Compiled(Pattern.compile(expr));
        } catch (PatternSyntaxException e) {
            if (DUPLICATE_NAME.equals(e.getDescription())) {
                return compileWithoutNames(expr, shape);
            }
            return new Failed(goMessage(e, expr));
        } catch (StackOverflowError e) {
            return new Failed(PREFIX + RegexpShape.Kind.NESTING_DEPTH.code() + ": `" + expr + "`");
        }
    }

    /**
     * Where the first backslash that escapes a non-ASCII character is, or -1. Escaped backslashes are skipped,
     * and so is literal text between {@code \Q} and {@code \E}, which Go does not parse for escapes.
     */
    static int nonAsciiEscape(String expr) {
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c != '\\' || i + 1 >= expr.length()) {
                i++;
                continue;
            }
            char next = expr.charAt(i + 1);
            if (next == 'Q') {
                int end = expr.indexOf("\\E", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (next >= 0x80) {
                return i;
            } else {
                i += 2;
            }
        }
        return -1;
    }

    /** The error Go reports for {@code expr}, if any. */
    public static Optional<String> error(String expr) {
        return compile(expr) instanceof Failed f ? Optional.of(f.message()) : Optional.empty();
    }

    private static Result compileWithoutNames(String expr, RegexpShape shape) {
        String unnamed = shape.withoutGroupNames();
        try {
            return new Compiled(Pattern.compile(unnamed));
        } catch (PatternSyntaxException e) {
            String description = e.getDescription();
            if (MISSING_PAREN.equals(description) || INTERNAL.equals(description)) {
                // These name the whole expression, which must be the one the user wrote.
                return new Failed(goMessage(e, expr).replace("`" + unnamed + "`", "`" + expr + "`"));
            }
            return new Failed(goMessage(e, expr));
        }
    }

    private static Optional<String> re2jError(String part, String whole) {
        try {
            Pattern.compile(part);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(goMessage(e, whole));
        } catch (StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static String goMessage(PatternSyntaxException e, String whole) {
        String description = e.getDescription();
        if (INTERNAL.equals(description) && "stack underflow".equals(e.getPattern())) {
            return PREFIX + "unexpected ): `" + whole + "`";
        }
        if (TRAILING_BACKSLASH.equals(description)) {
            return PREFIX + TRAILING_BACKSLASH + ": ``";
        }
        return e.getMessage();
    }
}
