package org.mcpcatalogue.policy.golang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;

/** Expected values are what Go prints (strconv.Quote, fmt %v, strconv.Atoi), written out by hand. */
class GoTextTest {

    @Test
    void quoteEscapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", GoText.quote("a\"b\\c"));
        assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\"", GoText.quote("\u0007\b\f\n\r\t\u000b"));
        assertEquals("\"\\x00\\x01\\x1f\\x7f\"", GoText.quote("\u0000\u0001\u001f\u007f"));
        assertEquals("\"\"", GoText.quote(""));
    }

    @Test
    void quoteKeepsPrintableUnicodeAndEscapesTheRest() {
        assertEquals("\"héllo wörld 日本 😀\"", GoText.quote("héllo wörld 日本 😀"));
        // No-break space, zero-width space, line separator, C1 control: not printable for Go.
        assertEquals("\"\\u00a0\\u200b\\u2028\\u0085\"", GoText.quote("\u00a0\u200b\u2028\u0085"));
        // A private-use supplementary character is not printable: \U with 8 digits.
        assertEquals("\"\\U000f0000\"", GoText.quote(new String(Character.toChars(0xF0000))));
        // A lone surrogate is not valid UTF-8; Go would see U+FFFD, which is printable.
        assertEquals("\"\uFFFD\"", GoText.quote("\uD800"));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
            "1000000, 1e+06", "123456, 123456", "999999, 999999", "1234567, 1.234567e+06",
            "0.0001, 0.0001", "0.00001, 1e-05", "1.5, 1.5", "100, 100", "1e21, 1e+21",
            "123456789, 1.23456789e+08", "-2.5, -2.5", "0.1, 0.1", "5e-324, 5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308", "0, 0", "12.9, 12.9"})
    void formatFloatIsGoPercentV(double value, String go) {
        assertEquals(go, GoText.formatFloat(value));
    }

    @Test
    void sprintPrintsGoValues() {
        assertEquals("<nil>", GoText.sprint(Json.NULL, true));
        assertEquals("true", GoText.sprint(Json.TRUE, true));
        assertEquals("1000000", GoText.sprint(Json.Num.of(1_000_000), false));
        assertEquals("1e+06", GoText.sprint(Json.Num.of(1_000_000), true));
        assertEquals("[a 1 true]", GoText.sprint(new Json.Arr(List.of(new Json.Str("a"), Json.Num.of(1), Json.TRUE)), false));
        assertEquals("map[a:1 b:x]", GoText.sprint(new Json.Obj(Map.of("b", new Json.Str("x"), "a", Json.Num.of(1))), false));
        assertEquals("2.5", GoText.sprint(new Json.Num(new BigDecimal("2.5")), false));
    }

    @Test
    void atoiIsStrconvAtoi() {
        assertEquals(OptionalLong.of(5), GoText.atoi("5"));
        assertEquals(OptionalLong.of(5), GoText.atoi("+5"));
        assertEquals(OptionalLong.of(-7), GoText.atoi("-7"));
        assertEquals(OptionalLong.of(7), GoText.atoi("007"));
        assertEquals(OptionalLong.empty(), GoText.atoi(""));
        assertEquals(OptionalLong.empty(), GoText.atoi("+"));
        assertEquals(OptionalLong.empty(), GoText.atoi(" 5"));
        assertEquals(OptionalLong.empty(), GoText.atoi("5.0"));
        assertEquals(OptionalLong.empty(), GoText.atoi("٣"));
        assertEquals(OptionalLong.of(Long.MAX_VALUE), GoText.atoi("9223372036854775807"));
        assertEquals(OptionalLong.empty(), GoText.atoi("9223372036854775808"));
    }

    @Test
    void blankIsGoTrimSpace() {
        assertTrue(GoText.isBlank(" \t\n\u000b\f\r\u0085\u00a0\u2000\u3000"));
        assertFalse(GoText.isBlank("\u200b"));
        assertFalse(GoText.isBlank("x"));
    }
}
