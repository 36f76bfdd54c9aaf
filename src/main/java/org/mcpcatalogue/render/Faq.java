package org.mcpcatalogue.render;

import java.util.ArrayList;
import java.util.List;
import org.mcpcatalogue.classify.Signal;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.pipeline.ToolReport;
import org.mcpcatalogue.policy.Policies;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.Window;
import org.mcpcatalogue.policy.write.PolicyWriter;
import org.mcpcatalogue.recommend.Recommender;
import org.mcpcatalogue.model.RiskLevel;

/**
 * The six questions of a tool page, answered truly to the engine: fixed UTC windows, counters shared by every
 * client of one state store, blocking with {@code action: deny} or {@code hide}. Every YAML example is written
 * by the engine's writer and validated before it is shown.
 */
final class Faq {

    /** One question; {@code yaml} holds zero or more validated examples. */
    record Entry(String question, String answer, List<String> yaml) {
    }

    private Faq() {
    }

    /** @param floor the lowest level of the tool's category, from the rules ({@code levels.floors}) */
    static List<Entry> of(ToolReport t, int serverTools, RiskLevel floor) {
        String name = t.tool().name();
        String server = t.server().name();
        Category c = t.verdict().category();
        List<Entry> faq = new ArrayList<>();
        String what = t.tool().description().isBlank() ? "Its server gives no description." : Views.oneLine(t.tool().description(), 400);
        faq.add(new Entry("What does the " + name + " tool do?",
                Views.sentence(what) + " The catalogue classifies it as " + c.label() + ": " + whatItDoes(c) + " "
                        + "Risk: " + t.verdict().riskLevel().label() + ", " + t.verdict().riskScore() + "/5.", List.of()));
        faq.add(new Entry("How do I enforce a policy on " + name + "?",
                "Put the rules for " + name + " under tools." + name + " in an Intercept policy file (the snippet above is a"
                        + " complete one, and the full " + server + " policy covers " + (serverTools == 1 ? "its one tool" : "all " + serverTools + " tools") + "), then run Intercept"
                        + " as the proxy in front of the " + server + " MCP server with that file. Intercept checks every call"
                        + " with an object of arguments against the policy before it reaches the server (Intercept v1.1"
                        + " forwards a call whose arguments are not a JSON object without checking it), and the agent"
                        + " receives a denial as a tool result that begins with [INTERCEPT POLICY DENIED]. Check a file first with: catalogue policy check "
                        + t.server().slug() + ".yaml", List.of()));
        List<String> reasons = t.verdict().signals().stream().filter(s -> s.effect().startsWith("+"))
                .map(Signal::detail).toList();
        faq.add(new Entry("What risk level is " + name + "?",
                t.verdict().riskLevel().label() + ", with a risk score of " + t.verdict().riskScore() + "/5. "
                        + c.label() + " tools start at " + floor.label() + (reasons.isEmpty()
                        ? "; no further signal added to its score."
                        : "; its score rises with: " + String.join("; ", reasons) + ".")
                        + (t.verdict().flags().isEmpty() ? "" : " Findings: " + String.join("; ",
                        t.verdict().flags().stream().map(f -> f.detail()).toList()) + "."), List.of()));
        int n = switch (c) {
            case READ -> 60;
            case WRITE -> 30;
            case EXECUTE -> 10;
            case DESTRUCTIVE -> 5;
            case FINANCIAL -> 3;
        };
        Window w = c == Category.DESTRUCTIVE ? Window.HOUR : c == Category.FINANCIAL ? Window.DAY : Window.MINUTE;
        java.util.Optional<String> why = Recommender.whyNoRateLimit(name);
        String rate = valid(why.isPresent()
                ? Policy.builder().wildcard(Rule.rateLimit("limit every tool together", n, w)).build()
                : Policy.builder().tool(name, Rule.rateLimit("limit " + name, n, w)).build());
        faq.add(why.isPresent() ? cannotRateLimit(name, why.get(), rate) : new Entry("Can I rate-limit " + name + "?",
                "Yes: a rule with rate_limit: N/minute, N/hour or N/day. Windows are fixed and aligned to UTC: a minute"
                        + " counter starts again at every :00 second, an hour counter at the top of the hour, a day counter at"
                        + " midnight UTC; they do not slide. Counters are kept per tool and shared by every client of the same"
                        + " Intercept state store, not per agent session. When the limit is reached, the agent reads \"Rate limit"
                        + " of " + n + " per " + w.text() + " reached. Try again later.\" unless the rule sets its own on_deny.",
                List.of(rate)));
        String deny = valid(Policy.builder().tool(name, Rule.deny("block " + name,
                name + " is blocked by policy. Ask a person to do this instead.")).build());
        String hide = valid(Policy.builder().hide(name).build());
        faq.add(new Entry("How do I block " + name + " completely?",
                "Give it a rule with action: deny and an on_deny message that tells the agent what to do instead; every"
                        + " call with an object of arguments is refused with that message. Or list it under hide: every such"
                        + " call is then refused, and the agent reads: [INTERCEPT POLICY DENIED] Tool \"" + name
                        + "\" is hidden by policy. (Intercept v1.1 forwards a call whose arguments are not a JSON object"
                        + " without checking it.)",
                List.of(deny, hide)));
        faq.add(new Entry("Which MCP server provides " + name + "?",
                "The " + server + " MCP server, published by " + t.server().publisher() + " (" + t.server().repository()
                        + "). It has " + Views.plural(serverTools, "tool", "tools") + " in the catalogue; its tool list was"
                        + " last verified on " + t.server().verified() + ".", List.of()));
        return faq;
    }

    /** Intercept cannot rate-limit this name (a dot, or _global): why, and what works instead. */
    private static Entry cannotRateLimit(String name, String why, String everyTool) {
        return new Entry("Can I rate-limit " + name + "?",
                "Not by its own name: " + why + ". What works: deny or hide the tool (below), or put a rate limit under"
                        + " \"*\", which counts every call to the server together, whatever the tool. Windows are fixed and"
                        + " aligned to UTC; they do not slide.", List.of(everyTool));
    }

    private static String whatItDoes(Category c) {
        String m = c == Category.READ ? "it only observes."
                : c == Category.WRITE ? "it creates or changes data."
                : c == Category.EXECUTE ? "it runs code, jobs or paid inference."
                : c == Category.DESTRUCTIVE ? "it can delete or irreversibly overwrite data."
                : "it moves money or commits spending.";
        return m;
    }

    private static String valid(Policy p) {
        var errors = Policies.validate(p);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("an FAQ example does not validate: " + errors);
        }
        return PolicyWriter.write(p);
    }

    /** FAQPage structured data (schema.org). */
    static Json jsonLd(List<Entry> faq) {
        List<Json> items = new ArrayList<>();
        for (Entry e : faq) {
            String text = e.answer() + (e.yaml().isEmpty() ? "" : "\n\n" + String.join("\n", e.yaml()));
            items.add(Json.obj("@type", Json.str("Question"), "name", Json.str(e.question()),
                    "acceptedAnswer", Json.obj("@type", Json.str("Answer"), "text", Json.str(text))));
        }
        return Json.obj("@context", Json.str("https://schema.org"), "@type", Json.str("FAQPage"), "mainEntity", new Json.Arr(items));
    }
}
