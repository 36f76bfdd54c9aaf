package org.mcpcatalogue.recommend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.classify.Verdict;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.policy.write.PolicyWriter;

/**
 * Stage 4, recommend: an Intercept v1 policy per tool and per server, by category.
 * <ul>
 *   <li>Read: listed with {@code rules: []} (allowed, and known to the policy);</li>
 *   <li>Write: {@code rate_limit: 30/minute};</li>
 *   <li>Execute: {@code rate_limit: 10/minute}, and an evaluate rule that requires every required input
 *       ({@code exists: true}) and holds the required inputs to the schema's enums and numeric bounds;</li>
 *   <li>Destructive: {@code action: deny}, with an {@code on_deny} saying how to enable it deliberately;</li>
 *   <li>Financial: {@code action: deny}: requires human approval (Intercept v1.1 has no approval action);</li>
 *   <li>a tool that runs code, commands, scripts or queries the caller writes, whatever its category:
 *       {@code action: deny}, like a Destructive tool, with an {@code on_deny} saying how to enable it.</li>
 * </ul>
 * Every rule is named and its {@code on_deny} tells the agent what to do.
 */
public final class Recommender {

    public static final int WRITE_PER_MINUTE = 30;
    public static final int EXECUTE_PER_MINUTE = 10;

    public Recommendation recommend(Tool tool, Verdict verdict) {
        String t = tool.name();
        List<Rule> rules = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String summary;
        String explanation;
        if (verdict.runsCallerCode() && verdict.category() != Category.DESTRUCTIVE && verdict.category() != Category.FINANCIAL) {
            return denyCallerCode(t, verdict);
        }
        if (verdict.category() == Category.WRITE || verdict.category() == Category.EXECUTE) {
            java.util.Optional<String> why = whyNoRateLimit(t);
            if (why.isPresent()) {
                return denyUnlimitable(t, verdict.category(), why.get());
            }
        }
        switch (verdict.category()) {
            case READ -> {
                summary = "Allow, and list it so that the policy names every tool";
                explanation = "Read tools only observe. Listing the tool with no rules allows it explicitly, which matters"
                        + " when the server policy denies every tool it does not list.";
            }
            case WRITE -> {
                rules.add(Rule.rateLimit("limit " + t + " to " + WRITE_PER_MINUTE + " calls a minute", WRITE_PER_MINUTE,
                        Window.MINUTE, t + " is limited to " + WRITE_PER_MINUTE + " calls per minute (a fixed UTC minute)."
                                + " Wait for the next minute, and check with the user before making many changes."));
                summary = "Rate-limit to " + WRITE_PER_MINUTE + " calls a minute";
                explanation = "Write tools change data. A rate limit stops a looping or misled agent from making hundreds"
                        + " of changes faster than anyone can review them.";
            }
            case EXECUTE -> {
                rules.add(Rule.rateLimit("limit " + t + " to " + EXECUTE_PER_MINUTE + " calls a minute", EXECUTE_PER_MINUTE,
                        Window.MINUTE, t + " is limited to " + EXECUTE_PER_MINUTE + " calls per minute (a fixed UTC minute)."
                                + " Wait for the next minute before starting more."));
                InputRule inputs = InputRule.of(tool);
                notes.addAll(inputs.notes());
                if (!inputs.conditions().isEmpty()) {
                    rules.add(Rule.evaluate("check the inputs of " + t, inputs.conditions(), inputs.message()));
                    summary = "Rate-limit to " + EXECUTE_PER_MINUTE + " calls a minute and " + inputs.summary();
                } else {
                    summary = "Rate-limit to " + EXECUTE_PER_MINUTE + " calls a minute";
                }
                explanation = "Execute tools run code, jobs or paid inference, with effects beyond the call. A tight rate"
                        + " limit bounds runaway execution, and checking the inputs refuses malformed calls before they"
                        + " start anything.";
            }
            case DESTRUCTIVE -> {
                rules.add(Rule.deny("block " + t, t + " can delete or irreversibly overwrite data, so this policy blocks"
                        + " it. Ask the user to do it themselves, or to enable it deliberately by replacing this rule in"
                        + " the policy."));
                summary = DENY_SUMMARY;
                explanation = "Destructive tools delete or irreversibly overwrite. Deny by default; an operator who needs"
                        + " the tool replaces the deny rule deliberately, for example with a rate limit. `hide` is the"
                        + " stricter choice: every call with an object of arguments is refused as if the tool were not there.";
            }
            case FINANCIAL -> {
                rules.add(Rule.deny("require human approval for " + t, t + " moves money or commits spending and"
                        + " requires human approval. Ask the user to perform or approve this action."));
                summary = "Deny: requires human approval";
                explanation = "Financial tools move money or commit spending. An agent should not do that on its own:"
                        + " deny the call, and let a person act. Intercept v1.1 has no action that asks a person to"
                        + " approve a call, so the policy denies it; newer Intercept versions add require_approval, which"
                        + " the catalogue will recommend once its engine can prove it.";
            }
            default -> throw new IllegalStateException();
        }
        Policy snippet = Policy.builder().tool(t, rules).build();
        return new Recommendation(t, summary, rules, explanation, notes, snippet, PolicyWriter.write(snippet));
    }

    /** The summary of a recommendation that blocks a tool until an operator enables it. */
    public static final String DENY_SUMMARY = "Deny (or hide) until enabled deliberately";

    /**
     * A tool that runs code, commands, scripts or queries the caller writes: blocked like a Destructive tool, since
     * whatever the agent is led to write runs with the server's privileges; the reason is in the message, the
     * explanation and a note (the tool page shows the notes).
     */
    private static Recommendation denyCallerCode(String t, Verdict verdict) {
        // The signal's evidence, without the sentence of the rule that follows it (": it runs code, …").
        String detail = verdict.callerCode().orElseThrow().detail();
        int cut = detail.lastIndexOf(": it ");
        String evidence = cut > 0 ? detail.substring(0, cut) : detail;
        List<Rule> rules = List.of(Rule.deny("block " + t, t + " runs code, commands or queries that the caller writes,"
                + " so this policy blocks it. Ask the user to run it themselves, or to enable it deliberately by replacing"
                + " this rule in the policy."));
        String explanation = t + " runs code, commands, scripts or queries written in the call (" + evidence + "). Whatever"
                + " the agent is led to write runs with the server's privileges, so a prompt injection in anything the agent"
                + " reads becomes code execution: as dangerous as a Destructive tool, so it is denied by default like one; a"
                + " rate limit would only slow an attack down. An operator who needs the tool replaces the deny rule"
                + " deliberately, for example with a rate limit and a regex condition that allows only the commands"
                + " expected. `hide` is the stricter choice: every call with an object of arguments is refused as if the"
                + " tool were not there.";
        List<String> notes = List.of("Blocked: " + t + " runs code, commands, scripts or queries that the caller writes ("
                + evidence + "), which makes it Critical whatever its category. " + verdict.category().label() + " tools"
                + " that start a fixed action are " + (verdict.category() == Category.READ ? "allowed" : "rate-limited")
                + "; this one would run whatever the agent is led to write, so it is denied until an operator enables it"
                + " deliberately (or hides it).");
        Policy snippet = Policy.builder().tool(t, rules).build();
        return new Recommendation(t, DENY_SUMMARY, rules, explanation, notes, snippet, PolicyWriter.write(snippet));
    }

    /**
     * A Write or Execute tool that Intercept cannot rate-limit (a name with a dot, or {@code _global}): denied, with
     * the reason in the message, the explanation and a note, and what works instead.
     */
    private static Recommendation denyUnlimitable(String t, Category category, String why) {
        List<Rule> rules = List.of(Rule.deny("block " + t, t
                + (category == Category.WRITE ? " changes data" : " runs code, jobs or paid inference")
                + " and needs a rate limit, but Intercept cannot rate-limit a tool of this name, so this policy blocks"
                + " it. Ask the user to do it themselves, or to enable it deliberately by replacing this rule in the"
                + " policy."));
        String explanation = category.label() + " tools get a rate limit, but Intercept v1.1 cannot rate-limit " + t
                + ": " + why + ". The policy denies the tool instead. To allow it, replace the deny rule with rules: []"
                + " (no limit), or put a rate limit under \"*\", which counts every call to the server together; list"
                + " it under hide to make it invisible.";
        List<String> notes = List.of("Not rate-limited: Intercept v1.1 cannot rate-limit " + t + ": " + why
                + ". The policy denies it instead.");
        Policy snippet = Policy.builder().tool(t, rules).build();
        return new Recommendation(t, "Deny: Intercept cannot rate-limit this name", rules, explanation, notes, snippet,
                PolicyWriter.write(snippet));
    }

    /**
     * The most a published policy file may weigh: the limit of {@code catalogue policy check} (and of the
     * catalogue's own loader), 1 MiB, less room for the comments a reader may add.
     */
    public static final int MAX_POLICY_BYTES = 1000 * 1024;

    /**
     * The complete policy for a server: every tool, commented with its category, unknown tools denied. When that
     * file would be larger than {@link #MAX_POLICY_BYTES}, the per-tool comments go first; if still too large, the
     * compact form ({@link ServerPolicy.Form#COMPACT}); as a last resort, one deny rule for every tool. Each step
     * down is said in the policy's notes.
     */
    public ServerPolicy serverPolicy(Server server, List<Verdict> verdicts, List<Recommendation> recommendations) {
        int count = server.tools().size();
        Policy.Builder b = Policy.builder()
                .description("Recommended Intercept policy for the " + server.name() + " MCP server ("
                        + count + " tool" + (count == 1 ? "" : "s")
                        + "), from the MCP tool catalogue")
                .defaultDeny();
        Map<String, List<String>> comments = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Tool tool = server.tools().get(i);
            Verdict v = verdicts.get(i);
            Recommendation r = recommendations.get(i);
            b.tool(tool.name(), r.rules());
            comments.put(tool.name(), List.of(tool.name() + ": " + v.category().label() + ", " + v.riskLevel().label()
                    + " risk (" + v.riskScore() + "/5). " + r.summary() + "."));
        }
        Policy policy = b.build();
        List<String> header = new ArrayList<>(List.of(
                "Intercept policy for the " + server.name() + " MCP server (" + server.slug() + ").",
                "Generated by the MCP tool catalogue from catalogue/servers/" + server.slug() + ".yaml,",
                "tool list verified " + server.verified() + ". Validated and exercised by the embedded engine.",
                ""));
        List<String> perTool = List.of(
                "default: deny refuses any tool this file does not list, including tools the server adds later:",
                "review a new tool, then add it here.");
        List<String> all = new ArrayList<>(header);
        all.addAll(perTool);
        String yaml = PolicyWriter.write(policy, new PolicyWriter.Comments(all, comments));
        if (fits(yaml)) {
            return new ServerPolicy(server.slug(), policy, yaml);
        }
        String full = size(yaml);
        List<String> notes = new ArrayList<>();
        String bare = PolicyWriter.write(policy, new PolicyWriter.Comments(all, Map.of()));
        if (fits(bare)) {
            notes.add("The per-tool comments are left out: with them the file would be " + full + ", over the 1 MiB that"
                    + " policy check accepts. Each tool's category and risk are on its own page.");
            all.add("");
            all.add("Per-tool comments are left out to keep this file under 1 MiB; see each tool's page.");
            return new ServerPolicy(server.slug(), policy, PolicyWriter.write(policy, new PolicyWriter.Comments(all, Map.of())),
                    ServerPolicy.Form.PER_TOOL, notes);
        }
        return compact(server, verdicts, recommendations, header, full);
    }

    private ServerPolicy compact(Server server, List<Verdict> verdicts, List<Recommendation> recommendations,
                                 List<String> header, String full) {
        int count = server.tools().size();
        List<String> hidden = new ArrayList<>();
        int perMinute = 0;
        for (int i = 0; i < count; i++) {
            List<Rule> rules = recommendations.get(i).rules();
            if (rules.stream().anyMatch(r -> "deny".equals(r.action()))) {
                hidden.add(server.tools().get(i).name());
            } else if (!rules.isEmpty()) {
                int limit = verdicts.get(i).category() == Category.EXECUTE ? EXECUTE_PER_MINUTE : WRITE_PER_MINUTE;
                perMinute = perMinute == 0 ? limit : Math.min(perMinute, limit);
            }
        }
        String why = "A file naming each of the " + count + " tools with its own rules would be " + full
                + ", over the 1 MiB that policy check accepts.";
        Policy.Builder b = Policy.builder()
                .description("Recommended Intercept policy for the " + server.name() + " MCP server (" + count
                        + " tools, compact form), from the MCP tool catalogue")
                .hide(hidden.toArray(String[]::new));
        if (perMinute > 0) {
            b.wildcard(Rule.rateLimit("limit every tool together to " + perMinute + " calls a minute", perMinute, Window.MINUTE,
                    "Every tool of " + server.name() + " together is limited to " + perMinute + " calls per minute (a fixed"
                            + " UTC minute). Wait for the next minute before making more calls."));
        }
        Policy policy = b.build();
        List<String> text = new ArrayList<>(List.of(why,
                hidden.size() + " tools that the per-tool policy would deny are hidden instead"
                        + (perMinute > 0 ? ", and one rate limit under \"*\" counts every call to the server together ("
                        + perMinute + " a minute, the strictest of its tools)" : "") + ".",
                "Without default: deny, tools the server adds later are allowed (under that limit); the input checks of"
                        + " single tools are left out. Each tool's page has its complete rules."));
        List<String> comment = new ArrayList<>(header);
        text.forEach(comment::add);
        String yaml = PolicyWriter.write(policy, new PolicyWriter.Comments(comment, Map.of()));
        if (fits(yaml)) {
            return new ServerPolicy(server.slug(), policy, yaml, ServerPolicy.Form.COMPACT, text);
        }
        Policy denyAll = Policy.builder()
                .description("Recommended Intercept policy for the " + server.name() + " MCP server (" + count
                        + " tools, every tool denied), from the MCP tool catalogue")
                .wildcard(Rule.deny("deny every tool until reviewed", "This server's tools are denied until an operator"
                        + " writes a policy for the ones that are needed. Ask the user to enable the tool you need."))
                .build();
        List<String> last = List.of(why, "Even a compact file hiding each tool that must be denied would be " + size(yaml)
                + ", so this file denies every tool with one rule under \"*\". Each tool's page has its complete rules:"
                + " copy those of the tools you need.");
        List<String> lastComment = new ArrayList<>(header);
        lastComment.addAll(last);
        return new ServerPolicy(server.slug(), denyAll, PolicyWriter.write(denyAll, new PolicyWriter.Comments(lastComment, Map.of())),
                ServerPolicy.Form.DENY_ALL, last);
    }

    private static boolean fits(String yaml) {
        return yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_POLICY_BYTES;
    }

    private static String size(String yaml) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1048576.0);
    }

    /**
     * Why Intercept v1.1 cannot rate-limit {@code tool}, or empty when it can. Decided by the engine's own
     * validator on a trial rule: its state paths ({@code state.<tool>.<counter>}) split on dots, so a name with a
     * dot never finds its state block; and {@code state._global.…} is the scope of the rules under {@code "*"}, so
     * a tool named {@code _global} does not find its own either.
     */
    public static java.util.Optional<String> whyNoRateLimit(String tool) {
        List<org.mcpcatalogue.policy.validate.PolicyError> errors = org.mcpcatalogue.policy.Policies.validate(
                Policy.builder().tool(tool, Rule.rateLimit("limit " + tool, 1, Window.MINUTE)).build());
        if (errors.isEmpty()) {
            return java.util.Optional.empty();
        }
        String cause = tool.contains(".")
                ? "its name contains a dot, and Intercept splits the state path of a rate-limit counter (state." + tool
                        + "._rate_minute) on dots"
                : "Intercept reads the state path of its rate-limit counter (state." + tool + "._rate_minute) as that of"
                        + " the rules under \"*\"";
        return java.util.Optional.of(cause + ", so policy check refuses the rule (\"" + errors.get(0).message()
                .replaceFirst("^tools\\.[^ ]*: ", "") + "\")");
    }

    /** Writes a bound the way the schema gave it (an integer stays an integer). */
    static Json number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return new Json.Num(stripped.scale() <= 0 ? stripped.setScale(0) : value);
    }

    static Condition condition(String argument, Operator op, Json value) {
        return Condition.of("args." + argument, op, value);
    }
}
