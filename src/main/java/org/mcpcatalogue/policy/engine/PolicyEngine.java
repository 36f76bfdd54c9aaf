package org.mcpcatalogue.policy.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.golang.GoText;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.GoValues;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.policy.validate.PolicyError;
import org.mcpcatalogue.policy.validate.PolicyValidator;
import org.mcpcatalogue.policy.validate.RateLimitShorthand;

/**
 * Decides calls against one policy, as Intercept does:
 * <ol>
 *   <li>a hidden tool ({@code hide} names it or {@code "*"}) is denied as {@code (hidden)};</li>
 *   <li>with {@code default: deny}, a tool that {@code tools} does not list is denied as {@code (default deny)};</li>
 *   <li>the tool's rules, then the {@code "*"} rules, in order: a deny rule denies, an evaluate rule whose
 *       conditions do not all hold denies, with its {@code on_deny} or {@code Denied by rule "<name>"};</li>
 *   <li>when all pass, each rule with a counter and a limit (its own {@code lte N} / {@code lt N} condition on that
 *       counter) reserves its amount; one that would pass its limit denies the call and every reservation made
 *       for it is taken back.</li>
 * </ol>
 * A reservation is also taken back when the upstream server answers with a JSON-RPC error
 * ({@link #upstreamError}).
 */
public final class PolicyEngine {

    /** The message when {@code increment_from} does not lead to a number: Intercept fails closed. */
    public static final String INTERNAL_ERROR = "Internal policy error";

    private final Policy policy;
    private final StateStore store;
    private final Clock clock;
    private final Map<String, List<CompiledRule>> rules = new HashMap<>();
    private final Map<String, Window> counterWindows = new HashMap<>();

    private PolicyEngine(Policy rewritten, StateStore store, Clock clock) {
        this.policy = rewritten;
        this.store = store;
        this.clock = clock;
        rewritten.tools().forEach((tool, toolRules) -> {
            String scope = RateLimitShorthand.scopeOf(tool);
            List<CompiledRule> compiled = new ArrayList<>();
            for (Rule r : toolRules.rules()) {
                compiled.add(new CompiledRule(scope, r));
                r.state().ifPresent(s -> counterWindows.put(scope + "." + s.counter(),
                        Window.fromText(s.window()).orElseThrow()));
            }
            rules.put(tool, compiled);
        });
    }

    /**
     * An engine for {@code policy} (as written, before the shorthand rewrite).
     *
     * @throws InvalidPolicyException when the policy does not validate
     */
    public static PolicyEngine create(Policy policy, StateStore store, Clock clock) {
        Policy rewritten = RateLimitShorthand.rewrite(policy);
        List<PolicyError> errors = PolicyValidator.validateRewritten(rewritten);
        if (!errors.isEmpty()) {
            throw new InvalidPolicyException(errors);
        }
        return new PolicyEngine(rewritten, store, clock);
    }

    /** An engine on the system clock (UTC). */
    public static PolicyEngine create(Policy policy, StateStore store) {
        return create(policy, store, Clock.systemUTC());
    }

    /** Decides a call now, by the engine's clock. */
    public Decision decide(String tool, Json arguments) {
        return decide(tool, arguments, clock.instant());
    }

    /**
     * Decides a call made at {@code at}; {@code arguments} is the call's JSON arguments. As in Intercept, whose
     * proxy decodes {@code arguments} into a Go {@code map[string]any}: missing or {@code null} arguments are an
     * empty object, and arguments that are not an object (a list, a string, a number, a boolean) make the call one
     * Intercept does not recognise, which it forwards without evaluating anything: not the hide list, not
     * {@code default: deny}, no rule, no counter.
     */
    public Decision decide(String tool, Json arguments, Instant at) {
        if (arguments == null || arguments instanceof Json.Null) {
            arguments = new Json.Obj(Map.of());
        } else if (!(arguments instanceof Json.Obj)) {
            return Decision.allow(List.of());
        }
        if (policy.hide().contains(tool) || policy.hide().contains(Policy.WILDCARD)) {
            return Decision.deny(Decision.HIDDEN, "Tool " + GoText.quote(tool) + " is hidden by policy");
        }
        if ("deny".equals(policy.defaultAction()) && !policy.tools().containsKey(tool)) {
            return Decision.deny(Decision.DEFAULT_DENY, "Tool " + GoText.quote(tool) + " is not permitted by policy");
        }
        List<CompiledRule> applicable = new ArrayList<>(rules.getOrDefault(tool, List.of()));
        if (!Policy.WILDCARD.equals(tool)) {
            applicable.addAll(rules.getOrDefault(Policy.WILDCARD, List.of()));
        }
        for (CompiledRule r : applicable) {
            if ("deny".equals(r.rule.action()) || !r.conditionsHold(arguments, at)) {
                return Decision.deny(r.rule.name(), r.rule.onDeny().isEmpty()
                        ? "Denied by rule " + GoText.quote(r.rule.name()) : r.rule.onDeny());
            }
        }
        return reserve(applicable, arguments, at);
    }

    private Decision reserve(List<CompiledRule> applicable, Json arguments, Instant at) {
        List<Reservation> made = new ArrayList<>();
        for (CompiledRule r : applicable) {
            if (r.state == null) {
                continue;
            }
            // Intercept works out the amount before it looks for a limit: a counter without a limit condition
            // never counts, but an increment_from that leads to no number still fails the call closed.
            OptionalDouble amount = r.amount(arguments);
            if (amount.isEmpty()) {
                rollback(made);
                return Decision.deny(r.rule.name(), INTERNAL_ERROR);
            }
            if (r.limit.isEmpty()) {
                continue;
            }
            long n = GoValues.int64(amount.getAsDouble());
            Instant windowStart = r.window.start(at);
            if (!store.tryAdd(r.key, windowStart, n, r.limit.getAsLong())) {
                rollback(made);
                return Decision.deny(r.rule.name(), r.rule.onDeny().isEmpty()
                        ? "Rate limit exceeded for " + r.rule.name() : r.rule.onDeny());
            }
            made.add(new Reservation(r.key, windowStart, n));
        }
        return Decision.allow(made);
    }

    /** Takes back the counter additions of an allowed call whose upstream answer was a JSON-RPC error. */
    public void upstreamError(Decision decision) {
        rollback(decision.reservations());
    }

    private void rollback(List<Reservation> reservations) {
        for (Reservation r : reservations) {
            store.subtract(r.key(), r.amount());
        }
    }

    /** The current value of every counter the policy defines, at {@code at} (for inspection and tests). */
    public Map<String, Long> counters(Instant at) {
        Map<String, Long> out = new LinkedHashMap<>();
        counterWindows.forEach((key, w) -> out.put(key, store.get(key, w.start(at))));
        return out;
    }

    /** What the value at a condition's path is for this call, if there is one. */
    private Optional<ConditionEvaluator.Found> lookup(String path, Json arguments, Instant at) {
        if (path.startsWith("args.")) {
            return argument(path, arguments).map(v -> new ConditionEvaluator.Found(v, true));
        }
        if (path.startsWith("state.")) {
            // Intercept's store reads the counter stored under the rest of the path; one it never stored
            // (such as the two-segment state.x) reads 0.
            String key = path.substring("state.".length());
            Window w = counterWindows.get(key);
            long value = w == null ? 0 : store.get(key, w.start(at));
            return Optional.of(new ConditionEvaluator.Found(Json.Num.of(value), false));
        }
        return Optional.empty();
    }

    /** The argument at {@code args.a.b}: missing when a step is absent or runs through a non-object. */
    static Optional<Json> argument(String path, Json arguments) {
        Json node = arguments;
        for (String step : path.substring("args.".length()).split("\\.", -1)) {
            if (!(node instanceof Json.Obj obj) || !obj.members().containsKey(step)) {
                return Optional.empty();
            }
            node = obj.members().get(step);
        }
        return Optional.of(node);
    }

    /** A rule with its conditions compiled and its counter worked out. */
    private final class CompiledRule {
        final Rule rule;
        final List<ConditionEvaluator> conditions = new ArrayList<>();
        final StateConfig state;
        final String key;
        final Window window;
        final OptionalLong limit;

        CompiledRule(String scope, Rule rule) {
            this.rule = rule;
            rule.conditions().forEach(c -> conditions.add(new ConditionEvaluator(c)));
            this.state = rule.state().orElse(null);
            this.key = state == null ? null : scope + "." + state.counter();
            this.window = state == null ? null : Window.fromText(state.window()).orElseThrow();
            this.limit = state == null ? OptionalLong.empty() : limitOf("state." + key);
        }

        /**
         * From the rule's own condition on its own counter, as Intercept's {@code extractLimit}: the value as a
         * float64 converted to int64 ({@link GoValues#int64}); {@code lte N} allows N, {@code lt N} allows N-1
         * (wrapping around as Go's int64 does).
         */
        private OptionalLong limitOf(String ownPath) {
            for (Condition c : rule.conditions()) {
                if (!c.path().equals(ownPath)) {
                    continue;
                }
                OptionalDouble f = GoValues.toFloat64(c.value());
                if (f.isEmpty()) {
                    continue;
                }
                if ("lte".equals(c.op())) {
                    return OptionalLong.of(GoValues.int64(f.getAsDouble()));
                } else if ("lt".equals(c.op())) {
                    return OptionalLong.of(GoValues.int64(f.getAsDouble()) - 1);
                }
            }
            return OptionalLong.empty();
        }

        boolean conditionsHold(Json arguments, Instant at) {
            for (ConditionEvaluator c : conditions) {
                if (!c.holds(lookup(c.condition().path(), arguments, at))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code increment} (0 means 1), or the number at {@code increment_from}; empty when that is no number. */
        OptionalDouble amount(Json arguments) {
            if (state.incrementFrom().isEmpty()) {
                return OptionalDouble.of(state.increment() == 0 ? 1 : state.increment());
            }
            Optional<Json> v = argument(state.incrementFrom(), arguments);
            if (v.isPresent() && v.get() instanceof Json.Num n) {
                return OptionalDouble.of(n.value().doubleValue());
            }
            return OptionalDouble.empty();
        }
    }
}
