package org.mcpcatalogue.importer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Failures read from the import's error messages (written here as McpStdioClient words them). */
class FailuresTest {

    private static String exited(String when, int status, String stderr) {
        return "the server (node /x/index.js) closed its output before " + when + " (it exited with status " + status + ")\n"
                + "(it ran in the sandbox: no network)\n--- its standard error ---\n" + stderr + "\n---";
    }

    @Test
    void aServerAskingForAKeyNeedsCredentials() {
        assertEquals(Outcome.NEEDS_CREDENTIALS, Failures.classify(exited("answering initialize", 1,
                "Error: BRAVE_API_KEY environment variable is required")));
        assertEquals(Outcome.NEEDS_CREDENTIALS, Failures.classify(exited("answering initialize", 1,
                "Please provide a personal access token (PAT) with the --access-token flag")));
        assertEquals(Outcome.NEEDS_CREDENTIALS, Failures.classify(exited("answering tools/list", 1,
                "Error: OAuth keys file not found. Please place gcp-oauth.keys.json in current directory")));
    }

    @Test
    void aServerThatDiesOtherwiseCrashed() {
        assertEquals(Outcome.CRASHED, Failures.classify(exited("answering initialize", 1,
                "TypeError: Cannot read properties of undefined (reading 'map')\n    at Object.<anonymous> (/x/index.js:3:9)")));
    }

    @Test
    void aProgramThatExitsAtOnceWithSuccessIsNotAnMcpServer() {
        assertEquals(Outcome.NOT_MCP, Failures.classify(exited("answering initialize", 0, "")));
    }

    @Test
    void noAnswerInTimeTimedOutUnlessItOnlyEverWroteSomethingElse() {
        assertEquals(Outcome.TIMED_OUT, Failures.classify("the server (node x.js) did not answer initialize within 20 s\n"
                + "(it wrote nothing to standard error)"));
        assertEquals(Outcome.TIMED_OUT, Failures.classify("the server (node x.js) did not answer tools/list within 20 s\n"
                + "(it wrote nothing to standard error)"));
        assertEquals(Outcome.NOT_MCP, Failures.classify("the server (node x.js) did not answer initialize within 20 s\n"
                + "(it wrote 2 lines to standard output that are not JSON-RPC (skipped); the first: \"? Pick a project\")\n"
                + "(it wrote nothing to standard error)"));
    }

    @Test
    void theSummaryIsTheProblemAndTheLastWordOfStandardError() {
        assertEquals("closed its output before answering initialize (it exited with status 1) — Error: no key",
                Failures.summary(exited("answering initialize", 1, "Error: no key\n    at main (/x/index.js:1:1)\n\nNode.js v22.1.0")));
    }

    @Test
    void colourCodesAreLeftOutOfTheSummary() {
        assertEquals("closed its output before answering initialize (it exited with status 1) — INFO Set GITLAB_TOKEN [names GITLAB_TOKEN]",
                Failures.summary(exited("answering initialize", 1, "\u001B[32mINFO\u001B[39m \u001B[36mSet GITLAB_TOKEN\u001B[39m")));
    }

    @Test
    void theVariablesAServerAsksForAreNamed() {
        assertEquals("closed its output before answering initialize (it exited with status 1) — exiting now"
                + " [names DATADOG_API_KEY DATADOG_APP_KEY]", Failures.summary(exited("answering initialize", 1,
                "Error: DATADOG_API_KEY and DATADOG_APP_KEY must be set (see DEBUG_MODE)\nexiting now")));
    }
}
