package org.mcpcatalogue.policy.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.Policies;
import org.mcpcatalogue.policy.engine.InvalidPolicyException;
import org.mcpcatalogue.policy.load.LoadResult;
import org.mcpcatalogue.policy.load.PolicyLoader;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.Window;

class PolicyWriterTest {

    private static LoadResult read(String text) {
        return new PolicyLoader().load("written.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> randomPoliciesReadBackUnchanged() {
        return IntStream.range(0, 25).mapToObj(batch -> DynamicTest.dynamicTest("seeds " + batch * 40 + ".." + (batch * 40 + 39), () -> {
            for (long seed = batch * 40L; seed < batch * 40L + 40; seed++) {
                Policy p = new RandomPolicies(seed).policy();
                String text = PolicyWriter.write(p, new PolicyWriter.Comments(List.of("seed " + seed),
                        Map.of(p.tools().keySet().stream().findFirst().orElse("none"), List.of("first tool\nsecond line"))));
                LoadResult back = read(text);
                String context = "seed " + seed + ":\n" + text;
                assertEquals(List.of(), back.diagnostics(), context);
                assertEquals(p, back.policy().orElseThrow(), context);
                assertEquals(text.replaceAll("(?m)^\\s*#.*\\n", ""),
                        PolicyWriter.write(back.policy().orElseThrow()), "writing is stable, " + context);
            }
        }));
    }

    @Test
    void writesTheCanonicalLayout() {
        Policy p = Policy.builder()
                .description("Stripe: \"payments\"")
                .defaultDeny()
                .hide("delete_everything")
                .tool("create_charge",
                        Rule.evaluate("max single charge",
                                List.of(Condition.of("args.amount", Operator.LTE, Json.Num.of(50000))),
                                "Single charge cannot exceed $500.00"),
                        Rule.evaluate("daily spend cap",
                                List.of(Condition.of("state.create_charge.daily_spend", Operator.LT, Json.Num.of(1000000))),
                                "Daily cap\nreached")
                                .withState(StateConfig.summing("daily_spend", Window.DAY, "args.amount")))
                .tool("read_file")
                .wildcard(Rule.rateLimit("global rate limit", 60, Window.MINUTE))
                .build();
        String expected = """
                # generated
                version: "1"
                description: "Stripe: \\"payments\\""
                default: "deny"
                hide:
                  - "delete_everything"

                tools:
                  # charges
                  create_charge:
                    rules:
                      - name: "max single charge"
                        conditions:
                          - path: "args.amount"
                            op: "lte"
                            value: 50000
                        on_deny: "Single charge cannot exceed $500.00"
                      - name: "daily spend cap"
                        conditions:
                          - path: "state.create_charge.daily_spend"
                            op: "lt"
                            value: 1000000
                        state:
                          counter: "daily_spend"
                          window: "day"
                          increment_from: "args.amount"
                        on_deny: "Daily cap\\nreached"

                  read_file:
                    rules: []

                  "*":
                    rules:
                      - name: "global rate limit"
                        rate_limit: "60/minute"
                """;
        assertEquals(expected, Policies.writeValid(p, new PolicyWriter.Comments(List.of("generated"),
                Map.of("create_charge", List.of("charges")))));
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() {
        Policy p = Policy.builder().hide("yes", "no", "null", "1", "~", "true", "0x1F", "1_000", "2026-01-01", " a", "#x")
                .tool("yes", Rule.deny("on", "off")).tool("1", Rule.deny("null", "")).tool("null", Rule.deny("x", ""))
                .build();
        String text = PolicyWriter.write(p);
        assertEquals(p, read(text).policy().orElseThrow(), text);
    }

    @Test
    void floatsStayFloatsAndIntegersStayIntegers() {
        Condition c = Condition.of("args.x", Operator.IN, new Json.Arr(List.of(Json.Num.of(5),
                new Json.Num(new java.math.BigDecimal("5.0")), new Json.Num(new java.math.BigDecimal("1e21")),
                new Json.Num(new java.math.BigDecimal("-0.000001")))));
        assertEquals("[5, 5.0, 1.0E21, -1.0E-6]", PolicyWriter.value(c.value()));
        Policy p = Policy.builder().tool("t", Rule.evaluate("r", List.of(c), "")).build();
        assertEquals(p, read(PolicyWriter.write(p)).policy().orElseThrow());
    }

    @Test
    void writeValidRefusesAnInvalidPolicy() {
        Policy p = Policy.builder().tool("t", Rule.rateLimit("a", 5, Window.HOUR), Rule.rateLimit("b", 9, Window.HOUR)).build();
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> Policies.writeValid(p, PolicyWriter.Comments.NONE));
        assertEquals("tools.t.rules[1]: duplicate state counter \"_rate_hour\" (also used by rules[0])",
                e.errors().get(0).message());
    }
}
