package org.mcpcatalogue.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.classify.Classifier;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.classify.ToolJson;
import org.mcpcatalogue.classify.Verdict;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.prove.Proof;
import org.mcpcatalogue.prove.ProofStep;
import org.mcpcatalogue.prove.Prover;
import org.mcpcatalogue.site.GeneratedCatalogues;
import org.mcpcatalogue.validate.CatalogueValidator;

/**
 * Inputs that validate accepts but a policy cannot express as they are: dotted tool names (Intercept cannot
 * rate-limit them), bounds beyond exact float64 comparison, huge enums, and servers with so many tools that a
 * per-tool file would pass 1 MiB. Each recommendation is checked as policy check reads it and proved by the
 * engine.
 */
class HostileInputsTest {

    private static final Classifier CLASSIFIER = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
    private final Recommender recommender = new Recommender();
    private final Prover prover = new Prover();

    private static Server load(Path catalogue, String slug) {
        return new CatalogueValidator(LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors()).validate(new CatalogueLoader().load(catalogue, "catalogue"))
                .catalogue().orElseThrow().server(slug).orElseThrow();
    }

    private Recommendation recommend(Tool t) {
        return recommender.recommend(t, CLASSIFIER.classify(t));
    }

    private static void assertValid(String name, String yaml) {
        CheckReport report = new PolicyCheck().check(name, yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(report.valid(), name + ": " + report.lines() + "\n" + yaml);
    }

    private static void assertProved(Proof proof) {
        for (ProofStep s : proof.steps()) {
            assertTrue(s.passed(), s.claim() + " → " + s.observed());
        }
    }

    /** The fixture's dotted Execute tool runs the caller's command; one that starts a fixed job is still covered. */
    @Test
    void aDottedExecuteToolThatStartsAFixedJobIsDeniedBecauseInterceptCannotRateLimitIt() {
        Tool t = ToolJson.read(JsonText.parse("{\"name\":\"builds.trigger\",\"description\":\"Trigger a build of the"
                + " default branch.\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"branch\":{\"type\":\"string\"}}}}"),
                "test");
        Verdict v = CLASSIFIER.classify(t);
        assertEquals(Category.EXECUTE, v.category());
        assertFalse(v.runsCallerCode(), v.signals().toString());
        Recommendation r = recommender.recommend(t, v);
        assertEquals("deny", r.rules().get(0).action());
        assertTrue(r.explanation().contains("cannot rate-limit builds.trigger"), r.explanation());
        assertProved(prover.prove(t, r));
    }

    @Test
    void dottedWriteAndExecuteToolsAreDeniedBecauseInterceptCannotRateLimitThem() {
        Server s = load(Path.of("src/test/resources/catalogues/hostile/unlimitable-names"), "dotted");
        for (Tool t : s.tools()) {
            Verdict v = CLASSIFIER.classify(t);
            Recommendation r = recommender.recommend(t, v);
            assertValid(t.name(), r.snippetYaml());
            assertProved(prover.prove(t, r));
            if (!t.name().contains(".")) {
                // Intercept v1.1 rate-limits a tool named _global on its own; only beside a "*" rate limit do the
                // two collide, which the server policy never writes for such a tool (the proof checks it below).
                assertEquals("_global", t.name());
                assertTrue(r.rules().stream().anyMatch(rule -> !rule.rateLimit().isEmpty()), r.snippetYaml());
                continue;
            }
            assertTrue(r.rules().stream().allMatch(rule -> rule.rateLimit().isEmpty()), r.snippetYaml());
            if (v.runsCallerCode()) {
                // run.code runs the caller's shell command: blocked for that reason first (issue 10, item 5).
                assertEquals("deny", r.rules().get(0).action(), t.name());
                assertTrue(r.explanation().startsWith(t.name() + " runs code, commands, scripts or queries"), r.explanation());
            } else if (v.category() == Category.WRITE || v.category() == Category.EXECUTE) {
                assertEquals("deny", r.rules().get(0).action(), t.name());
                assertTrue(r.explanation().contains("cannot rate-limit " + t.name()), r.explanation());
                assertTrue(r.notes().stream().anyMatch(n -> n.contains("its name contains a dot")), r.notes().toString());
            }
        }
        assertEquals(List.of(Category.READ, Category.WRITE, Category.DESTRUCTIVE, Category.EXECUTE, Category.FINANCIAL, Category.WRITE),
                s.tools().stream().map(t -> CLASSIFIER.classify(t).category()).toList(), "the fixture covers every category");
        List<Verdict> verdicts = s.tools().stream().map(t -> CLASSIFIER.classify(t, new HashSet<>(s.tags()))).toList();
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < s.tools().size(); i++) {
            recs.add(recommender.recommend(s.tools().get(i), verdicts.get(i)));
        }
        ServerPolicy p = recommender.serverPolicy(s, verdicts, recs);
        assertValid("dotted.yaml", p.yaml());
        assertProved(prover.prove(s.tools(), recs, p));
    }

    @Test
    void boundsAPolicyCannotCompareExactlyAreLeftOutAndNamed() {
        Tool t = ToolJson.read(JsonText.parse("""
                {"name": "run_job", "description": "Execute a job.", "inputSchema": {"type": "object", "properties": {
                  "a": {"type": "integer", "minimum": 9223372036854775808, "maximum": 18446744073709551616},
                  "b": {"type": "number", "minimum": -1e400, "maximum": 1e999999999},
                  "c": {"type": "number", "minimum": 0.1000000000000000055511151231257827, "exclusiveMaximum": 1e-400},
                  "d": {"type": "integer", "enum": [1, 2, 18446744073709551616]},
                  "e": {"type": "integer", "minimum": -5, "maximum": 9007199254740991},
                  "f": {"type": "number", "minimum": 0.5}},
                  "required": ["a", "b", "c", "d", "e", "f"]}}"""), "test");
        Recommendation r = recommend(t);
        assertValid("run_job", r.snippetYaml());
        assertProved(prover.prove(t, r));
        List<String> bounded = r.rules().stream().flatMap(rule -> rule.conditions().stream())
                .filter(c -> !c.op().equals(Operator.EXISTS.text())).map(c -> c.path() + " " + c.op() + " " + JsonText.write(c.value())).toList();
        assertEquals(List.of("args.e gte -5", "args.e lte 9007199254740991", "args.f gte 0.5"), bounded);
        String notes = String.join("\n", r.notes());
        for (String expected : List.of("minimum 9223372036854775808 of a", "maximum 18446744073709551616 of a", "minimum -1e400 of b",
                "maximum 1e999999999 of b", "minimum 0.1000000000000000055511151231257827 of c", "exclusiveMaximum 1e-400 of c",
                "allowed values of d include the number 18446744073709551616")) {
            assertTrue(notes.contains(expected), expected + " in\n" + notes);
        }
        assertTrue(r.notes().stream().filter(n -> n.startsWith("Bound not enforced")).count() == 6, notes);
        assertTrue(notes.length() < 5000, "no number is written out in full: " + notes.length());
    }

    @Test
    void pastedJsonWithADefaultBeyondItsBoundsIsProvedWithAValueInsideThem() {
        // catalogue classify has no validate step: a default outside the bounds must not become the example call.
        Tool t = ToolJson.read(JsonText.parse("""
                {"name": "run_x", "description": "Execute.", "inputSchema": {"type": "object", "properties": {
                  "n": {"type": "number", "minimum": 1, "maximum": 5, "default": 1e999999999},
                  "e": {"enum": [1e999999999, 2]}}, "required": ["n", "e"]}}"""), "test");
        Recommendation r = recommend(t);
        assertValid("run_x", r.snippetYaml());
        Proof proof = prover.prove(t, r);
        assertProved(proof);
        assertTrue(proof.steps().size() >= 8, proof.steps().toString());
    }

    @Test
    void anEnumOfAHundredThousandValuesIsLeftOutAndTheSnippetStaysSmall() {
        Server s = load(Path.of("src/test/resources/catalogues/hostile/huge-enum"), "huge-enum");
        for (Tool t : s.tools()) {
            Recommendation r = recommend(t);
            assertValid(t.name(), r.snippetYaml());
            assertProved(prover.prove(t, r));
            assertFalse(r.rules().stream().flatMap(rule -> rule.conditions().stream()).map(Condition::op)
                    .anyMatch(Operator.IN.text()::equals), t.name());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Enum check not enforced: variant has")), r.notes().toString());
            assertTrue(r.snippetYaml().length() < 4096, t.name() + ": " + r.snippetYaml().length());
        }
    }

    @Test
    void aServerOfTwentyThousandToolsGetsACompactPolicyThatPolicyCheckAccepts(@TempDir Path dir) {
        Server s = load(GeneratedCatalogues.manyTools(dir, 20_000), "many");
        List<Verdict> verdicts = s.tools().parallelStream().map(t -> CLASSIFIER.classify(t, new HashSet<>(s.tags()))).toList();
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < s.tools().size(); i++) {
            recs.add(recommender.recommend(s.tools().get(i), verdicts.get(i)));
        }
        ServerPolicy p = recommender.serverPolicy(s, verdicts, recs);
        assertEquals(ServerPolicy.Form.COMPACT, p.form());
        assertTrue(p.yaml().getBytes(StandardCharsets.UTF_8).length <= Recommender.MAX_POLICY_BYTES, p.yaml().length() + " bytes");
        assertValid("many.yaml", p.yaml());
        assertEquals(5_000, p.policy().hide().size());
        assertTrue(p.notes().get(0).startsWith("A file naming each of the 20000 tools with its own rules would be "), p.notes().toString());
        Proof proof = prover.prove(s.tools(), recs, p);
        assertProved(proof);
        assertEquals(4, proof.steps().size(), proof.steps().toString());
    }

    @Test
    void whenEvenTheHideListIsTooLargeOneRuleDeniesEveryTool() {
        // Out of reach of a 1 MiB catalogue file, so built in memory: 8,000 destructive tools with 128-character names.
        List<Tool> tools = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            String name = "delete_" + "x".repeat(115) + String.format("%06d", i);
            tools.add(ToolJson.read(JsonText.parse("{\"name\": \"" + name + "\", \"description\": \"Delete a file permanently.\","
                    + " \"inputSchema\": {\"type\": \"object\"}}"), "test"));
        }
        Server s = new Server("huge", "Huge", "example", java.net.URI.create("https://example.org/huge"), java.util.Optional.empty(),
                "Huge.", List.of(), java.util.Optional.empty(), java.util.Optional.empty(), LocalDate.of(2026, 1, 1), "test", tools,
                new org.mcpcatalogue.diag.Location("huge.yaml", 1, 1));
        List<Verdict> verdicts = s.tools().parallelStream().map(CLASSIFIER::classify).toList();
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < s.tools().size(); i++) {
            recs.add(recommender.recommend(s.tools().get(i), verdicts.get(i)));
        }
        ServerPolicy p = recommender.serverPolicy(s, verdicts, recs);
        assertEquals(ServerPolicy.Form.DENY_ALL, p.form());
        assertValid("huge.yaml", p.yaml());
        assertTrue(p.yaml().length() < 4096, p.yaml());
        assertTrue(p.notes().get(1).startsWith("Even a compact file hiding each tool that must be denied would be "), p.notes().toString());
        Proof proof = prover.prove(s.tools(), recs, p);
        assertProved(proof);
        assertEquals("8000 of 8000 refused", proof.steps().get(1).observed());
    }

    @Test
    void perToolCommentsGoFirstWhenTheyAloneMakeTheFileTooLarge(@TempDir Path dir) {
        Server s = load(GeneratedCatalogues.manyTools(dir, 4_000), "many");
        List<Verdict> verdicts = s.tools().parallelStream().map(t -> CLASSIFIER.classify(t, new HashSet<>(s.tags()))).toList();
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < s.tools().size(); i++) {
            recs.add(recommender.recommend(s.tools().get(i), verdicts.get(i)));
        }
        ServerPolicy p = recommender.serverPolicy(s, verdicts, recs);
        assertEquals(ServerPolicy.Form.PER_TOOL, p.form());
        assertEquals("deny", p.policy().defaultAction());
        assertTrue(p.notes().get(0).startsWith("The per-tool comments are left out"), p.notes().toString());
        assertFalse(p.yaml().contains("# get_0: Read"), "no per-tool comment");
        assertValid("many.yaml", p.yaml());
        assertTrue(p.yaml().getBytes(StandardCharsets.UTF_8).length <= Recommender.MAX_POLICY_BYTES);
        assertProved(prover.prove(s.tools(), recs, p));
    }
}
