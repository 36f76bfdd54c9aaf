package org.mcpcatalogue.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mcpcatalogue.classify.ServerFlag;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;
import org.mcpcatalogue.pipeline.ToolReport;
import org.mcpcatalogue.prove.ProofStep;
import org.mcpcatalogue.render.search.SearchIndexBuilder;
import org.mcpcatalogue.render.search.SearchRecord;

/**
 * The site's machine-readable files: the search index, the API, policy downloads, sitemap, Atom feed,
 * robots.txt and llms.txt. Everything is sorted and carries no build time, so the same catalogue gives the
 * same bytes.
 */
final class DataFiles {

    private final SiteConfig config;

    DataFiles(SiteConfig config) {
        this.config = config;
    }

    /** A server's own files: its API file and its policy. */
    List<Output> serverFiles(ServerReport s) {
        return List.of(Output.text("api/servers/" + s.server().slug() + ".json", JsonText.write(server(s)) + "\n"),
                Output.text("policies/" + s.server().slug() + ".yaml", s.policy().yaml()));
    }

    /** The files across servers. */
    List<Output> catalogue(CatalogueReport report, List<String> htmlPaths, List<Attack> attacks) {
        List<Output> out = new ArrayList<>();
        out.addAll(searchIndex(report));
        List<Json> servers = new ArrayList<>();
        for (ServerReport s : report.servers()) {
            servers.add(Json.obj(
                    "slug", Json.str(s.server().slug()),
                    "name", Json.str(s.server().name()),
                    "publisher", Json.str(s.server().publisher()),
                    "tools_count", Json.Num.of(s.tools().size()),
                    "changing_count", Json.Num.of(s.changing()),
                    "verified", Json.str(s.server().verified().toString()),
                    "url", Json.str(config.absolute(s.path())),
                    "api_url", Json.str(config.absolute("api/servers/" + s.server().slug() + ".json")),
                    "policy_url", Json.str(config.absolute("policies/" + s.server().slug() + ".yaml"))));
        }
        out.add(Output.text("api/catalogue.json", JsonText.write(Json.obj(
                "site", Json.str(config.baseUrl() + "/"),
                "servers_count", Json.Num.of(report.servers().size()),
                "tools_count", Json.Num.of(report.tools().size()),
                "servers", new Json.Arr(servers))) + "\n"));
        out.addAll(sitemaps(htmlPaths));
        out.add(Output.text("feed.xml", feed(report)));
        out.add(Output.text("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + config.absolute("sitemap.xml") + "\n"));
        out.add(Output.text("llms.txt", llms(report, attacks)));
        return out;
    }

    /** The longest description a search result carries. */
    static final int SEARCH_DESCRIPTION = 160;

    /**
     * The sharded search index under {@code search/}: a record per server (its riskiest tool's level and score) and
     * per tool, servers in slug order, each followed by its tools (see {@link SearchIndexBuilder}).
     */
    List<Output> searchIndex(CatalogueReport report) {
        List<Output> out = new ArrayList<>();
        SearchIndexBuilder builder = new SearchIndexBuilder("search/", out::add, SearchIndexBuilder.Options.DEFAULT);
        try {
            for (ServerReport s : report.servers().stream().sorted(Comparator.comparing(x -> x.server().slug())).toList()) {
                builder.add(searchRecord(s));
                for (ToolReport t : s.tools()) {
                    builder.add(searchRecord(t));
                }
            }
            builder.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the list never fails
        }
        return out;
    }

    static SearchRecord searchRecord(ServerReport s) {
        ToolReport riskiest = s.tools().stream().max(Comparator.comparingInt((ToolReport t) -> t.verdict().riskScore())
                .thenComparing(t -> t.verdict().riskLevel())).orElse(null);
        return new SearchRecord(SearchRecord.Kind.SERVER, s.server().name(), s.server().slug(), s.server().name(), "",
                riskiest == null ? "" : riskiest.verdict().riskLevel().label(), riskiest == null ? 0 : riskiest.verdict().riskScore(),
                Views.oneLine(s.server().description(), SEARCH_DESCRIPTION), "/" + s.path());
    }

    static SearchRecord searchRecord(ToolReport t) {
        return new SearchRecord(SearchRecord.Kind.TOOL, t.tool().name(), t.server().slug(), t.server().name(),
                t.verdict().category().label(), t.verdict().riskLevel().label(), t.verdict().riskScore(),
                Views.oneLine(t.tool().description(), SEARCH_DESCRIPTION), "/" + t.path());
    }

    private Json.Obj server(ServerReport s) {
        Server server = s.server();
        List<Json> tools = new ArrayList<>();
        for (ToolReport t : s.tools()) {
            tools.add(tool(t));
        }
        List<Json> flags = new ArrayList<>();
        for (ServerFlag f : s.flags()) {
            List<Json> roles = new ArrayList<>();
            f.roles().forEach((role, names) -> roles.add(Json.obj("role", Json.str(role),
                    "tools", new Json.Arr(names.stream().map(n -> (Json) Json.str(n)).toList()))));
            flags.add(Json.obj("kind", Json.str(f.kind()), "summary", Json.str(f.summary()), "roles", new Json.Arr(roles)));
        }
        return Json.obj(
                "slug", Json.str(server.slug()),
                "name", Json.str(server.name()),
                "publisher", Json.str(server.publisher()),
                "repository", Json.str(server.repository().toString()),
                "homepage", server.homepage().map(u -> (Json) Json.str(u.toString())).orElse(Json.NULL),
                "description", Json.str(server.description()),
                "tags", new Json.Arr(server.tags().stream().map(x -> (Json) Json.str(x)).toList()),
                "license", server.license().map(x -> (Json) Json.str(x)).orElse(Json.NULL),
                "transport", server.transport().map(x -> (Json) Json.str(x.label())).orElse(Json.NULL),
                "verified", Json.str(server.verified().toString()),
                "source", Json.str(server.source()),
                "url", Json.str(config.absolute(s.path())),
                "policy_url", Json.str(config.absolute("policies/" + server.slug() + ".yaml")),
                "policy", Json.str(s.policy().yaml()),
                "policy_proof", proof(s.proof().steps()),
                "flags", new Json.Arr(flags),
                "tools", new Json.Arr(tools));
    }

    private Json.Obj tool(ToolReport t) {
        var v = t.verdict();
        List<Json> signals = v.signals().stream().map(s -> (Json) s.toJson()).toList();
        List<Json> flags = v.flags().stream().map(f -> (Json) f.toJson()).toList();
        var a = t.tool().annotations();
        return Json.obj(
                "name", Json.str(t.tool().name()),
                "slug", Json.str(t.tool().slug()),
                "title", t.tool().title().map(x -> (Json) Json.str(x)).orElse(Json.NULL),
                "description", Json.str(t.tool().description()),
                "inputSchema", t.tool().inputSchema(),
                "fingerprint", Json.str(t.tool().fingerprint()),
                "annotations", Json.obj("readOnlyHint", hint(a.readOnlyHint()), "destructiveHint", hint(a.destructiveHint()),
                        "idempotentHint", hint(a.idempotentHint()), "openWorldHint", hint(a.openWorldHint())),
                "category", Json.str(v.category().label()),
                "risk_level", Json.str(v.riskLevel().label()),
                "risk_score", Json.Num.of(v.riskScore()),
                "confidence", Json.str(v.confidence().label()),
                "signals", new Json.Arr(signals),
                "flags", new Json.Arr(flags),
                "policy", Json.str(t.recommendation().snippetYaml()),
                "policy_summary", Json.str(t.recommendation().summary()),
                "proof", proof(t.proof().steps()),
                "url", Json.str(config.absolute(t.path())));
    }

    private static Json hint(org.mcpcatalogue.model.Hint h) {
        return h.isDeclared() ? (h == org.mcpcatalogue.model.Hint.TRUE ? Json.TRUE : Json.FALSE) : Json.NULL;
    }

    private static Json proof(List<ProofStep> steps) {
        return new Json.Arr(steps.stream().map(s -> (Json) s.toJson()).toList());
    }

    /** The most URLs one sitemap may list (sitemaps.org). */
    static final int SITEMAP_URLS = 50_000;

    /**
     * {@code sitemap.xml}: every page, or, past {@link #SITEMAP_URLS} pages, a sitemap index of
     * {@code sitemaps/1.xml}, {@code sitemaps/2.xml} … of that many pages each.
     */
    List<Output> sitemaps(List<String> htmlPaths) {
        List<String> paths = htmlPaths.stream().filter(p -> !p.equals("404.html")).sorted().toList();
        if (paths.size() <= SITEMAP_URLS) {
            return List.of(Output.text("sitemap.xml", sitemap(paths)));
        }
        List<Output> out = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int from = 0, n = 1; from < paths.size(); from += SITEMAP_URLS, n++) {
            String part = "sitemaps/" + n + ".xml";
            parts.add(part);
            out.add(Output.text(part, sitemap(paths.subList(from, Math.min(paths.size(), from + SITEMAP_URLS)))));
        }
        out.add(Output.text("sitemap.xml", Xml.document(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            w.writeCharacters("\n");
            for (String part : parts) {
                w.writeCharacters("  ");
                w.writeStartElement("sitemap");
                Xml.element(w, "loc", config.absolute(part));
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
        })));
        return out;
    }

    private String sitemap(List<String> sortedPaths) {
        return Xml.document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            w.writeCharacters("\n");
            for (String p : sortedPaths) {
                String path = p.equals("index.html") ? "" : p.endsWith("/index.html") ? p.substring(0, p.length() - "index.html".length()) : p;
                w.writeCharacters("  ");
                w.writeStartElement("url");
                Xml.element(w, "loc", config.absolute(path));
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
        });
    }

    /** Atom: one entry per server, most recently verified first. */
    private String feed(CatalogueReport report) {
        List<ServerReport> servers = report.servers().stream().sorted(ServerPages.recentlyVerified()).toList();
        String updated = servers.isEmpty() ? "1970-01-01" : servers.get(0).server().verified().toString();
        return Xml.document(w -> {
            Xml.atomHead(w, config.name() + ": servers by verification date", config.absolute(""),
                    config.absolute("feed.xml"), config.absolute(""), updated, config.name());
            for (ServerReport s : servers) {
                Server server = s.server();
                w.writeCharacters("  ");
                w.writeStartElement("entry");
                w.writeCharacters("\n    ");
                Xml.element(w, "title", server.name() + ": " + Views.plural(s.tools().size(), "tool", "tools")
                        + ", " + s.changing() + " can change or destroy data");
                w.writeCharacters("\n    ");
                Xml.element(w, "id", config.absolute(s.path()));
                w.writeCharacters("\n    ");
                w.writeEmptyElement("link");
                w.writeAttribute("href", Xml.text(config.absolute(s.path())));
                w.writeCharacters("\n    ");
                Xml.element(w, "updated", server.verified() + "T00:00:00Z");
                w.writeCharacters("\n    ");
                Xml.element(w, "summary", Views.oneLine(server.description(), 300));
                w.writeCharacters("\n  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
        });
    }

    private String llms(CatalogueReport report, List<Attack> attacks) {
        StringBuilder b = new StringBuilder("# ").append(MarkdownText.inline(config.name())).append("\n\n");
        b.append("> MCP servers and their tools, each classified by what a call can do (Read, Write, Execute, Destructive,"
                + " Financial) with a risk level, a 1-5 score and the signals behind them, and an Intercept policy that the"
                + " embedded policy engine has validated and exercised.\n\n");
        b.append("Machine-readable: ").append(MarkdownText.url(config.absolute("api/catalogue.json"))).append(" (an index of the servers), ")
                .append(MarkdownText.url(config.absolute("api/servers/"))).append("\\<slug\\>.json (one server), ")
                .append(MarkdownText.url(config.absolute("policies/"))).append("\\<slug\\>.yaml (a server's Intercept policy).\n\n");
        b.append("## Servers\n\n");
        for (ServerReport s : report.servers().stream().sorted(Comparator.comparing(x -> x.server().slug())).toList()) {
            b.append("- ").append(MarkdownText.link(s.server().name(), config.absolute(s.path()))).append(": ")
                    .append(Views.plural(s.tools().size(), "tool", "tools")).append(", ").append(s.changing())
                    .append(" can change or destroy data\n");
        }
        b.append("\n## Attack patterns\n\n");
        for (Attack a : attacks) {
            b.append("- ").append(MarkdownText.link(a.title(), config.absolute("attacks/" + a.id() + "/"))).append(": ")
                    .append(MarkdownText.inline(a.summary())).append('\n');
        }
        return b.toString();
    }
}
