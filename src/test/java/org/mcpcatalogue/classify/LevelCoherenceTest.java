package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Curation;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.prove.Prover;
import org.mcpcatalogue.recommend.Recommendation;
import org.mcpcatalogue.recommend.Recommender;
import org.mcpcatalogue.validate.CatalogueValidator;

/**
 * Issue 10, items 4 and 5, over the whole real catalogue (catalogue/servers): every tool is classified, and across
 * all of them a higher score never shows a lower level, each category's floor holds, and every tool found to run
 * the caller's code is Critical, 5/5, and blocked by a proved deny rule. The expected mapping is written here by
 * hand from issue 10, not read from the rules.
 */
class LevelCoherenceTest {

    private static final Classifier CLASSIFIER = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));

    /** Score → level, as docs/classification.md states it. */
    private static final Map<Integer, RiskLevel> BY_SCORE = Map.of(1, RiskLevel.LOW, 2, RiskLevel.MEDIUM, 3, RiskLevel.HIGH,
            4, RiskLevel.HIGH, 5, RiskLevel.CRITICAL);
    private static final Map<Category, RiskLevel> FLOOR = Map.of(Category.READ, RiskLevel.LOW, Category.WRITE, RiskLevel.MEDIUM,
            Category.EXECUTE, RiskLevel.HIGH, Category.DESTRUCTIVE, RiskLevel.CRITICAL, Category.FINANCIAL, RiskLevel.CRITICAL);

    record Classified(Server server, Tool tool, Verdict verdict) {
        String id() {
            return server.slug() + "/" + tool.name() + " (" + verdict.category().label() + ", " + verdict.riskLevel().label()
                    + " " + verdict.riskScore() + "/5)";
        }
    }

    private static List<Classified> all;

    @BeforeAll
    static void classifyTheCatalogue() {
        Catalogue c = new CatalogueValidator(LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors())
                .validate(new CatalogueLoader().load(Path.of("catalogue"), "catalogue")).catalogue().orElseThrow();
        all = new ArrayList<>();
        for (Server s : c.servers()) {
            for (Tool t : s.tools()) {
                all.add(new Classified(s, t, CLASSIFIER.classify(t, new HashSet<>(s.tags()))));
            }
        }
        assertTrue(all.size() > 2000, "the real catalogue: " + all.size() + " tools");
    }

    @Test
    void aHigherScoreNeverShowsALowerLevelAnywhereInTheCatalogue() {
        // For each score, the tool with the lowest and the one with the highest level; then compare neighbours and
        // beyond: every tool of a higher score must be at least as high as every tool of a lower score.
        TreeMap<Integer, Classified> lowest = new TreeMap<>();
        TreeMap<Integer, Classified> highest = new TreeMap<>();
        for (Classified t : all) {
            int s = t.verdict().riskScore();
            lowest.merge(s, t, (a, b) -> b.verdict().riskLevel().compareTo(a.verdict().riskLevel()) < 0 ? b : a);
            highest.merge(s, t, (a, b) -> b.verdict().riskLevel().compareTo(a.verdict().riskLevel()) > 0 ? b : a);
        }
        List<String> broken = new ArrayList<>();
        for (int lower : highest.keySet()) {
            for (int higher : lowest.tailMap(lower, false).keySet()) {
                Classified a = highest.get(lower);
                Classified b = lowest.get(higher);
                if (b.verdict().riskLevel().compareTo(a.verdict().riskLevel()) < 0) {
                    broken.add(b.id() + " is below " + a.id());
                }
            }
        }
        assertEquals(List.of(), broken);
        assertEquals(5, lowest.size(), "every score from 1 to 5 occurs in the catalogue: " + lowest.keySet());
    }

    @Test
    void theLevelIsTheScoresLevelWithTheCategoryAsAFloor() {
        List<String> wrong = new ArrayList<>();
        for (Classified t : all) {
            Verdict v = t.verdict();
            RiskLevel expected = BY_SCORE.get(v.riskScore()).atLeast(FLOOR.get(v.category()));
            if (v.flags().stream().anyMatch(f -> !f.kind().equals("annotation-contradiction"))) {
                expected = expected.atLeast(RiskLevel.HIGH);
            }
            if (v.riskLevel() != expected) {
                wrong.add(t.id() + ", expected " + expected.label());
            }
            if (v.riskLevel().compareTo(FLOOR.get(v.category())) < 0) {
                wrong.add(t.id() + " is below the floor of " + v.category().label());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theFixedPointsHold() {
        Verdict flux = find("hzzy2o-flux-cloudfare-mcp", "generate_image").verdict();
        assertEquals(List.of(Category.WRITE, RiskLevel.MEDIUM, 2), List.of(flux.category(), flux.riskLevel(), flux.riskScore()));
        Verdict together = find("together-ai", "generate_image").verdict();
        assertEquals(List.of(Category.EXECUTE, RiskLevel.HIGH, 3), List.of(together.category(), together.riskLevel(), together.riskScore()));
        assertTrue(!together.runsCallerCode(), "paid inference starts a fixed action: " + together.signals());
    }

    @Test
    void everyToolThatRunsTheCallersCodeIsCriticalAndBlocked() {
        Recommender recommender = new Recommender();
        Prover prover = new Prover();
        List<String> caller = new ArrayList<>();
        for (Classified t : all) {
            if (!t.verdict().runsCallerCode()) {
                continue;
            }
            caller.add(t.server().slug() + "/" + t.tool().name());
            assertEquals(List.of(RiskLevel.CRITICAL, 5), List.of(t.verdict().riskLevel(), t.verdict().riskScore()), t.id());
            Recommendation r = recommender.recommend(t.tool(), t.verdict());
            assertEquals("deny", r.rules().get(0).action(), t.id());
            assertTrue(prover.prove(t.tool(), r).passed(), t.id());
        }
        // Read by hand from the definitions: each takes code, a command line, a script or SQL written in the call.
        for (String expected : List.of("kubernetes/exec_in_pod", "kubernetes/kubectl_generic", "playwright/browser_run_code_unsafe",
                "playwright/browser_evaluate", "supabase/execute_sql", "neon/run_sql", "blender/execute_blender_code",
                "sqlite-mcp-server/write_query", "neo4j/write-cypher", "database-server/execute_sql")) {
            assertTrue(caller.contains(expected), expected + " not found among " + caller);
        }
        // Fixed actions, and queries the server limits to reading, are not blocked for this reason.
        for (String notCaller : List.of("circleci/run_pipeline", "buildkite/create_build", "together-ai/generate_image",
                "postgres/query", "sqlite-mcp-server/read_query", "neo4j/read-cypher", "github/search_code", "keboola-mcp/run_job")) {
            assertTrue(!caller.contains(notCaller), notCaller + " is not running the caller's code");
        }
    }

    private static Classified find(String server, String tool) {
        return all.stream().filter(t -> t.server().slug().equals(server) && t.tool().name().equals(tool)).findFirst().orElseThrow();
    }

    /** A curated score too low for the tool's floor is raised, so that curation cannot break the order either. */
    @Test
    void aCuratedScoreBelowTheFloorIsRaisedToKeepTheOrder() {
        Tool plain = ToolJson.read(JsonText.parse("{\"name\":\"wipe_cache\",\"description\":\"Remove every cached page.\"}"), "test");
        Tool curated = new Tool(plain.name(), plain.slug(), plain.title(), plain.description(), plain.inputSchema(),
                plain.outputSchema(), plain.annotations(),
                Optional.of(new Curation(Category.DESTRUCTIVE, Optional.empty(), Optional.of(2), "the cache cannot be rebuilt")),
                plain.hiddenCharacters(), plain.storedFingerprint(), plain.location());
        Verdict v = CLASSIFIER.classify(curated);
        // Destructive is Critical; at 2/5 it would sit below High tools of 3/5 and 4/5. 4 is the lowest score
        // whose next score (5) is Critical.
        assertEquals(List.of(Category.DESTRUCTIVE, RiskLevel.CRITICAL, 4), List.of(v.category(), v.riskLevel(), v.riskScore()));
        assertTrue(v.signals().stream().anyMatch(s -> s.source().equals("level") && s.effect().startsWith("+2 risk")),
                v.signals().toString());
    }
}
