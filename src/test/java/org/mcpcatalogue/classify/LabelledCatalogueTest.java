package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Tool;

/** The catalogue set (labelled-catalogue.yaml) reads, and every entry has a label, a split and a unique name. */
class LabelledCatalogueTest {

    @Test
    void theCatalogueSetReadsWithValidLabelsSplitsAndUniqueNames() throws IOException {
        List<AccuracyReport.CatalogueEntry> entries = AccuracyReport.readCatalogue(AccuracyReport.CATALOGUE_FILE);
        assertTrue(entries.size() >= 500, "the catalogue set should hold at least 500 tools, has " + entries.size());
        assertEquals(List.of(), AccuracyReport.problems(entries));
        assertTrue(entries.stream().allMatch(e -> e.source().equals("catalogue")), "every entry comes from the catalogue");
        for (String split : AccuracyReport.SPLITS) {
            assertTrue(entries.stream().anyMatch(e -> e.split().equals(split)), "no entry in split " + split);
        }
    }

    @Test
    void aServerIsNeverSplitAcrossDevAndTest() throws IOException {
        Map<String, List<String>> splits = new java.util.TreeMap<>();
        for (AccuracyReport.CatalogueEntry e : AccuracyReport.readCatalogue(AccuracyReport.CATALOGUE_FILE)) {
            List<String> s = splits.computeIfAbsent(e.server(), k -> new java.util.ArrayList<>());
            if (!s.contains(e.split())) {
                s.add(e.split());
            }
        }
        splits.forEach((server, s) -> assertEquals(1, s.size(), server + " is in " + s));
    }

    @Test
    void problemsAreFound() {
        Tool tool = ToolJson.read(new Json.Obj(Map.of("name", new Json.Str("t"))), "test");
        List<AccuracyReport.CatalogueEntry> bad = List.of(
                new AccuracyReport.CatalogueEntry("s", "catalogue", tool, "Read", "dev", "why", false),
                new AccuracyReport.CatalogueEntry("s", "catalogue", tool, "Write", "dev", "why", false),
                new AccuracyReport.CatalogueEntry("u", "catalogue", tool, "Spend", "train", " ", false));
        assertEquals(List.of("s/t: labelled twice", "u/t: unknown label Spend", "u/t: split must be dev or test, is train",
                "u/t: empty reason"), AccuracyReport.problems(bad));
        assertEquals(Optional.empty(), bad.get(2).category());
    }

    @Test
    void theReportRefusesABadSplitOrABadSetBeforeClassifyingAnything(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, AccuracyReport.run(new String[] {"train"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: AccuracyReport dev|test|all"));

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                - {server: s, source: catalogue, name: a, label: Read, split: dev, reason: r}
                - {server: s, source: catalogue, name: a, label: Spend, split: dev, reason: r}
                """);
        err.reset();
        assertEquals(1, AccuracyReport.run(new String[] {"dev", bad.toString()}, o, e));
        assertEquals(bad + ": error: s/a: unknown label Spend\n" + bad + ": error: s/a: labelled twice\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        err.reset();
        assertEquals(2, AccuracyReport.run(new String[] {"dev", dir.resolve("missing.yaml").toString()}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("missing.yaml: error: no such file\n"));
    }
}
