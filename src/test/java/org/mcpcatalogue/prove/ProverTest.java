package org.mcpcatalogue.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.classify.Classifier;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.classify.ToolJson;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.policy.write.PolicyWriter;
import org.mcpcatalogue.recommend.Recommendation;
import org.mcpcatalogue.recommend.Recommender;

class ProverTest {

    private static final Classifier CLASSIFIER = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
    private final Prover prover = new Prover();

    private static Tool tool(String json) {
        return ToolJson.read(JsonText.parse(json), "test");
    }

    private Proof prove(String json) {
        Tool t = tool(json);
        return prover.prove(t, new Recommender().recommend(t, CLASSIFIER.classify(t)));
    }

    @Test
    void everyCategorysRecommendationIsProved() {
        for (String json : List.of(
                "{\"name\":\"list_issues\",\"description\":\"List issues of a repository.\"}",
                "{\"name\":\"update_issue\",\"description\":\"Update an issue.\",\"inputSchema\":{\"type\":\"object\",\"required\":[\"n\"],\"properties\":{\"n\":{\"type\":\"integer\"}}}}",
                "{\"name\":\"run_job\",\"description\":\"Run a job.\",\"inputSchema\":{\"type\":\"object\",\"properties\":{"
                        + "\"queue\":{\"type\":\"string\",\"enum\":[\"fast\",\"slow\"]},\"workers\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"maximum\":8.5}},"
                        + "\"required\":[\"queue\",\"workers\"]}}",
                "{\"name\":\"delete_repository\",\"description\":\"Delete a repository.\"}",
                "{\"name\":\"create_refund\",\"description\":\"Refund a charge.\"}")) {
            Proof p = prove(json);
            assertTrue(p.passed(), json + " -> " + p.failures());
        }
    }

    @Test
    void theRunJobProofChecksEveryCondition() {
        Proof p = prove("{\"name\":\"run_job\",\"description\":\"Run a job.\",\"inputSchema\":{\"type\":\"object\",\"properties\":{"
                + "\"queue\":{\"type\":\"string\",\"enum\":[\"fast\",\"slow\"]},\"workers\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":8}},"
                + "\"required\":[\"queue\",\"workers\"]}}");
        List<String> claims = p.steps().stream().map(ProofStep::claim).toList();
        assertTrue(claims.contains("Calls 1–10 within one UTC minute are allowed."), claims.toString());
        assertTrue(claims.stream().anyMatch(c -> c.startsWith("A call without queue is denied")), claims.toString());
        assertTrue(claims.stream().anyMatch(c -> c.startsWith("A call with queue outside its allowed values is denied")), claims.toString());
        assertTrue(claims.stream().anyMatch(c -> c.startsWith("A call with workers below 1 is denied")), claims.toString());
        assertTrue(claims.stream().anyMatch(c -> c.startsWith("A call with workers above 8 is denied")), claims.toString());
    }

    /** The prover compares claims with the engine; a claim the engine does not bear out fails the proof. */
    @Test
    void aFalseClaimFailsTheProof() {
        Tool t = tool("{\"name\":\"update_issue\",\"description\":\"Update an issue.\"}");
        Rule rule = Rule.rateLimit("limit", 5, Window.MINUTE, "slow down");
        Policy snippet = Policy.builder().tool("update_issue", rule).build();
        // The YAML says 5/minute, but the model the page would describe says 6/minute.
        Policy claimed = Policy.builder().tool("update_issue", Rule.rateLimit("limit", 6, Window.MINUTE, "slow down")).build();
        Recommendation lying = new Recommendation("update_issue", "", claimed.rulesOf("update_issue"), "", List.of(), claimed,
                PolicyWriter.write(snippet));
        Proof p = prover.prove(t, lying);
        assertFalse(p.passed());
        assertEquals("valid, but reads back differently", p.steps().get(0).observed());
    }

    @Test
    void proofsAreDeterministic() {
        String json = "{\"name\":\"update_issue\",\"description\":\"Update an issue.\"}";
        assertEquals(prove(json), prove(json));
    }
}
