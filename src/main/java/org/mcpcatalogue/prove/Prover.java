package org.mcpcatalogue.prove;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
import org.mcpcatalogue.policy.engine.Decision;
import org.mcpcatalogue.policy.engine.InMemoryStateStore;
import org.mcpcatalogue.policy.engine.PolicyEngine;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.recommend.Recommendation;
import org.mcpcatalogue.recommend.ServerPolicy;

/**
 * Stage 5, prove: every published policy is checked as Intercept would load it (the YAML text goes through
 * {@code policy check}, and must read back as the policy that was built) and then exercised: calls are replayed
 * against the embedded engine at fixed UTC instants, and each claim the site makes is compared with the
 * engine's answer. The same input gives the same proof, byte for byte.
 */
public final class Prover {

    /** Where replayed calls start: the first second of a UTC minute (and hour and day). */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Proves one tool's snippet. */
    public Proof prove(Tool tool, Recommendation rec) {
        List<ProofStep> steps = new ArrayList<>();
        loads(rec.tool() + " snippet", rec.snippetYaml(), rec.snippet(), steps);
        if (!steps.get(0).passed()) {
            return new Proof(rec.tool(), steps);
        }
        Json.Obj args = ExampleArguments.complete(tool);
        if (rec.rules().isEmpty()) {
            Decision d = engine(rec.snippet()).decide(tool.name(), args, START);
            steps.add(new ProofStep("A call is allowed: the tool is listed with no rules.", observed(d), d.allowed()));
        }
        for (Rule rule : rec.rules()) {
            if ("deny".equals(rule.action())) {
                Decision d = engine(rec.snippet()).decide(tool.name(), args, START);
                steps.add(new ProofStep("Every call with an object of arguments is denied with “" + rule.onDeny() + "”", observed(d, rule.onDeny()),
                        !d.allowed() && d.message().equals(rule.onDeny()) && d.rule().equals(rule.name())));
            } else if (!rule.rateLimit().isEmpty()) {
                rateLimit(tool, rec, rule, args, steps);
            } else {
                inputs(tool, rec, rule, args, steps);
            }
        }
        return new Proof(rec.tool(), steps);
    }

    private void rateLimit(Tool tool, Recommendation rec, Rule rule, Json.Obj args, List<ProofStep> steps) {
        String[] parts = rule.rateLimit().split("/");
        int n = Integer.parseInt(parts[0]);
        Window window = Window.fromText(parts[1]).orElseThrow();
        PolicyEngine engine = engine(rec.snippet());
        long step = Math.max(1, window.seconds() / (n + 1L));
        int allowed = 0;
        for (int i = 0; i < n; i++) {
            if (engine.decide(tool.name(), args, START.plusSeconds(i * step)).allowed()) {
                allowed++;
            }
        }
        steps.add(new ProofStep("Calls 1–" + n + " within one UTC " + window.text() + " are allowed.",
                allowed + " of " + n + " allowed", allowed == n));
        Decision over = engine.decide(tool.name(), args, START.plusSeconds(n * step));
        steps.add(new ProofStep("Call " + (n + 1) + " in the same " + window.text() + " is denied: “" + rule.onDeny() + "”",
                observed(over, rule.onDeny()), !over.allowed() && over.message().equals(rule.onDeny())));
        Instant next = START.plusSeconds(window.seconds());
        Decision again = engine.decide(tool.name(), args, next);
        steps.add(new ProofStep("At the start of the next " + window.text() + " (" + next + ") calls are allowed again:"
                + " the window is fixed to UTC, not sliding.", observed(again), again.allowed()));
        Decision failed = engine.decide(tool.name(), args, next.plusSeconds(1));
        engine.upstreamError(failed);
        int more = 0;
        for (int i = 0; i < n - 1; i++) {
            if (engine.decide(tool.name(), args, next.plusSeconds(2 + i)).allowed()) {
                more++;
            }
        }
        steps.add(new ProofStep("A call that the server answers with a JSON-RPC error is not counted.",
                "after one failed call, " + more + " of " + (n - 1) + " further calls allowed in that " + window.text(),
                failed.allowed() && more == n - 1));
    }

    private void inputs(Tool tool, Recommendation rec, Rule rule, Json.Obj args, List<ProofStep> steps) {
        PolicyEngine engine = engine(rec.snippet());
        Decision complete = engine.decide(tool.name(), args, START);
        steps.add(new ProofStep("A call with every required input is allowed: " + JsonText.write(args), observed(complete),
                complete.allowed()));
        for (Condition c : rule.conditions()) {
            String name = c.path().substring("args.".length());
            Json.Obj bad;
            String what;
            if (Operator.EXISTS.text().equals(c.op())) {
                bad = ExampleArguments.without(args, name);
                what = "without " + name;
            } else if (Operator.IN.text().equals(c.op())) {
                bad = ExampleArguments.with(args, name, new Json.Str("not-one-of-the-allowed-values"));
                what = "with " + name + " outside its allowed values";
            } else {
                Json.Num bound = (Json.Num) c.value();
                boolean lower = c.op().startsWith("g");
                java.math.BigDecimal delta = java.math.BigDecimal.ONE;
                bad = ExampleArguments.with(args, name, new Json.Num(lower ? bound.value().subtract(delta) : bound.value().add(delta)));
                what = "with " + name + (lower ? " below " : " above ") + JsonText.number(bound.value());
            }
            Decision d = engine(rec.snippet()).decide(tool.name(), bad, START);
            steps.add(new ProofStep("A call " + what + " is denied: “" + rule.onDeny() + "”", observed(d, rule.onDeny()),
                    !d.allowed() && d.message().equals(rule.onDeny())));
        }
    }

    /** Proves a server's complete policy file. */
    public Proof prove(List<Tool> tools, List<Recommendation> recs, ServerPolicy sp) {
        List<ProofStep> steps = new ArrayList<>();
        loads(sp.slug() + ".yaml", sp.yaml(), sp.policy(), steps);
        if (!steps.get(0).passed()) {
            return new Proof(sp.slug(), steps);
        }
        if (sp.form() != ServerPolicy.Form.PER_TOOL) {
            compact(tools, recs, sp, steps);
            return new Proof(sp.slug(), steps);
        }
        PolicyEngine engine = engine(sp.policy());
        int agree = 0;
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tools.get(i);
            Json.Obj args = ExampleArguments.complete(tool);
            Decision whole = engine.decide(tool.name(), args, START);
            Decision alone = engine(recs.get(i).snippet()).decide(tool.name(), args, START);
            if (whole.allowed() == alone.allowed() && whole.message().equals(alone.message())) {
                agree++;
            }
        }
        steps.add(new ProofStep((tools.size() == 1 ? "The one tool is" : "Each of the " + tools.size() + " tools is")
                + " decided as its own snippet decides it.",
                agree + " of " + tools.size() + " agree", agree == tools.size()));
        String unlisted = unlistedName(sp.policy());
        Decision d = engine.decide(unlisted, new Json.Obj(java.util.Map.of()), START);
        steps.add(new ProofStep("A tool the file does not list (say, one the server adds later) is denied: “Tool \""
                + unlisted + "\" is not permitted by policy”", observed(d), !d.allowed() && Decision.DEFAULT_DENY.equals(d.rule())));
        return new Proof(sp.slug(), steps);
    }

    /**
     * A compact or deny-all file: each tool the per-tool policy denies is refused (hidden, or by the one deny
     * rule), each other tool's first call in a minute is allowed, and the shared {@code "*"} limit holds.
     */
    private void compact(List<Tool> tools, List<Recommendation> recs, ServerPolicy sp, List<ProofStep> steps) {
        PolicyEngine engine = engine(sp.policy());
        boolean denyAll = sp.form() == ServerPolicy.Form.DENY_ALL;
        int refused = 0;
        int denied = 0;
        int allowed = 0;
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tools.get(i);
            boolean deny = denyAll || recs.get(i).rules().stream().anyMatch(r -> "deny".equals(r.action()));
            // Each tool in a minute of its own, so the shared limit does not decide this step.
            Decision d = engine.decide(tool.name(), ExampleArguments.complete(tool), START.plusSeconds(60L * i));
            if (deny) {
                denied++;
                refused += d.allowed() ? 0 : 1;
            } else {
                allowed += d.allowed() ? 1 : 0;
            }
        }
        int others = tools.size() - denied;
        steps.add(new ProofStep((denied == 1 ? "The one tool" : "Each of the " + denied + " tools") + " the per-tool policy denies is refused"
                + (denyAll ? "." : " as hidden."), refused + " of " + denied + " refused", refused == denied));
        if (others > 0) {
            steps.add(new ProofStep("The first call of a minute to " + (others == 1 ? "the other tool" : "each of the other " + others + " tools") + " is allowed.",
                    allowed + " of " + others + " allowed", allowed == others));
        }
        for (Rule rule : sp.policy().rulesOf(Policy.WILDCARD)) {
            if (rule.rateLimit().isEmpty()) {
                continue;
            }
            int n = Integer.parseInt(rule.rateLimit().substring(0, rule.rateLimit().indexOf('/')));
            String name = unlistedName(sp.policy());
            PolicyEngine fresh = engine(sp.policy());
            int ok = 0;
            for (int i = 0; i < n; i++) {
                ok += fresh.decide(name, new Json.Obj(java.util.Map.of()), START.plusSeconds(i)).allowed() ? 1 : 0;
            }
            Decision over = fresh.decide(name, new Json.Obj(java.util.Map.of()), START.plusSeconds(n));
            steps.add(new ProofStep("Calls 1–" + n + " within one UTC minute, to any tools, are allowed; call " + (n + 1)
                    + " is denied: “" + rule.onDeny() + "”", ok + " of " + n + " allowed, then " + observed(over, rule.onDeny()),
                    ok == n && !over.allowed() && over.message().equals(rule.onDeny())));
        }
    }

    /** The YAML text goes through the same check as {@code catalogue policy check} and reads back unchanged. */
    private static void loads(String name, String yaml, Policy built, List<ProofStep> steps) {
        CheckReport report = new PolicyCheck().check(name, yaml.getBytes(StandardCharsets.UTF_8));
        boolean same = report.policy().map(built::equals).orElse(false);
        steps.add(new ProofStep("The YAML loads and validates as Intercept v1, and reads back as the policy built.",
                report.valid() ? (same ? "valid" : "valid, but reads back differently") : String.join("; ", report.lines()),
                report.valid() && same));
    }

    private static PolicyEngine engine(Policy policy) {
        return PolicyEngine.create(policy, new InMemoryStateStore(), Clock.fixed(START, ZoneOffset.UTC));
    }

    /** Like {@link #observed(Decision)}, but a denial with the expected message is not quoted twice. */
    private static String observed(Decision d, String expected) {
        if (!d.allowed() && d.message().equals(expected)) {
            return "denied by " + (d.rule().startsWith("(") ? d.rule() : "“" + d.rule() + "”") + " with this message";
        }
        return observed(d);
    }

    private static String observed(Decision d) {
        return d.allowed() ? "allowed" : "denied by " + (d.rule().startsWith("(") ? d.rule() : "“" + d.rule() + "”")
                + ": " + d.message();
    }

    private static String unlistedName(Policy policy) {
        String name = "unlisted_tool";
        while (policy.tools().containsKey(name)) {
            name = name + "_";
        }
        return name;
    }
}
