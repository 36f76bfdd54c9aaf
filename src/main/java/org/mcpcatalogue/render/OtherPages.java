package org.mcpcatalogue.render;

import static org.mcpcatalogue.render.Views.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.pipeline.CatalogueReport;

/** The home page, the attack pages, search and 404. */
final class OtherPages {

    static final int RECENT = 10;

    private final SiteConfig config;

    OtherPages(SiteConfig config) {
        this.config = config;
    }

    PageJob home(CatalogueReport report, List<Attack> attacks, ServerPages servers) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            categories.add(map("category", Views.category(config, c),
                    "count", report.tools().stream().filter(t -> t.verdict().category() == c).count()));
        }
        List<Map<String, Object>> levels = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) {
            levels.add(map("level", Views.riskLevel(config, l),
                    "count", report.tools().stream().filter(t -> t.verdict().riskLevel() == l).count()));
        }
        List<Map<String, Object>> recent = report.servers().stream().sorted(ServerPages.recentlyVerified()).limit(RECENT)
                .map(servers::row).toList();
        long proofs = report.tools().size() + report.servers().size();
        return new PageJob("index.html", "home", map(
                "site", Views.site(config, ""),
                "page", Views.page(config, "", config.name() + ": MCP tools by risk, with Intercept policies",
                        "Every tool of " + report.servers().size() + " MCP servers classified by what it can do (Read, Write, Execute,"
                                + " Destructive, Financial), with the reasons, and an Intercept policy proved by the engine.",
                        "website", List.of(), List.of()),
                "servers", report.servers().size(),
                "tools", report.tools().size(),
                "proofs", proofs,
                "flagged", report.servers().stream().filter(s -> !s.flags().isEmpty()).count(),
                "categories", categories,
                "levels", levels,
                "review", map("url", config.link("review/"), "count", report.tools().stream().filter(ListingPages.TO_REVIEW).count()),
                "recent", recent,
                "attacks", attacks.stream().map(a -> map("title", a.title(), "url", config.link("attacks/" + a.id() + "/"),
                        "summary", a.summary())).toList()));
    }

    List<PageJob> attacks(List<Attack> attacks) {
        List<PageJob> jobs = new ArrayList<>();
        for (Attack a : attacks) {
            String path = "attacks/" + a.id() + "/";
            jobs.add(new PageJob(path + "index.html", "attack", map(
                    "site", Views.site(config, "attacks/"),
                    "page", Views.page(config, path, a.title() + " · MCP attack pattern · " + config.name(), a.summary(), "article",
                            List.of(), List.of()),
                    "breadcrumbs", List.of(map("label", "Attacks", "url", config.link("attacks/"))),
                    "title", a.title(), "crumb", a.title(), "summary", a.summary(), "severity", a.severity(),
                    "severityCls", "risk-" + a.severity().toLowerCase(java.util.Locale.ROOT),
                    "categories", a.categories().stream().map(c -> Views.category(config, c)).toList(),
                    "html", a.html(),
                    "policyCount", a.policies().size(),
                    "sources", a.sources().stream().map(s -> map("title", s.title(), "url", s.url())).toList())));
        }
        jobs.add(new PageJob("attacks/index.html", "attacks", map(
                "site", Views.site(config, "attacks/"),
                "page", Views.page(config, "attacks/", "MCP attack patterns · " + config.name(),
                        "How agents are attacked through MCP tools (tool poisoning, rug pulls, toxic flows, runaway loops and more),"
                                + " and the Intercept policies that limit the damage.", "website", List.of(), List.of()),
                "attacks", attacks.stream().map(a -> map("title", a.title(), "url", config.link("attacks/" + a.id() + "/"),
                        "summary", a.summary(), "severity", a.severity(),
                        "severityCls", "risk-" + a.severity().toLowerCase(java.util.Locale.ROOT),
                        "categories", a.categories().stream().map(c -> Views.category(config, c)).toList())).toList())));
        return jobs;
    }

    PageJob search(CatalogueReport report) {
        return new PageJob("search/index.html", "search", map(
                "site", Views.site(config, "search/"),
                "page", Views.page(config, "search/", "Search MCP servers and tools · " + config.name(),
                        "Search " + report.servers().size() + " MCP servers and " + report.tools().size()
                                + " tools by name, server, description, category and risk level.",
                        "website", List.of(), List.of()),
                "servers", Views.plural(report.servers().size(), "server", "servers"),
                "tools", Views.plural(report.tools().size(), "tool", "tools"),
                "categories", java.util.Arrays.stream(Category.values()).map(c -> map("label", c.label(),
                        "value", c.label(), "cls", "cat-" + c.label().toLowerCase(java.util.Locale.ROOT))).toList(),
                "levels", java.util.Arrays.stream(RiskLevel.values()).map(l -> map("label", l.label(),
                        "value", l.label(), "cls", "risk-" + l.label().toLowerCase(java.util.Locale.ROOT))).toList()));
    }

    PageJob notFound() {
        return new PageJob("404.html", "404", map(
                "site", Views.site(config, "-"),
                "page", Views.page(config, "404.html", "Page not found · " + config.name(),
                        "This page does not exist in the MCP tool catalogue.", "website", List.of(), List.of())));
    }
}
