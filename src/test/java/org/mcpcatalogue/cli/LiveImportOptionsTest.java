package org.mcpcatalogue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.importer.ImportException;

/** The options both live imports share read durations and dates the same way, and refuse bad ones as usage errors. */
class LiveImportOptionsTest {

    @Test
    void durationsTakeMillisecondsSecondsMinutesOrABareNumberOfSeconds() throws ImportException {
        assertEquals(Duration.ofMillis(500), LiveImportOptions.duration("--timeout", "500ms"));
        assertEquals(Duration.ofSeconds(30), LiveImportOptions.duration("--timeout", "30s"));
        assertEquals(Duration.ofMinutes(2), LiveImportOptions.duration("--timeout", " 2m "));
        assertEquals(Duration.ofSeconds(7), LiveImportOptions.duration("--timeout", "7"));
    }

    @Test
    void aBadOrZeroDurationIsAUsageErrorNamingTheOption() {
        ImportException bad = assertThrows(ImportException.class, () -> LiveImportOptions.duration("--request-timeout", "soon"));
        assertEquals("--request-timeout must be a duration such as 500ms, 30s or 2m, got soon", bad.getMessage());
        assertTrue(bad.usage());
        ImportException zero = assertThrows(ImportException.class, () -> LiveImportOptions.duration("--timeout", "0s"));
        assertEquals("--timeout must be more than zero", zero.getMessage());
    }

    @Test
    void theVerifiedDateIsTheOneGivenOrRefused() throws ImportException {
        LiveImportOptions o = new LiveImportOptions();
        o.verified = "2026-11-30";
        assertEquals(LocalDate.of(2026, 11, 30), o.date());
        o.verified = "30/11/2026";
        ImportException e = assertThrows(ImportException.class, o::date);
        assertEquals("--verified must be a date written YYYY-MM-DD, got 30/11/2026", e.getMessage());
    }
}
