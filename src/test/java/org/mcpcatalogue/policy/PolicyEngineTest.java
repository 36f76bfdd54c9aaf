package org.mcpcatalogue.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.engine.Decision;
import org.mcpcatalogue.policy.engine.InMemoryStateStore;
import org.mcpcatalogue.policy.engine.InvalidPolicyException;
import org.mcpcatalogue.policy.engine.PolicyEngine;
import org.mcpcatalogue.policy.engine.StateStore;
import org.mcpcatalogue.policy.load.LoadResult;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.policy.validate.PolicyError;
import org.mcpcatalogue.policy.write.PolicyWriter;

/** The API as the recommender uses it: build, write, validate, enforce, report upstream errors. */
class PolicyEngineTest {

    private static final Json.Obj NO_ARGS = new Json.Obj(Map.of());

    private static Policy sample() {
        return Policy.builder()
                .tool("create_issue", Rule.rateLimit("create_issue rate limit", 2, Window.MINUTE))
                .tool("delete_repo", Rule.deny("block delete_repo", "Deleting repositories is not allowed"))
                .tool("search", Rule.evaluate("search needs a query",
                        List.of(Condition.requires("query")), "Give a query"))
                .build();
    }

    @Test
    void aBuiltPolicyIsWrittenReadBackAndEnforced() {
        String yaml = Policies.writeValid(sample(), PolicyWriter.Comments.NONE);
        LoadResult read = Policies.read("p.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Optional.of(sample()), read.policy());
        assertEquals(List.of(), Policies.validate(read.policy().orElseThrow()));

        StateStore store = new InMemoryStateStore();
        PolicyEngine engine = Policies.engine(read.policy().orElseThrow(), store, Clock.systemUTC());
        Instant t = Instant.parse("2026-01-01T00:00:05Z");
        assertTrue(engine.decide("create_issue", NO_ARGS, t).allowed());
        Decision second = engine.decide("create_issue", NO_ARGS, t.plusSeconds(1));
        assertTrue(second.allowed());
        Decision third = engine.decide("create_issue", NO_ARGS, t.plusSeconds(2));
        assertEquals(new Decision(false, "create_issue rate limit",
                "Rate limit of 2 per minute reached. Try again later.", List.of()), third);
        assertEquals(Optional.of("[INTERCEPT POLICY DENIED] Rate limit of 2 per minute reached. Try again later."),
                third.agentText());

        engine.upstreamError(second);
        assertEquals(Map.of("create_issue._rate_minute", 1L), engine.counters(t));
        assertTrue(engine.decide("create_issue", NO_ARGS, t.plusSeconds(3)).allowed());

        assertEquals("Deleting repositories is not allowed", engine.decide("delete_repo", NO_ARGS, t).message());
        assertEquals("Give a query", engine.decide("search", NO_ARGS, t).message());
        assertTrue(engine.decide("search", new Json.Obj(Map.of("query", new Json.Str("x"))), t).allowed());
    }

    @Test
    void theEngineClockDecidesCallsWithoutAnInstant() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:59Z"), ZoneOffset.UTC);
        StateStore store = new InMemoryStateStore();
        PolicyEngine engine = PolicyEngine.create(sample(), store, fixed);
        assertTrue(engine.decide("create_issue", NO_ARGS).allowed());
        assertTrue(engine.decide("create_issue", NO_ARGS).allowed());
        assertFalse(engine.decide("create_issue", NO_ARGS).allowed());
        PolicyEngine nextMinute = PolicyEngine.create(sample(), store,
                Clock.offset(fixed, java.time.Duration.ofSeconds(1)));
        assertTrue(nextMinute.decide("create_issue", NO_ARGS).allowed(), "a new UTC minute starts at :00");
    }

    @Test
    void enginesSharingAStoreShareCounters() {
        StateStore store = new InMemoryStateStore();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        PolicyEngine a = PolicyEngine.create(sample(), store);
        PolicyEngine b = PolicyEngine.create(sample(), store);
        assertTrue(a.decide("create_issue", NO_ARGS, t).allowed());
        assertTrue(b.decide("create_issue", NO_ARGS, t).allowed());
        assertFalse(a.decide("create_issue", NO_ARGS, t).allowed());
    }

    @Test
    void anInvalidPolicyIsRefusedWithInterceptsMessages() {
        Policy bad = Policy.builder().version("2").tool("t", Rule.deny("", "")).build();
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> PolicyEngine.create(bad, new InMemoryStateStore()));
        assertEquals(List.of("version must be \"1\", got \"2\"", "tools.t.rules[0]: rule must have a name"),
                e.errors().stream().map(PolicyError::message).toList());
    }

    @Test
    void validationErrorsPointAtTheOffendingNode() {
        String text = "version: \"1\"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n"
                + "          - path: args.x\n            op: lt\n            value: \"ten\"\n      - action: deny\n";
        LoadResult read = Policies.read("p.yaml", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<PolicyError> errors = Policies.validate(read.policy().orElseThrow());
        assertEquals(2, errors.size());
        assertEquals(Optional.of(new Location("p.yaml", 9, 20)), read.locate(errors.get(0).path()));
        assertEquals(Optional.of(new Location("p.yaml", 10, 9)), read.locate(errors.get(1).path()),
                "a missing name points at the rule");
    }

    /**
     * Intercept's stores roll a reservation back from the counter as it is stored when the JSON-RPC error arrives,
     * flooring at zero: a late error after the window turned lowers the new window's count, never below zero.
     */
    @Test
    void aLateRollbackLowersTheCurrentCounterButNeverBelowZero() {
        Policy p = Policy.builder().tool("t", Rule.rateLimit("limit", 5, Window.MINUTE)).build();
        PolicyEngine engine = Policies.engine(p, new InMemoryStateStore(), Clock.systemUTC());
        Instant late = Instant.parse("2026-01-01T10:00:59Z");
        Decision first = engine.decide("t", NO_ARGS, late);
        Decision second = engine.decide("t", NO_ARGS, late);
        assertTrue(first.allowed() && second.allowed());
        Instant next = Instant.parse("2026-01-01T10:01:00Z");
        assertTrue(engine.decide("t", NO_ARGS, next).allowed());
        assertEquals(Map.of("t._rate_minute", 1L), engine.counters(next));
        engine.upstreamError(first);
        assertEquals(Map.of("t._rate_minute", 0L), engine.counters(next));
        engine.upstreamError(second);
        assertEquals(Map.of("t._rate_minute", 0L), engine.counters(next));
        assertTrue(engine.decide("t", NO_ARGS, next).allowed());
        assertEquals(Map.of("t._rate_minute", 1L), engine.counters(next));
    }

    /** Intercept forwards a tools/call whose arguments are not a JSON object without evaluating any rule. */
    @Test
    void argumentsThatAreNotAnObjectAreForwardedUnevaluated() {
        Policy p = Policy.builder().tool("delete_repo", Rule.deny("never", "no")).build();
        PolicyEngine engine = Policies.engine(p, new InMemoryStateStore(), Clock.systemUTC());
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        assertEquals(new Decision(true, "", "", List.of()), engine.decide("delete_repo", new Json.Arr(List.of()), t));
        assertEquals(new Decision(true, "", "", List.of()), engine.decide("delete_repo", Json.str("x"), t));
        assertFalse(engine.decide("delete_repo", Json.NULL, t).allowed());
        assertFalse(engine.decide("delete_repo", NO_ARGS, t).allowed());
    }
}
