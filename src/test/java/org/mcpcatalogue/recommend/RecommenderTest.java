package org.mcpcatalogue.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.classify.Classifier;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.classify.ToolJson;
import org.mcpcatalogue.classify.Verdict;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.Policies;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.validate.CatalogueValidator;

class RecommenderTest {

    private static final Classifier CLASSIFIER = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
    private final Recommender recommender = new Recommender();

    private static Server server(String slug) {
        return new CatalogueValidator(LocalDate.of(2026, 11, 21), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors()).validate(new CatalogueLoader().load(Path.of("catalogue"), "catalogue"))
                .catalogue().orElseThrow().server(slug).orElseThrow();
    }

    private Recommendation recommend(Server s, String tool) {
        Tool t = s.tool(tool).orElseThrow();
        return recommender.recommend(t, CLASSIFIER.classify(t, new HashSet<>(s.tags())));
    }

    private Recommendation recommend(String json) {
        Tool t = ToolJson.read(JsonText.parse(json), "test");
        return recommender.recommend(t, CLASSIFIER.classify(t));
    }

    @Test
    void fluxIsRateLimitedToThirtyAMinute() {
        Recommendation r = recommend(server("hzzy2o-flux-cloudfare-mcp"), "generate_image");
        assertEquals(1, r.rules().size());
        assertEquals("30/minute", r.rules().get(0).rateLimit());
        assertTrue(r.snippetYaml().startsWith("version: \"1\"\n"), r.snippetYaml());
        assertTrue(r.snippetYaml().contains("rate_limit: \"30/minute\""), r.snippetYaml());
    }

    @Test
    void togetherIsTenAMinuteAndRequiresPrompt() {
        Recommendation r = recommend(server("together-ai"), "generate_image");
        assertEquals(2, r.rules().size());
        assertEquals("10/minute", r.rules().get(0).rateLimit());
        Rule inputs = r.rules().get(1);
        assertEquals(List.of(Condition.requires("prompt")), inputs.conditions(),
                "only the required input is checked; bounding optional ones would deny calls that leave them out");
        assertTrue(r.notes().get(0).startsWith("5 optional inputs have an enum or bounds"), r.notes().toString());
    }

    /** Issue 10, item 5: run_command is blocked like a Destructive tool, with how to enable it and why. */
    @Test
    void aToolThatRunsTheCallersCommandIsDeniedWithHowToEnableIt() {
        Tool t = ToolJson.read(JsonText.parse("{\"name\":\"run_command\",\"description\":\"Run a command on this linux machine\","
                + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}}"), "test");
        Recommendation r = recommender.recommend(t, CLASSIFIER.classify(t));
        assertEquals(List.of(Rule.deny("block run_command", "run_command runs code, commands or queries that the caller writes, so"
                + " this policy blocks it. Ask the user to run it themselves, or to enable it deliberately by replacing this rule"
                + " in the policy.")), r.rules());
        assertEquals("Deny (or hide) until enabled deliberately", r.summary());
        assertTrue(r.explanation().contains("`hide` is the stricter choice"), r.explanation());
        assertEquals(List.of("Blocked: run_command runs code, commands, scripts or queries that the caller writes (\"run\" acting on"
                + " \"command\"), which makes it Critical whatever its category. Execute tools that start a fixed action are"
                + " rate-limited; this one would run whatever the agent is led to write, so it is denied until an operator enables"
                + " it deliberately (or hides it)."), r.notes());
        assertTrue(new org.mcpcatalogue.prove.Prover().prove(t, r).passed());
        // A Read tool that runs browser code the caller writes is blocked too; the note says Read tools are allowed.
        Recommendation read = recommend("{\"name\":\"interact\",\"description\":\"Open a page, click, or run browser code.\","
                + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"}}}}");
        assertEquals("deny", read.rules().get(0).action());
    }

    /** Financial stays a plain deny: Intercept v1.1 has no approval action, and no snippet may use one. */
    @Test
    void financialStaysDeniedWithoutAnApprovalAction() {
        Recommendation r = recommend("{\"name\":\"create_refund\",\"description\":\"Refund a charge to the customer.\"}");
        assertEquals("deny", r.rules().get(0).action());
        assertTrue(!r.snippetYaml().contains("approval\"\n") && !r.snippetYaml().contains("require_approval"), r.snippetYaml());
        assertTrue(r.explanation().contains("newer Intercept versions add require_approval"), r.explanation());
    }

    @Test
    void requiredEnumsAndBoundsAreEnforced() {
        Recommendation r = recommend("{\"name\":\"run_job\",\"description\":\"Run a job.\",\"inputSchema\":{\"type\":\"object\",\"properties\":{"
                + "\"queue\":{\"type\":\"string\",\"enum\":[\"fast\",\"slow\"]},\"workers\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":8}},"
                + "\"required\":[\"queue\",\"workers\"]}}");
        assertEquals(List.of(
                Condition.requires("queue"),
                Condition.of("args.queue", Operator.IN, new Json.Arr(List.of(new Json.Str("fast"), new Json.Str("slow")))),
                Condition.requires("workers"),
                Condition.of("args.workers", Operator.GTE, Json.Num.of(1)),
                Condition.of("args.workers", Operator.LTE, Json.Num.of(8))), r.rules().get(1).conditions());
        assertEquals("run_job needs queue (one of fast, slow); workers, workers ≥ 1, workers ≤ 8. Call it again with every required input.",
                r.rules().get(1).onDeny());
    }

    @Test
    void destructiveAndFinancialToolsAreDeniedWithInstructions() {
        Recommendation d = recommend("{\"name\":\"delete_repository\",\"description\":\"Delete a repository.\"}");
        assertEquals("deny", d.rules().get(0).action());
        assertTrue(d.rules().get(0).onDeny().contains("enable it deliberately"), d.rules().get(0).onDeny());
        Recommendation f = recommend("{\"name\":\"create_refund\",\"description\":\"Refund a charge.\"}");
        assertEquals("deny", f.rules().get(0).action());
        assertTrue(f.rules().get(0).onDeny().contains("requires human approval"), f.rules().get(0).onDeny());
    }

    @Test
    void readToolsAreListedWithNoRules() {
        Recommendation r = recommend("{\"name\":\"list_issues\",\"description\":\"List issues of a repository.\"}");
        assertEquals(List.of(), r.rules());
        assertTrue(r.snippetYaml().contains("list_issues:\n    rules: []"), r.snippetYaml());
    }

    @Test
    void everyRuleIsNamedAndExplainsItself() {
        for (String json : List.of("{\"name\":\"update_issue\",\"description\":\"Update an issue.\"}",
                "{\"name\":\"run_query\",\"description\":\"Run SQL.\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"sql\":{\"type\":\"string\"}},\"required\":[\"sql\"]}}",
                "{\"name\":\"drop_table\",\"description\":\"Drop a table.\"}")) {
            for (Rule rule : recommend(json).rules()) {
                assertTrue(!rule.name().isBlank() && !rule.onDeny().isBlank(), rule.toString());
            }
        }
    }

    @Test
    void aServerPolicyListsEveryToolDeniesUnknownOnesAndValidates() {
        Server s = server("together-ai");
        List<Verdict> verdicts = s.tools().stream().map(t -> CLASSIFIER.classify(t, new HashSet<>(s.tags()))).toList();
        List<Recommendation> recs = new java.util.ArrayList<>();
        for (int i = 0; i < s.tools().size(); i++) {
            recs.add(recommender.recommend(s.tools().get(i), verdicts.get(i)));
        }
        ServerPolicy p = recommender.serverPolicy(s, verdicts, recs);
        assertEquals("deny", p.policy().defaultAction());
        assertEquals(List.of("generate_image"), List.copyOf(p.policy().tools().keySet()));
        assertEquals(List.of(), Policies.validate(p.policy()));
        assertTrue(p.yaml().contains("# generate_image: Execute, High risk (3/5)."), p.yaml());
    }
}
