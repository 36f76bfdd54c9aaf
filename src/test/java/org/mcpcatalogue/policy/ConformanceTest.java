package org.mcpcatalogue.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
import org.mcpcatalogue.policy.engine.Decision;
import org.mcpcatalogue.policy.engine.InMemoryStateStore;
import org.mcpcatalogue.policy.engine.PolicyEngine;

/**
 * Runs the conformance cases in {@code src/test/resources/policy/cases/*.cases}: for each policy, the exact lines
 * {@code policy check} must print, and for each call in order the decision Intercept makes. One test per case,
 * named after its file, line and title.
 */
class ConformanceTest {

    private static final List<String> FILES = List.of(
            "validation.cases", "loading.cases", "regex.cases", "dialect.cases", "upstream.cases",
            "decisions.cases", "counters.cases", "upstream-edges.cases", "yaml-v3.cases");

    @TestFactory
    Stream<DynamicNode> cases() {
        return FILES.stream().map(file -> DynamicContainer.dynamicContainer(file,
                PolicyCases.read(file).stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> run(c)))));
    }

    private static void run(PolicyCases.Case c) {
        CheckReport report = new PolicyCheck().check(PolicyCases.FILE_NAME, c.policy().getBytes(StandardCharsets.UTF_8));
        assertTrue(c.hasCheck() || !c.calls().isEmpty(), c.displayName() + ": a case needs a check or calls section");
        if (c.hasCheck()) {
            List<String> actual = report.lines();
            List<String> expected = new ArrayList<>(c.check());
            // A line "~ <regex>" expects a line matching the regex (for text owned by the YAML reader).
            for (int i = 0; i < expected.size() && i < actual.size(); i++) {
                if (expected.get(i).startsWith("~ ") && actual.get(i).matches(expected.get(i).substring(2))) {
                    expected.set(i, actual.get(i));
                }
            }
            assertEquals(String.join("\n", expected), String.join("\n", actual),
                    c.displayName() + ": policy check output");
        }
        if (c.calls().isEmpty()) {
            return;
        }
        assertTrue(report.valid(), c.displayName() + ": calls need a valid policy, got " + report.lines());
        PolicyEngine engine = PolicyEngine.create(report.policy().orElseThrow(), new InMemoryStateStore());
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (PolicyCases.Call call : c.calls()) {
            Json.Obj in = (Json.Obj) JsonText.parse(call.call());
            String tool = ((Json.Str) in.get("tool").orElseThrow()).value();
            Json args = in.get("args").orElse(new Json.Obj(Map.of()));
            Instant at = OffsetDateTime.parse(((Json.Str) in.get("at").orElse(new Json.Str("2026-01-01T00:00:00Z"))).value()).toInstant();
            Decision d = engine.decide(tool, args, at);
            if (d.allowed() && in.get("upstream_error").map(Json.TRUE::equals).orElse(false)) {
                engine.upstreamError(d);
            }
            expected.add("line " + call.line() + ": " + JsonText.write(JsonText.parse(call.expected())));
            actual.add("line " + call.line() + ": " + JsonText.write(toJson(d)));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), c.displayName() + ": decisions");
    }

    static Json toJson(Decision d) {
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("allowed", d.allowed() ? Json.TRUE : Json.FALSE);
        if (!d.allowed()) {
            m.put("rule", new Json.Str(d.rule()));
            m.put("message", new Json.Str(d.message()));
        }
        return new Json.Obj(m);
    }
}
