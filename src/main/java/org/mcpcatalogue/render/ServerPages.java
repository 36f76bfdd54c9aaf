package org.mcpcatalogue.render;

import static org.mcpcatalogue.render.Views.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.classify.ServerFlag;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;
import org.mcpcatalogue.prove.ProofStep;
import org.mcpcatalogue.recommend.ServerPolicy;

/** {@code /servers/} and {@code /servers/<slug>/}. */
final class ServerPages {

    private final SiteConfig config;
    private final Markdown markdown;

    private final java.util.Set<String> attackIds;

    ServerPages(SiteConfig config, Markdown markdown, List<Attack> attacks) {
        this.config = config;
        this.markdown = markdown;
        this.attackIds = attacks.stream().map(Attack::id).collect(java.util.stream.Collectors.toSet());
    }

    List<PageJob> jobs(CatalogueReport report) {
        List<PageJob> jobs = new ArrayList<>();
        for (ServerReport s : report.servers()) {
            jobs.add(page(s));
        }
        jobs.addAll(index(report));
        return jobs;
    }

    /** {@code /servers/<slug>/}. */
    PageJob page(ServerReport s) {
        return new PageJob(s.path() + "index.html", "server", context(s));
    }

    /** Servers listed per page of {@code /servers/}. */
    static final int PER_PAGE = 500;

    /** {@code /servers/}, and {@code /servers/page/N/} past {@link #PER_PAGE} servers. */
    List<PageJob> index(CatalogueReport report) {
        List<ServerReport> all = report.servers();
        int pages = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
        int toolCount = all.stream().mapToInt(s -> s.tools().size()).sum();
        List<PageJob> jobs = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            String path = p == 1 ? "servers/" : "servers/page/" + p + "/";
            List<Map<String, Object>> rows = all.subList((p - 1) * PER_PAGE, Math.min(all.size(), p * PER_PAGE)).stream()
                    .map(this::row).toList();
            jobs.add(new PageJob(path + "index.html", "servers", map(
                    "site", Views.site(config, "servers/"),
                    "page", Views.page(config, path, "MCP servers" + (p > 1 ? " (page " + p + " of " + pages + ")" : "")
                            + " · " + config.name(), "All " + all.size()
                            + " MCP servers in the catalogue, with their tools' risk and a proved Intercept policy for each."
                            + (p > 1 ? " Page " + p + "." : ""),
                            "website", List.of(), List.of()),
                    "count", all.size(), "toolCount", toolCount, "servers", rows,
                    "paged", pages > 1, "pageNumber", p, "pages", pages,
                    "pagination", Views.pagination(config, "servers/", p, pages))));
        }
        return jobs;
    }

    Map<String, Object> row(ServerReport s) {
        return map("name", s.server().name(), "url", config.link(s.path()), "publisher", s.server().publisher(),
                "tools", s.tools().size(), "changing", s.changing(), "verified", s.server().verified().toString(),
                "flagged", !s.flags().isEmpty());
    }

    private Map<String, Object> context(ServerReport s) {
        var server = s.server();
        List<Map<String, Object>> counts = new ArrayList<>();
        for (Category c : Category.values()) {
            long n = s.tools().stream().filter(t -> t.verdict().category() == c).count();
            counts.add(map("category", Views.category(config, c), "count", n));
        }
        List<Map<String, Object>> flags = new ArrayList<>();
        for (ServerFlag f : s.flags()) {
            List<Map<String, Object>> roles = new ArrayList<>();
            f.roles().forEach((role, tools) -> roles.add(map("role", role, "tools", tools.stream()
                    .map(name -> map("name", name, "url", config.link("tools/" + server.slug() + "/"
                            + org.mcpcatalogue.model.Tool.slugOf(name) + "/"))).toList())));
            flags.add(map("title", f.kind().equals("toxic-flow") ? "Toxic flow" : "Destructive flow", "summaryHtml", Views.inlineCode(f.summary()),
                    "roles", roles, "attack", attackIds.contains(f.kind())
                            ? List.of(map("url", config.link("attacks/" + f.kind() + "/"))) : List.of()));
        }
        List<Map<String, Object>> proof = new ArrayList<>();
        for (ProofStep p : s.proof().steps()) {
            proof.add(map("claim", p.claim(), "observed", p.observed(), "cls", p.passed() ? "pass" : "fail"));
        }
        long changing = s.changing();
        String description = server.name() + " MCP server by " + server.publisher() + ": " + Views.plural(s.tools().size(), "tool", "tools")
                + ", " + changing + " can change or destroy data. Risk of every tool and a proved Intercept policy to download.";
        return map(
                "site", Views.site(config, "servers/"),
                "page", Views.page(config, s.path(), server.name() + " MCP server · " + Views.plural(s.tools().size(), "tool", "tools")
                        + " · " + config.name(), description, "website", List.of(), List.of("copy.js")),
                "breadcrumbs", List.of(map("label", "Servers", "url", config.link("servers/"))),
                "name", server.name(),
                "crumb", server.name(),
                "publisher", server.publisher(),
                "descriptionHtml", markdown.toHtml(server.description()),
                "toolCount", s.tools().size(),
                "toolsWord", s.tools().size() == 1 ? "tool" : "tools",
                "changing", changing,
                "counts", counts,
                "tools", s.tools().stream().sorted(RISKIEST_FIRST).map(t -> Views.toolRow(config, t)).toList(),
                "presentCounts", counts.stream().filter(c -> (long) c.get("count") > 0).toList(),
                "hasFlags", !flags.isEmpty(),
                "install", Install.ways(server),
                "hasInstall", !server.packages().isEmpty() || !server.remotes().isEmpty(),
                "interceptVersion", Install.INTERCEPT_VERSION,
                "flags", flags,
                "policy", map("yaml", s.policy().yaml(), "file", server.slug() + ".yaml", "url", config.link("policies/" + server.slug() + ".yaml"),
                        "perTool", s.policy().form() == ServerPolicy.Form.PER_TOOL ? List.of(Map.of()) : List.of(), "notes", s.policy().notes()),
                "proof", proof,
                "repository", server.repository().toString(),
                "homepage", server.homepage().map(u -> List.of(u.toString())).orElse(List.of()),
                "license", server.license().map(List::of).orElse(List.of()),
                "transport", server.transport().map(t -> List.of(t.label())).orElse(List.of()),
                "tags", server.tags(),
                "source", server.source(),
                "verified", server.verified().toString(),
                "apiUrl", config.link("api/servers/" + server.slug() + ".json"));
    }

    /** A server's tools as its page lists them: highest score first, then highest level, then by name. */
    static final Comparator<org.mcpcatalogue.pipeline.ToolReport> RISKIEST_FIRST =
            Comparator.comparingInt((org.mcpcatalogue.pipeline.ToolReport t) -> t.verdict().riskScore()).reversed()
                    .thenComparing((org.mcpcatalogue.pipeline.ToolReport t) -> t.verdict().riskLevel(), Comparator.reverseOrder())
                    .thenComparing(t -> t.tool().name());

    static Comparator<ServerReport> recentlyVerified() {
        return Comparator.comparing((ServerReport s) -> s.server().verified()).reversed().thenComparing(s -> s.server().slug());
    }
}
