package org.mcpcatalogue.policy.golang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Go's parse limits, which RE2/J alone does not enforce; the rest is covered by cases/regex.cases. */
class GoRegexpTest {

    /**
     * A safety net against a regression that compiles the huge program (minutes, or out of memory); a correct
     * run takes milliseconds to a second or two, however loaded the machine, and never comes near it.
     */
    private static final Duration HANG = Duration.ofSeconds(120);

    @Test
    void nestingDeeperThanAThousandIsRejectedWithTheWholeExpression() {
        String deep = "(".repeat(1001) + "a" + ")".repeat(1001);
        assertEquals(Optional.of("error parsing regexp: expression nests too deeply: `" + deep + "`"),
                GoRegexp.error(deep));
        String fine = "(".repeat(500) + "a" + ")".repeat(500);
        assertEquals(Optional.empty(), GoRegexp.error(fine));
    }

    @Test
    void aProgramOverGosSizeBudgetIsRejectedWithoutCompilingIt() {
        String large = "x{1000}".repeat(3400);
        Optional<String> error = assertTimeoutPreemptively(HANG, () -> GoRegexp.error(large));
        assertEquals(Optional.of("error parsing regexp: expression too large: `" + large + "`"), error);
        assertEquals(Optional.empty(), GoRegexp.error("x{1000}".repeat(3000)));
    }

    @Test
    void nestedRepetitionsThatWouldExhaustMemoryAreRejectedQuickly() {
        Optional<String> error = assertTimeoutPreemptively(HANG,
                () -> GoRegexp.error("((a{1000}){1000}){1000}"));
        assertEquals(Optional.of("error parsing regexp: invalid repeat count: `{1000}`"), error);
    }

    @Test
    void duplicateGroupNamesAreAcceptedAsInGoAndStillMatch() {
        GoRegexp.Compiled re = assertInstanceOf(GoRegexp.Compiled.class, GoRegexp.compile("(?P<x>a)-(?<x>b)"));
        assertTrue(re.find("xa-by"));
        assertFalse(re.find("a-c"));
    }

    @Test
    void findIsUnanchored() {
        GoRegexp.Compiled re = assertInstanceOf(GoRegexp.Compiled.class, GoRegexp.compile("b+"));
        assertTrue(re.find("abbbc"));
        assertFalse(re.find("ac"));
    }
}
