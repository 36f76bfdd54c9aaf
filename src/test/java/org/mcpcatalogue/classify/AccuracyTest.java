package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Curation;
import org.mcpcatalogue.model.Tool;

/**
 * Measures the rules against the hand-labelled set and keeps the agreement from sliding back. The report is
 * written to target/classifier-accuracy.txt for a person to read.
 */
class AccuracyTest {

    /**
     * The agreement the rules reached when these floors were last raised (212/236 overall with classifier v3, 94/97 on
     * the tools not marked hard); raise them as the rules improve, never lower them to let a change through.
     */
    static final double FLOOR = 0.89;
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
     * Agreement on the DEV split of the catalogue set (labelled-catalogue.yaml). Classifier v2 was tuned to 97.0% on
     * the dev split of its day (1,486 tools); since the holdout (docs/labelling.md, "Test splits") the two spent test
     * splits are dev too, and the same rules agreed on 2,257/2,415 = 93.5% of it; classifier v3 raised that to
     * 2,340/2,415 = 96.89%. The floor is that, rounded down (96.8%); raise it, never lower it. The test split (the
     * holdout) is frozen and is not measured here: no rule is tuned by it.
     */
    static final double DEV_FLOOR = 0.968;

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

    /**
     * The holdout (test split 3) was measured once, at the end of classifier v3: 587/691 = 84.9%, Financial 3/11
     * (docs/classification.md, "The holdout, measured once"). Its misses have been read since, so it is spent as a
     * test; it stays here as a regression floor, so that no later rule quietly loses what v3 got right on servers it
     * had not seen. Raise it, never lower it.
     */
    static final double HOLDOUT_FLOOR = 0.849;
    static final int HOLDOUT_FINANCIAL_FLOOR = 3;

    @Test
    void theSpentHoldoutDoesNotRegress() throws IOException {
        var test = AccuracyReport.readCatalogue(AccuracyReport.CATALOGUE_FILE).stream()
                .filter(e -> e.split().equals("test")).map(AccuracyReport.CatalogueEntry::entry).toList();
        assertTrue(test.size() >= 600, "the holdout should hold at least 600 tools, has " + test.size());
        AccuracyReport report = new AccuracyReport(new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH))), test,
                AccuracyReport.serverTags());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/classifier-accuracy-holdout.txt"), report.renderTable());
        assertTrue(report.agreement() >= HOLDOUT_FLOOR, report.renderTable());
        assertTrue(report.agreedOn(Category.FINANCIAL) >= HOLDOUT_FINANCIAL_FLOOR, report.renderTable());
    }

    /**
     * The report measures the rules, not the curation: a labelled tool whose curated {@code classification:}
     * matches its label still counts as a disagreement when the rules say otherwise.
     */
    @Test
    void theReportIgnoresACuratedClassification() {
        Classifier classifier = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
        Tool plain = ToolJson.read(JsonText.parse("{\"name\": \"generate_image\", \"description\": \"Generate an image from a prompt\"}"),
                "test");
        Tool curated = new Tool(plain.name(), plain.slug(), plain.title(), plain.description(), plain.inputSchema(),
                plain.outputSchema(), plain.annotations(), Optional.of(new Curation(Category.EXECUTE, Optional.empty(),
                        Optional.empty(), "billed generation")), plain.hiddenCharacters(), plain.storedFingerprint(),
                plain.location());
        assertEquals(Category.EXECUTE, classifier.classify(curated).category(), "the site shows the curated verdict");
        assertEquals(Category.WRITE, classifier.classify(plain).category(), "the rules alone say Write");
        AccuracyReport report = new AccuracyReport(classifier,
                List.of(new LabelledSet.Entry("s", "test", curated, Category.EXECUTE, "billed generation", true)));
        assertEquals(0, report.agreed, report.render());
        assertEquals(Category.WRITE, report.misses.get(0).verdict().category());
    }
}
