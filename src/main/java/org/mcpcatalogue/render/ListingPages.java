package org.mcpcatalogue.render;

import static org.mcpcatalogue.render.Views.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mcpcatalogue.classify.Confidence;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ToolReport;

/**
 * {@code /categories/…} and {@code /risk/…}: what each means, the recommended default, and all its tools; and
 * {@code /review/}: the low-confidence verdicts, for contributors to check.
 */
final class ListingPages {

    static final int PER_PAGE = 200;

    private final SiteConfig config;
    private final Content content;

    ListingPages(SiteConfig config, Content content) {
        this.config = config;
        this.content = content;
    }

    /** The tools {@code /review/} lists: verdicts that rest on no decisive signal. */
    static final Predicate<ToolReport> TO_REVIEW = t -> t.verdict().confidence() == Confidence.LOW;

    /** Tools listed most risky first, then by server and name. */
    static final Comparator<ToolReport> ORDER = Comparator.comparing((ToolReport t) -> -t.verdict().riskScore())
            .thenComparing(t -> t.server().slug()).thenComparing(t -> t.tool().name());

    List<PageJob> jobs(CatalogueReport report) {
        List<PageJob> jobs = new ArrayList<>();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            var text = content.of(c);
            List<ToolReport> tools = filter(report, t -> t.verdict().category() == c);
            categories.add(map("category", Views.category(config, c), "count", tools.size(), "meaning", text.meaning(),
                    "default", text.defaultPolicy()));
            jobs.addAll(paged("categories/" + c.slug() + "/", "categories/", c.label() + " tools",
                    c.label() + " MCP tools: " + text.meaning() + " Recommended default: " + text.defaultPolicy(),
                    text.meaning(), text.agents() + " " + text.why(), text.defaultPolicy(), tools,
                    List.of(map("label", "Categories", "url", config.link("categories/")))));
        }
        jobs.add(new PageJob("categories/index.html", "index-list", map(
                "site", Views.site(config, "categories/"),
                "page", Views.page(config, "categories/", "Tool categories · " + config.name(),
                        "The five categories of MCP tools, from Read to Financial, each with its recommended Intercept policy.",
                        "website", List.of(), List.of()),
                "heading", "Tool categories",
                "lede", "What a call can do to the world decides a tool's category. Each category has a recommended default policy.",
                "items", categories.stream().map(m -> map("label", ((Map<?, ?>) m.get("category")).get("label"),
                        "url", ((Map<?, ?>) m.get("category")).get("url"), "cls", ((Map<?, ?>) m.get("category")).get("cls"),
                        "count", m.get("count"), "text", m.get("meaning"), "default", m.get("default"))).toList())));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) {
            List<ToolReport> tools = filter(report, t -> t.verdict().riskLevel() == l);
            String meaning = content.of(l);
            String defaults = defaultsFor(l, report.floors());
            levels.add(map("label", l.label(), "url", config.link("risk/" + l.slug() + "/"), "cls", "risk-" + l.slug(),
                    "count", tools.size(), "text", meaning, "default", defaults));
            jobs.addAll(paged("risk/" + l.slug() + "/", "risk/", l.label() + " risk tools",
                    l.label() + " risk MCP tools: " + meaning + " Recommended default: " + defaults,
                    meaning, "", defaults, tools, List.of(map("label", "Risk levels", "url", config.link("risk/")))));
        }
        jobs.add(new PageJob("risk/index.html", "index-list", map(
                "site", Views.site(config, "risk/"),
                "page", Views.page(config, "risk/", "Risk levels · " + config.name(),
                        "The four risk levels of MCP tools, from Low to Critical, and what each asks of a policy.",
                        "website", List.of(), List.of()),
                "heading", "Risk levels",
                "lede", "A tool's risk level follows its risk score, with its category as a floor: across the catalogue, a higher score"
                        + " never shows a lower level.",
                "items", levels)));
        jobs.addAll(review(report));
        return jobs;
    }

    /** The low-confidence verdicts: the rules' cautious defaults, where a contributor's reading helps most. */
    private List<PageJob> review(CatalogueReport report) {
        List<ToolReport> tools = filter(report, TO_REVIEW);
        return paged("review/", "review/", "Verdicts to review",
                "MCP tools whose verdict rests on no decisive signal: the classifier's cautious defaults, listed for review.",
                "No rule found a verb, phrase or field that decides these tools, so each verdict is a cautious default: an"
                        + " unknown tool is never assumed to be read-only.",
                "If you know what one of these tools does, read its definition and, where the verdict is wrong, add a"
                        + " curated classification with its rationale to the server's file (see docs/catalogue-format.md in"
                        + " the repository), or a rule to catalogue/rules/classification.yaml that decides tools like it.",
                "Check the tool before relying on its recommended policy.", tools, List.of());
    }

    private String defaultsFor(RiskLevel l, Map<Category, RiskLevel> floors) {
        List<String> parts = new ArrayList<>();
        for (Category c : Category.values()) {
            if (floors.get(c) == l) {
                parts.add(c.label() + ": " + content.of(c).defaultPolicy());
            }
        }
        return parts.isEmpty() ? "As its category recommends; a tool raised to this level by a finding deserves review first."
                : String.join(" ", parts);
    }

    private static List<ToolReport> filter(CatalogueReport report, Predicate<ToolReport> p) {
        return report.tools().stream().filter(p).sorted(ORDER).toList();
    }

    private List<PageJob> paged(String path, String section, String heading, String description, String meaning,
                                String detail, String defaults, List<ToolReport> tools, List<Map<String, Object>> crumbs) {
        int pages = Math.max(1, (tools.size() + PER_PAGE - 1) / PER_PAGE);
        List<PageJob> jobs = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            String pagePath = p == 1 ? path : path + "page/" + p + "/";
            List<Map<String, Object>> links = Views.pagination(config, path, p, pages);
            List<ToolReport> slice = tools.subList((p - 1) * PER_PAGE, Math.min(tools.size(), p * PER_PAGE));
            String title = heading + (p > 1 ? " (page " + p + " of " + pages + ")" : "") + " · " + config.name();
            jobs.add(new PageJob(pagePath + "index.html", "listing", map(
                    "site", Views.site(config, section),
                    "page", Views.page(config, pagePath, title, description + (p > 1 ? " Page " + p + "." : ""), "website", List.of(), List.of()),
                    "breadcrumbs", crumbs,
                    "heading", heading,
                    "crumb", heading,
                    "meaning", meaning,
                    "detail", detail.isBlank() ? List.of() : List.of(detail),
                    "default", defaults,
                    "count", tools.size(),
                    "pageNumber", p,
                    "pages", pages,
                    "pagination", links,
                    "paged", pages > 1,
                    "tools", slice.stream().map(t -> Views.toolRow(config, t)).toList())));
        }
        return jobs;
    }
}
