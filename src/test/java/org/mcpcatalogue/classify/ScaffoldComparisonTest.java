package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PolicyLayer's scaffolds file each tool under a category by keyword; the labelled set says what each tool
 * does. On the scaffold tools that were labelled, the rules must agree with the labels more often than the
 * scaffolds do. The full comparison is written to target/scaffold-comparison.txt.
 */
class ScaffoldComparisonTest {

    @Test
    void theRulesBeatTheScaffoldsKeywordCategories() throws IOException {
        Map<String, String> scaffold = new HashMap<>();
        List<String> tsv = Files.readAllLines(Path.of("src/test/resources/classify/scaffold-categories.tsv"));
        for (String line : tsv.subList(1, tsv.size())) {
            String[] f = line.split("\t");
            scaffold.put(f[0] + "/" + f[1], f[2]);
        }
        Classifier classifier = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
        int n = 0;
        int scaffoldRight = 0;
        int rulesRight = 0;
        StringBuilder report = new StringBuilder("server/tool\tlabel\tscaffold\trules\n");
        for (LabelledSet.Entry e : LabelledSet.load()) {
            String s = scaffold.get(e.server() + "/" + e.tool().name());
            if (!e.source().equals("scaffold") || s == null) {
                continue;
            }
            n++;
            String ours = classifier.classify(e.tool()).category().label();
            boolean scaffoldOk = s.equals(e.label().label());
            boolean oursOk = ours.equals(e.label().label());
            scaffoldRight += scaffoldOk ? 1 : 0;
            rulesRight += oursOk ? 1 : 0;
            if (!scaffoldOk || !oursOk) {
                report.append(e.server()).append('/').append(e.tool().name()).append('\t').append(e.label().label())
                        .append('\t').append(s).append(scaffoldOk ? "" : " (wrong)").append('\t').append(ours)
                        .append(oursOk ? "" : " (wrong)").append('\t').append(e.reason()).append('\n');
            }
        }
        String summary = String.format("labelled scaffold tools: %d; scaffold category right: %d (%.1f%%); rules right: %d (%.1f%%)%n",
                n, scaffoldRight, 100.0 * scaffoldRight / n, rulesRight, 100.0 * rulesRight / n);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/scaffold-comparison.txt"), summary + report);
        assertTrue(n >= 50, "the labelled set should hold at least 50 scaffold tools, has " + n);
        assertTrue(rulesRight > scaffoldRight, summary);
    }
}
