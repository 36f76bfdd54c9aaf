package org.mcpcatalogue.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;

/**
 * The policy keeps a whole-number bound up to 2^53 − 1 in magnitude and drops it from 2^53, the same limit at
 * which validate warns (src/test/resources/catalogues/invalid/schema-numbers has a bound of exactly 2^53).
 */
class BoundsTest {

    private static final BigDecimal TWO_TO_53 = new BigDecimal("9007199254740992");

    @Test
    void theLimitIsNumberMaxSafeInteger() {
        assertEquals(new BigDecimal("9007199254740991"), Json.Num.MAX_SAFE_INTEGER);
    }

    @Test
    void aBoundOfTwoToThe53MinusOneIsKept() {
        assertEquals(Optional.of(new Json.Num(new BigDecimal("9007199254740991"))),
                Bounds.expressible(new BigDecimal("9007199254740991")));
        assertEquals(Optional.of(new Json.Num(new BigDecimal("-9007199254740991"))),
                Bounds.expressible(new BigDecimal("-9007199254740991")));
    }

    @Test
    void aBoundOfExactlyTwoToThe53IsDropped() {
        assertTrue(Bounds.expressible(TWO_TO_53).isEmpty());
        assertTrue(Bounds.expressible(TWO_TO_53.negate()).isEmpty());
    }
}
