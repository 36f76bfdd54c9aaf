package org.mcpcatalogue.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;

/**
 * The snippets printed on two pages of the existing public catalogue (copied in resources/policy/seeds) are not
 * valid Intercept policies: they must be rejected with the loading error Intercept would hit, and explained by
 * hints that give the valid equivalent.
 */
class SeedSnippetTest {

    /** The YAML under the line naming the file ({@code something.yaml}), up to the next blank line. */
    static String snippet(String page, StringBuilder fileName) {
        List<String> lines = List.of(page.split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().endsWith(".yaml")) {
                fileName.append(lines.get(i).strip());
                List<String> yaml = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
                    yaml.add(lines.get(j));
                }
                return String.join("\n", yaml) + "\n";
            }
        }
        throw new AssertionError("no snippet on the page");
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("flux-cloudflare-generate_image.txt", "hzzy2o-flux-cloudfare-mcp.yaml", List.of(
                        "hzzy2o-flux-cloudfare-mcp.yaml:6:11: error: tools.generate_image.rules[0].rate_limit: expected a string, found a mapping; Intercept cannot load this file",
                        "hzzy2o-flux-cloudfare-mcp.yaml: hint: start the file with version: \"1\"; Intercept requires it",
                        "hzzy2o-flux-cloudfare-mcp.yaml: hint: tools.generate_image.rules[0]: write rate_limit: 30/minute instead of {max: 30, window: 60} (Intercept counts calls in fixed UTC minutes, shared by every client, not per session)",
                        "hzzy2o-flux-cloudfare-mcp.yaml: hint: tools.generate_image.rules[0]: there is no action \"allow\"; leave action out (a rate_limit rule is an evaluate rule)",
                        "hzzy2o-flux-cloudfare-mcp.yaml: hint: tools.generate_image.rules[0]: every rule needs a name, e.g. name: \"generate_image rate limit\"",
                        "hzzy2o-flux-cloudfare-mcp.yaml: hint: tools.generate_image.rules[0]: in valid syntax: rules: [{name: \"generate_image rate limit\", rate_limit: \"30/minute\"}]")),
                Arguments.of("together-ai-generate_image.txt", "together-ai.yaml", List.of(
                        "together-ai.yaml:6:11: error: tools.generate_image.rules[0].rate_limit: expected a string, found a mapping; Intercept cannot load this file",
                        "together-ai.yaml:8:9: warning: unknown key \"validate\" in tools.generate_image.rules[0] is ignored by Intercept",
                        "together-ai.yaml: hint: start the file with version: \"1\"; Intercept requires it",
                        "together-ai.yaml: hint: tools.generate_image.rules[0]: write rate_limit: 10/minute instead of {max: 10, window: 60} (Intercept counts calls in fixed UTC minutes, shared by every client, not per session)",
                        "together-ai.yaml: hint: tools.generate_image.rules[0]: there is no action \"allow\"; leave action out (a rate_limit rule is an evaluate rule)",
                        "together-ai.yaml: hint: tools.generate_image.rules[0]: validate: does not exist in Intercept; for required_args: true add a rule with one condition per required argument of generate_image, {path: \"args.<argument>\", op: \"exists\", value: true}, as a separate rule (a rate_limit rule cannot have conditions)",
                        "together-ai.yaml: hint: tools.generate_image.rules[0]: every rule needs a name, e.g. name: \"generate_image rate limit\"",
                        "together-ai.yaml: hint: tools.generate_image.rules[0]: in valid syntax: rules: [{name: \"generate_image rate limit\", rate_limit: \"10/minute\"}, {name: \"generate_image required arguments\", conditions: [{path: \"args.<argument>\", op: \"exists\", value: true}], on_deny: \"Missing a required argument for generate_image\"}] (one exists condition per required argument)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void theSnippetIsRejectedAndExplained(String page, String expectedFile, List<String> expected) {
        StringBuilder file = new StringBuilder();
        String yaml = snippet(PolicyCases.resource("seeds/" + page), file);
        assertEquals(expectedFile, file.toString());
        CheckReport report = new PolicyCheck().check(file.toString(), yaml.getBytes(StandardCharsets.UTF_8));
        assertFalse(report.valid());
        assertEquals(String.join("\n", expected), String.join("\n", report.lines()));
    }

    @ParameterizedTest(name = "{0}: the suggested rule is valid")
    @MethodSource("pages")
    void theSuggestedRateLimitIsValid(String page, String expectedFile, List<String> expected) {
        String hint = expected.stream().filter(l -> l.contains("in valid syntax: rules: [{name: \"generate_image rate limit\""))
                .findFirst().orElseThrow();
        String rule = hint.substring(hint.indexOf("[{") + 1, hint.indexOf('}') + 1);
        String fixed = "version: \"1\"\ntools:\n  generate_image:\n    rules:\n      - " + rule + "\n";
        CheckReport report = new PolicyCheck().check("fixed.yaml", fixed.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("fixed.yaml: valid"), report.lines(), fixed);
    }
}
