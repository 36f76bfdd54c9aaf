package org.mcpcatalogue.render;

import static org.mcpcatalogue.render.Views.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcpcatalogue.classify.Flag;
import org.mcpcatalogue.classify.ServerFlag;
import org.mcpcatalogue.classify.Signal;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;
import org.mcpcatalogue.pipeline.ToolReport;
import org.mcpcatalogue.prove.ProofStep;
import org.mcpcatalogue.model.RiskLevel;

/** {@code /tools/<server>/<tool>/}: one page per tool. */
final class ToolPages {

    static final int SAME_CATEGORY = 8;
    static final int SAME_SERVER = 12;
    static final int ATTACKS = 6;
    /** Up to this many tools, a category is weighed whole for "other tools in this category". */
    static final int SCAN = 256;
    /** In a larger category, how many positions are drawn. */
    static final int PROBES = 64;

    private final SiteConfig config;
    private final Content content;
    private final List<Attack> attacks;
    private final Map<Category, List<ToolReport>> byCategory;
    private final Map<ToolReport, Integer> identities;
    private final Map<Category, RiskLevel> floors;

    ToolPages(SiteConfig config, Content content, List<Attack> attacks, CatalogueReport report) {
        this.config = config;
        this.content = content;
        this.attacks = attacks;
        this.floors = report.floors();
        this.byCategory = report.tools().stream().collect(Collectors.groupingBy(t -> t.verdict().category()));
        this.identities = new java.util.IdentityHashMap<>();
        report.tools().forEach(t -> identities.put(t, identity(t)));
    }

    List<PageJob> jobs(ServerReport server) {
        List<PageJob> jobs = new ArrayList<>();
        for (ToolReport t : server.tools()) {
            jobs.add(new PageJob(t.path() + "index.html", "tool", context(server, t)));
        }
        return jobs;
    }

    /**
     * What {@code server}'s tool pages take from other servers: for each tool, the size of its category and the
     * rows of "other tools in this category", as text. The rest of a tool page comes from its own server, the
     * rules, the attacks, the templates and the site's configuration.
     */
    String dependencies(ServerReport server) {
        StringBuilder b = new StringBuilder();
        for (ToolReport t : server.tools()) {
            b.append(t.path()).append(' ').append(byCategory.getOrDefault(t.verdict().category(), List.of()).size())
                    .append(' ').append(sameCategory(t)).append('\n');
        }
        return b.toString();
    }

    private Map<String, Object> context(ServerReport server, ToolReport t) {
        var v = t.verdict();
        var text = content.of(v.category());
        String name = t.tool().name();
        String serverName = server.server().name();
        List<Faq.Entry> faq = Faq.of(t, server.tools().size(), floors.get(t.verdict().category()));
        String description = name + " (" + serverName + " MCP server): " + v.category().label() + ", "
                + v.riskLevel().label() + " risk " + v.riskScore() + "/5. " + Views.sentence(Views.oneLine(t.tool().description(), 110))
                + " Recommended Intercept policy: " + t.recommendation().summary() + ".";
        Map<String, Object> page = Views.page(config, t.path(), name + " · " + serverName + " MCP tool · " + v.riskLevel().label()
                + " risk", description, "article", List.of(Faq.jsonLd(faq)), List.of("copy.js"));
        List<Map<String, Object>> signals = new ArrayList<>();
        for (Signal s : v.signals()) {
            signals.add(map("source", s.source(), "detail", s.detail(), "effect", s.effect()));
        }
        List<Map<String, Object>> flags = new ArrayList<>();
        for (Flag f : v.flags()) {
            flags.add(map("kind", f.kind(), "title", flagTitle(f.kind()), "detail", f.detail(),
                    "cls", f.kind().equals("poisoning") || f.kind().equals("invisible-text") ? "flag flag-poisoning" : "flag"));
        }
        List<Map<String, Object>> serverFlags = new ArrayList<>();
        for (ServerFlag f : server.flags()) {
            if (f.roles().values().stream().anyMatch(tools -> tools.contains(name))) {
                serverFlags.add(map("title", f.kind().equals("toxic-flow") ? "Part of a toxic flow" : "Part of a destructive flow",
                        "summaryHtml", Views.inlineCode(f.summary()), "attack", attackLink(f.kind())));
            }
        }
        List<Map<String, Object>> proof = new ArrayList<>();
        for (ProofStep s : t.proof().steps()) {
            proof.add(map("claim", s.claim(), "observed", s.observed(), "cls", s.passed() ? "pass" : "fail"));
        }
        List<Map<String, Object>> faqView = new ArrayList<>();
        for (int i = 0; i < faq.size(); i++) {
            Faq.Entry e = faq.get(i);
            List<Map<String, Object>> examples = new ArrayList<>();
            for (int j = 0; j < e.yaml().size(); j++) {
                examples.add(map("id", "faq-" + i + "-" + j, "yaml", e.yaml().get(j), "file", server.server().slug() + ".yaml"));
            }
            faqView.add(map("question", e.question(), "answer", e.answer(), "examples", examples));
        }
        var tool = t.tool();
        List<Map<String, Object>> inputs = inputs(tool);
        return map(
                "site", Views.site(config, "tools/"),
                "page", page,
                "breadcrumbs", List.of(map("label", "Servers", "url", config.link("servers/")),
                        map("label", serverName, "url", config.link(server.path()))),
                "name", name,
                "crumb", name,
                "title", tool.title().or(() -> tool.annotations().title()).map(List::of).orElse(List.of()),
                "description", tool.description().isBlank() ? "(The server gives no description.)" : shown(tool.description()),
                "longDescription", isLong(tool.description()) ? List.of(map("preview", preview(shown(tool.description())))) : List.of(),
                "shortDescription", !isLong(tool.description()),
                "decisive", decisive(v.signals(), v.category()).stream().map(s -> map("source", s.source(), "detail", s.detail(), "effect", s.effect())).toList(),
                "lastChanged", server.server().lastChanged(name).map(d -> List.of(map("date", d.toString(),
                        "url", config.link("changes/") + "#" + Changes.anchor(server.server().slug(), name, d)))).orElse(List.of()),
                "download", map("file", server.server().slug() + "-" + t.tool().slug() + ".yaml"),
                "risk", Views.risk(config, v.riskLevel(), v.riskScore()),
                "category", Views.category(config, v.category()),
                "confidence", v.confidence().label(),
                "fingerprint", tool.fingerprint(),
                "fingerprintNote", tool.storedFingerprint().map(f -> f.equals(tool.fingerprint())
                        ? List.of("matches the fingerprint recorded in the catalogue")
                        : List.of("differs from the fingerprint recorded in the catalogue (" + f + "): the definition changed"))
                        .orElse(List.<String>of()),
                "lowConfidence", v.confidence().label().equals("low"),
                "server", map("name", serverName, "url", config.link(server.path()), "publisher", server.server().publisher(),
                        "repository", server.server().repository().toString(), "slug", server.server().slug(),
                        "toolCount", Views.plural(server.tools().size(), "tool", "tools"), "policyUrl", config.link("policies/" + server.server().slug() + ".yaml")),
                "categoryText", map("meaning", text.meaning(), "agents", text.agents(), "why", text.why(), "default", text.defaultPolicy()),
                "recommendation", map("summary", t.recommendation().summary(), "explanation", t.recommendation().explanation(),
                        "notes", t.recommendation().notes(), "yaml", t.recommendation().snippetYaml(),
                        "file", server.server().slug() + ".yaml"),
                "proof", proof,
                "signals", signals,
                "flags", flags,
                "hasFlags", !flags.isEmpty() || !serverFlags.isEmpty(),
                "serverFlags", serverFlags,
                "inputs", inputs,
                "hasInputs", !inputs.isEmpty(),
                "schemaJson", JsonText.write(tool.inputSchema()),
                "attacks", relevantAttacks(t, server),
                "sameCategory", sameCategory(t),
                "categoryCount", Views.plural(byCategory.getOrDefault(v.category(), List.of()).size(),
                        v.category().label() + " tool", v.category().label() + " tools"),
                "sameServer", server.tools().stream().filter(o -> o != t).limit(SAME_SERVER).map(o -> Views.toolRow(config, o)).toList(),
                "moreOnServer", Math.max(0, server.tools().size() - 1 - SAME_SERVER),
                "faq", faqView);
    }

    /** Descriptions longer than this many characters, or lines, are collapsed under the verdict. */
    static final int LONG_CHARS = 320;
    static final int LONG_LINES = 4;
    /** The signals shown in the verdict panel. */
    static final int DECISIVE = 3;

    static boolean isLong(String description) {
        return description.length() > LONG_CHARS || description.strip().lines().count() > LONG_LINES;
    }

    /** The start of a long description, cut at a word, for the collapsed view. */
    static String preview(String description) {
        String s = description.strip().replaceAll("\\s+", " ");
        if (s.length() <= LONG_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', LONG_CHARS);
        return s.substring(0, cut > LONG_CHARS / 2 ? cut : LONG_CHARS).strip() + "…";
    }

    /**
     * The two or three signals that decided the verdict: those that gave its category first, then those that raised
     * its score, then any other with an effect, in the classifier's order; a signal whose effect is "none" (an
     * absent hint, say) decided nothing and is left for "Why this category". With no such signal, the first ones.
     */
    static List<Signal> decisive(List<Signal> signals, Category category) {
        List<Signal> effective = signals.stream().filter(s -> !s.effect().isBlank() && !s.effect().startsWith("none")).toList();
        java.util.function.ToIntFunction<Signal> rank = s -> s.effect().equals(category.label()) ? 0
                : s.effect().startsWith("+") ? 1 : 2;
        return (effective.isEmpty() ? signals : effective).stream().sorted(Comparator.comparingInt(rank))
                .limit(DECISIVE).toList();
    }

    /** A link to the attack page of that id, as a list of zero or one, since the catalogue may not have it. */
    private List<Map<String, Object>> attackLink(String id) {
        return attacks.stream().filter(a -> a.id().equals(id)).map(a -> map("url", config.link("attacks/" + a.id() + "/"))).toList();
    }

    private static String flagTitle(String kind) {
        return switch (kind) {
            case "poisoning" -> "Possible tool poisoning";
            case "invisible-text" -> "Hidden characters";
            case "over-long-description" -> "Over-long description";
            case "annotation-contradiction" -> "Annotations contradict the tool";
            default -> kind;
        };
    }

    /** The input schema's properties as table rows. */
    static List<Map<String, Object>> inputs(org.mcpcatalogue.model.Tool tool) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> required = Set.copyOf(tool.requiredInputs());
        for (var e : tool.inputProperties().members().entrySet()) {
            Json.Obj p = e.getValue() instanceof Json.Obj o ? o : new Json.Obj(Map.of());
            String type = p.get("type").map(j -> j instanceof Json.Str s ? s.value() : JsonText.write(j)).orElse("any");
            List<String> constraints = new ArrayList<>();
            p.get("enum").ifPresent(j -> constraints.add("one of " + (j instanceof Json.Arr arr
                    ? String.join(", ", arr.items().stream().map(x -> x instanceof Json.Str s ? s.value() : JsonText.write(x)).toList())
                    : JsonText.write(j))));
            for (String k : List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format")) {
                p.get(k).ifPresent(j -> constraints.add(k + " " + (j instanceof Json.Str s ? s.value() : JsonText.write(j))));
            }
            p.get("default").ifPresent(j -> constraints.add("default " + (j instanceof Json.Str s ? s.value() : JsonText.write(j))));
            String description = p.get("description").orElse(null) instanceof Json.Str s ? s.value() : "";
            rows.add(map("name", e.getKey(), "type", type, "required", required.contains(e.getKey()) ? "yes" : "no",
                    "description", shown(description), "constraints", shown(String.join("; ", constraints))));
        }
        return rows;
    }

    private List<Map<String, Object>> relevantAttacks(ToolReport t, ServerReport server) {
        Set<String> traits = new java.util.HashSet<>();
        t.verdict().flags().forEach(f -> traits.add(f.kind()));
        server.flags().stream().filter(f -> f.roles().values().stream().anyMatch(l -> l.contains(t.tool().name())))
                .forEach(f -> traits.add(f.kind()));
        return attacks.stream()
                .filter(a -> a.categories().contains(t.verdict().category()) || a.flags().stream().anyMatch(traits::contains))
                .sorted(Comparator.comparing((Attack a) -> a.flags().stream().noneMatch(traits::contains)).thenComparing(Attack::id))
                .limit(ATTACKS)
                .map(a -> map("title", a.title(), "summary", a.summary(), "url", config.link("attacks/" + a.id() + "/"),
                        "severity", a.severity()))
                .toList();
    }

    /**
     * Up to {@link #SAME_CATEGORY} other tools of the same category, from other servers, chosen by a hash of both
     * tools' identities: different on every page, and the same at every build. In a category of at most
     * {@link #SCAN} tools every other tool is weighed; in a larger one, the candidates are drawn at
     * {@link #PROBES} positions given by the tool's identity, then taken in turn from one of them if the draw
     * fell short (a category held mostly by this tool's server). So a page costs no more than the larger of
     * that and the server's size, never the category's.
     */
    private List<Map<String, Object>> sameCategory(ToolReport t) {
        List<ToolReport> members = byCategory.getOrDefault(t.verdict().category(), List.of());
        int self = identities.get(t);
        String server = t.server().slug();
        record Candidate(long key, ToolReport tool) {
        }
        java.util.PriorityQueue<Candidate> best = new java.util.PriorityQueue<>(
                Comparator.comparingLong(Candidate::key).reversed());
        java.util.function.IntConsumer weigh = index -> {
            ToolReport o = members.get(index);
            if (o.server().slug().equals(server)) {
                return;
            }
            long key = (mix(self * 0x9E3779B1L + identities.get(o)) << 20) | ((index + 1) & 0xFFFFF);
            best.add(new Candidate(key, o));
            if (best.size() > SAME_CATEGORY) {
                best.poll();
            }
        };
        int n = members.size();
        if (n <= SCAN) {
            for (int i = 0; i < n; i++) {
                weigh.accept(i);
            }
        } else {
            java.util.BitSet drawn = new java.util.BitSet(n);
            for (int k = 0; k < PROBES; k++) {
                int index = (int) Math.floorMod(mix(self * 0x9E3779B1L + k), (long) n);
                if (!drawn.get(index)) {
                    drawn.set(index);
                    weigh.accept(index);
                }
            }
            int from = (int) Math.floorMod(mix(self), (long) n);
            for (int k = 0; k < n && best.size() < SAME_CATEGORY; k++) {
                int index = (from + k) % n;
                if (!drawn.get(index)) {
                    drawn.set(index);
                    weigh.accept(index);
                }
            }
        }
        return best.stream().sorted(Comparator.comparingLong(Candidate::key)).map(c -> Views.toolRow(config, c.tool())).toList();
    }

    static int identity(ToolReport t) {
        return (t.server().slug() + "/" + t.tool().slug()).hashCode();
    }

    /** A 64-bit finaliser (from MurmurHash3), so that nearby identities give unrelated keys. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x >>> 20;
    }


    /** {@code s} as the page shows what the model reads: hidden characters escaped, line breaks kept. */
    static String shown(String s) {
        return org.mcpcatalogue.text.HiddenText.visibleKeepingLines(s);
    }
}
