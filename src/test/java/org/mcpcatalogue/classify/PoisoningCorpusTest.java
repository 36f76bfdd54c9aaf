package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.validate.CatalogueValidator;
import org.mcpcatalogue.yaml.SafeYaml;

/**
 * Recall and precision of the poisoning scan. Positives: the development corpus (classify/poisoning/poisoned.yaml
 * and the three poisoned-heldout*.yaml files, all seen while writing scan v3) and the validation set
 * (poisoned-validation.yaml, written before scan v3), each tool counted as found only when a finding names the field
 * that carries the payload; each has its own recall floor. Negatives: every tool of the real catalogue and the hard
 * benign tools (benign.yaml, benign-validation.yaml); any finding on them is a false alarm. A finding on a poisoned tool that names only other fields counts both as a
 * miss and as a false alarm. Run {@code mvn -B -o -q test -Dtest=PoisoningCorpusTest} to print the numbers.
 */
class PoisoningCorpusTest {

    static final Path POISONED = Path.of("src/test/resources/classify/poisoning/poisoned.yaml");
    /** Held-out sets written against earlier rule versions; all of them are development data of scan v3. */
    static final List<Path> HELD_OUT = List.of(Path.of("src/test/resources/classify/poisoning/poisoned-heldout.yaml"),
            Path.of("src/test/resources/classify/poisoning/poisoned-heldout2.yaml"),
            Path.of("src/test/resources/classify/poisoning/poisoned-heldout3.yaml"));
    /**
     * Written before the v3 rules in new wordings and languages and committed before any rule changed: its recall
     * is reported on its own and pinned at the level it reached.
     */
    static final Path VALIDATION = Path.of("src/test/resources/classify/poisoning/poisoned-validation.yaml");
    static final Path BENIGN = Path.of("src/test/resources/classify/poisoning/benign.yaml");
    static final Path BENIGN_VALIDATION = Path.of("src/test/resources/classify/poisoning/benign-validation.yaml");
    static final double MIN_RECALL = 0.95;
    static final double MIN_VALIDATION_RECALL = 0.90;
    static final double MIN_PRECISION = 0.95;

    private static final PoisoningScan SCAN = new PoisoningScan(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)).poisoning());

    record Poisoned(String attack, String where, Tool tool, Path file) {
    }

    @Test
    void recallAndPrecisionOverTheCorpusAndTheCatalogueMeetTheFloors() throws IOException {
        List<Poisoned> development = readPoisoned(POISONED);
        for (Path p : HELD_OUT) {
            development = concat(development, readPoisoned(p));
        }
        List<Poisoned> validation = readPoisoned(VALIDATION);
        List<Poisoned> poisoned = concat(development, validation);
        List<Tool> benign = concat(readTools(BENIGN), readTools(BENIGN_VALIDATION));
        List<Tool> catalogue = catalogueTools();
        assertTrue(poisoned.size() >= 100, "the corpus should hold at least 100 poisoned tools, has " + poisoned.size());
        assertTrue(catalogue.size() >= 2000, "the catalogue should hold at least 2,000 tools, has " + catalogue.size());

        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        Map<String, int[]> perClass = new TreeMap<>();
        Map<Path, int[]> perFile = new TreeMap<>();
        int found = 0;
        for (Poisoned p : poisoned) {
            List<PoisoningScan.Finding> findings = SCAN.findings(p.tool());
            int[] counts = perClass.computeIfAbsent(p.attack(), k -> new int[2]);
            counts[1]++;
            int[] fileCounts = perFile.computeIfAbsent(p.file(), k -> new int[2]);
            fileCounts[1]++;
            if (findings.stream().anyMatch(f -> names(f.field(), p.where()))) {
                found++;
                counts[0]++;
                fileCounts[0]++;
            } else {
                misses.add(p.file().getFileName() + " " + p.attack() + " " + p.tool().name() + " (payload in " + p.where() + ")"
                        + (findings.isEmpty() ? ": nothing found" : ": only " + findings));
                if (!findings.isEmpty()) {
                    falseAlarms.add("wrong field on poisoned " + p.tool().name() + ": " + findings);
                }
            }
        }
        int negatives = 0;
        int benignAlarms = 0;
        Map<Tool, java.util.Set<String>> siblings = siblings();
        for (Tool t : concat(catalogue, benign)) {
            negatives++;
            List<PoisoningScan.Finding> findings = SCAN.findings(t, siblings.getOrDefault(t, java.util.Set.of()));
            if (!findings.isEmpty()) {
                falseAlarms.add(t.name() + " (" + t.location() + "): " + findings);
                benignAlarms++;
            }
        }
        double recall = (double) found / poisoned.size();
        double precision = found + falseAlarms.size() == 0 ? 1.0 : (double) found / (found + falseAlarms.size());
        double developmentRecall = recall(perFile, List.of(POISONED, HELD_OUT.get(0), HELD_OUT.get(1), HELD_OUT.get(2)));
        double validationRecall = recall(perFile, List.of(VALIDATION));
        StringBuilder report = new StringBuilder();
        report.append(String.format("poisoning scan: %d poisoned tools, %d negatives (%d catalogue, %d hard benign)%n",
                poisoned.size(), negatives, catalogue.size(), benign.size()));
        report.append(String.format("recall %.3f (%d/%d), precision %.3f (%d true, %d false alarms, %d of them on negatives)%n",
                recall, found, poisoned.size(), precision, found, falseAlarms.size(), benignAlarms));
        report.append(String.format("development recall %.3f, validation recall %.3f%n", developmentRecall, validationRecall));
        perFile.forEach((k, v) -> report.append(String.format("  recall on %s: %d/%d%n", k.getFileName(), v[0], v[1])));
        perClass.forEach((k, v) -> report.append(String.format("  %-20s %3d/%d%n", k, v[0], v[1])));
        misses.forEach(m -> report.append("miss: ").append(m).append('\n'));
        falseAlarms.forEach(m -> report.append("false alarm: ").append(m).append('\n'));
        System.out.print(report);
        assertTrue(developmentRecall >= MIN_RECALL, "development recall below " + MIN_RECALL + "\n" + report);
        assertTrue(validationRecall >= MIN_VALIDATION_RECALL, "validation recall below " + MIN_VALIDATION_RECALL + "\n" + report);
        assertTrue(precision >= MIN_PRECISION, "precision below " + MIN_PRECISION + "\n" + report);
    }

    private static double recall(Map<Path, int[]> perFile, List<Path> files) {
        int found = 0;
        int all = 0;
        for (Path f : files) {
            int[] v = perFile.getOrDefault(f, new int[2]);
            found += v[0];
            all += v[1];
        }
        return all == 0 ? 0 : (double) found / all;
    }

    /** Whether a finding's field is the payload's field or lies inside it. */
    static boolean names(String field, String where) {
        return field.equals(where) || field.startsWith(where + "/");
    }

    @Test
    void aFindingInsideTheFieldCountsAndOneBesideItDoesNot() {
        assertTrue(names("inputSchema/properties/a/description", "inputSchema/properties/a/description"));
        assertTrue(names("inputSchema/properties/a/enum/1", "inputSchema/properties/a"));
        assertEquals(false, names("inputSchema/properties/ab/description", "inputSchema/properties/a"));
        assertEquals(false, names("description", "inputSchema/properties/a/description"));
    }

    static List<Poisoned> readPoisoned(Path file) throws IOException {
        List<Poisoned> out = new ArrayList<>();
        for (Json item : read(file).items()) {
            Json.Obj o = (Json.Obj) item;
            out.add(new Poisoned(string(o, "attack"), string(o, "where"), ToolJson.read(o.get("tool").orElseThrow(), file.toString()), file));
        }
        return out;
    }

    static List<Tool> readTools(Path file) throws IOException {
        List<Tool> out = new ArrayList<>();
        for (Json item : read(file).items()) {
            out.add(ToolJson.read(item, file.toString()));
        }
        return out;
    }

    static List<Tool> catalogueTools() {
        Catalogue c = new CatalogueValidator(LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors())
                .validate(new CatalogueLoader().load(Path.of("catalogue"), "catalogue")).catalogue().orElseThrow();
        List<Tool> out = new ArrayList<>();
        for (Server s : c.servers()) {
            out.addAll(s.tools());
        }
        return out;
    }

    /** Each catalogue tool's server's tool names, as the build passes them to the scan. */
    static Map<Tool, java.util.Set<String>> siblings() {
        Catalogue c = new CatalogueValidator(LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors())
                .validate(new CatalogueLoader().load(Path.of("catalogue"), "catalogue")).catalogue().orElseThrow();
        Map<Tool, java.util.Set<String>> out = new java.util.HashMap<>();
        for (Server s : c.servers()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            s.tools().forEach(t -> names.add(t.name()));
            s.tools().forEach(t -> out.put(t, names));
        }
        return out;
    }

    private static Json.Arr read(Path file) throws IOException {
        var result = new SafeYaml().read(file.toString(), Files.readAllBytes(file));
        if (result.hasErrors()) {
            throw new IllegalStateException(result.diagnostics().toString());
        }
        return (Json.Arr) result.root().orElseThrow().toJson();
    }

    private static String string(Json.Obj o, String key) {
        if (o.get(key).orElse(null) instanceof Json.Str s) {
            return s.value();
        }
        throw new IllegalStateException("an entry has no string \"" + key + "\": " + o.get("tool").orElse(Json.NULL));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
