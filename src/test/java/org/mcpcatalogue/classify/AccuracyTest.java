package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Measures the rules against the hand-labelled set and keeps the agreement from sliding back. The report is
 * written to target/classifier-accuracy.txt for a person to read.
 */
class AccuracyTest {

    /**
     * The agreement the rules reached when these floors were last raised (203/236 overall, 94/97 on the tools
     * not marked hard); raise them as the rules improve, never lower them to let a change through.
     */
    static final double FLOOR = 0.86;
    static final double FLOOR_NOT_HARD = 0.96;

    @Test
    void agreementWithTheLabelledSet() throws IOException {
        AccuracyReport report = new AccuracyReport(new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH))),
                LabelledSet.load());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/classifier-accuracy.txt"), report.render());
        assertTrue(report.agreement() >= FLOOR, report.render());
        double notHard = (report.agreed - report.hardAgreed) / (double) (report.total - report.hardTotal);
        assertTrue(notHard >= FLOOR_NOT_HARD, report.render());
        assertTrue(report.total >= 150, "the labelled set must stay at least 150 tools");
    }

    /**
     * Agreement on the DEV split of the catalogue set (labelled-catalogue.yaml): 951/994 = 95.7% when classifier
     * v2 was tuned on it. The floor is that, rounded down; raise it, never lower it. The test split is frozen and
     * is not measured here: no rule is tuned by it.
     */
    static final double DEV_FLOOR = 0.95;

    @Test
    void agreementWithTheDevSplitOfTheCatalogueSet() throws IOException {
        var dev = AccuracyReport.readCatalogue(AccuracyReport.CATALOGUE_FILE).stream()
                .filter(e -> e.split().equals("dev")).map(AccuracyReport.CatalogueEntry::entry).toList();
        assertTrue(dev.size() >= 900, "the dev split should hold at least 900 tools, has " + dev.size());
        AccuracyReport report = new AccuracyReport(new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH))), dev,
                AccuracyReport.serverTags());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/classifier-accuracy-dev.txt"), report.renderTable());
        assertTrue(report.agreement() >= DEV_FLOOR, report.renderTable());
    }
}
