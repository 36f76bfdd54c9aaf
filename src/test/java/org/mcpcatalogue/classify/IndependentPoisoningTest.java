package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the one measurement of the poisoning scan on the independently written set (see
 * {@link IndependentPoisoningReport}): 52 of 70 poisoned tools found, 6 of 50 hard benign tools flagged, with scan v3
 * as merged. The floors hold that line; they are not targets to tune towards.
 */
class IndependentPoisoningTest {
    static final Path POISONED = Path.of("src/test/resources/classify/poisoning/independent-poisoned.yaml");
    static final Path BENIGN = Path.of("src/test/resources/classify/poisoning/independent-benign.yaml");

    @Test
    void theScanFindsAtLeastWhatItFoundWhenTheSetWasFirstMeasured() throws IOException {
        IndependentPoisoningReport.Result r = IndependentPoisoningReport.measure(POISONED, BENIGN, false);
        assertTrue(r.poisoned() == 70 && r.benign() == 50, "the set changed: " + r);
        assertTrue(r.found() >= 52, "recall on the independent set fell below 52/70: " + r);
        assertTrue(r.alarms() <= 6, "false alarms on the independent benign set rose above 6/50: " + r);
    }
}
