package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/** The fixture catalogue built into a temporary directory with the real CLI; assertions on the files. */
class SiteBuildTest {

    @TempDir
    static Path tmp;
    static Path site;
    static SiteFixture.Build build;

    @BeforeAll
    static void buildOnce() {
        site = tmp.resolve("site");
        build = SiteFixture.build(SiteFixture.FIXTURE, site);
    }

    private static Document page(String path) {
        return Jsoup.parse(SiteFixture.read(site, path));
    }

    @Test
    void theBuildSucceedsWithAProgressLinePerStage() {
        assertEquals(0, build.exitCode(), build.out() + build.err());
        for (String stage : List.of("load", "validate", "classify", "recommend", "prove", "render", "check", "publish")) {
            assertTrue(build.out().lines().anyMatch(l -> l.startsWith(stage + " ") && l.endsWith(" ms")), stage + " in\n" + build.out());
        }
    }

    @Test
    void everyPageAndFileOfTheSiteIsThere() {
        for (String path : List.of("index.html", "404.html", "robots.txt", "llms.txt", "sitemap.xml", "feed.xml",
                "search/index.html", "search/manifest.js", "search/facets.js", "search/docs/0.js", "search/terms/0.js", "api/catalogue.json", "api/servers/together-ai.json",
                "policies/together-ai.yaml", "servers/index.html", "servers/together-ai/index.html",
                "tools/together-ai/generate-image/index.html", "tools/hzzy2o-flux-cloudfare-mcp/generate-image/index.html",
                "categories/index.html", "categories/execute/index.html", "categories/financial/index.html",
                "risk/index.html", "risk/critical/index.html", "attacks/index.html", "attacks/runaway-loops/index.html",
                "assets/site.css", "assets/search.js", "assets/copy.js")) {
            assertTrue(Files.isRegularFile(site.resolve(path)), path);
        }
    }

    @Test
    void theTogetherAiPageSaysExecuteHighThreeWithASnippetFileNamedAfterTheServer() {
        Document d = page("tools/together-ai/generate-image/index.html");
        assertEquals("generate_image", d.selectFirst("h1").text());
        assertEquals("High · 3/5", d.selectFirst(".badge.risk-high").text());
        assertEquals("Execute", d.selectFirst(".badge.cat-execute").text());
        assertEquals("together-ai.yaml", d.selectFirst("figure.snippet figcaption").text());
        String yaml = d.selectFirst("#policy-snippet").wholeText();
        assertTrue(yaml.contains("rate_limit: \"10/minute\"") && yaml.contains("path: \"args.prompt\""), yaml);
        assertEquals(List.of("Tool Name", "Category", "Risk Level", "Risk Score", "Confidence", "Server", "Repository", "Fingerprint"),
                d.select("#details-heading + .table-wrap th").eachText());
        assertEquals(6, d.select("details.faq").size());
        assertTrue(d.select("ol.proof li.fail").isEmpty());
        assertTrue(d.select("ol.proof li.pass").size() >= 6);
        assertEquals("https://example.org/catalogue/tools/together-ai/generate-image/", d.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(d.selectFirst("script[type=application/ld+json]").data().contains("\"FAQPage\""));
    }

    @Test
    void internalLinksCarryTheBasePath() {
        Document d = page("tools/together-ai/generate-image/index.html");
        assertEquals("/catalogue/servers/together-ai/", d.selectFirst("p a[href$=/servers/together-ai/]").attr("href"));
        assertEquals("/catalogue/assets/site.css", d.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void theServerPageCountsAndFlagsAToxicFlow() {
        Document d = page("servers/repo-host/index.html");
        assertTrue(d.selectFirst(".lede").text().startsWith("6 tools, 4 can change or destroy data."), d.selectFirst(".lede").text());
        assertTrue(d.select(".flag strong").eachText().contains("Toxic flow"), d.select(".flag").text());
        assertTrue(d.selectFirst("#policy-snippet").wholeText().startsWith("# Intercept policy for the Repo Host MCP server"));
        assertEquals(SiteFixture.read(site, "policies/repo-host.yaml"), d.selectFirst("#policy-snippet").wholeText());
    }

    @Test
    void theDownloadablePolicyPassesPolicyCheck() {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                "policy", "check", site.resolve("policies/repo-host.yaml").toString(), site.resolve("policies/together-ai.yaml").toString());
        assertEquals(0, code, out.toString());
    }

    @Test
    void theSearchIndexHasARecordForEveryServerAndToolWithRootRelativeUrls() {
        String manifest = SiteFixture.read(site, "search/manifest.js");
        assertTrue(manifest.startsWith("__mcpSearch(\"manifest\",{\"v\":1,\"records\":"), manifest);
        assertFalse(Files.exists(site.resolve("search/index.json")), "the one-file index is gone");
        String docs = SiteFixture.read(site, "search/docs/0.js");
        // Servers in slug order, each followed by its tools: together-ai's generate_image, and the server itself.
        assertTrue(docs.contains("[\"generate_image\",\"together-ai\",\"Together AI\",\"Execute\",\"High\",3,"), docs);
        assertTrue(docs.contains("\"/tools/together-ai/generate-image/\"]"), docs);
        assertTrue(docs.contains("\"/servers/together-ai/\"]"), docs);
        assertTrue(manifest.contains("\"tools\":9,"), manifest);
    }

    @Test
    void theApiCarriesEveryToolsVerdictAndPolicy() {
        Json.Obj api = (Json.Obj) JsonText.parse(SiteFixture.read(site, "api/servers/together-ai.json"));
        Json.Obj tool = (Json.Obj) ((Json.Arr) api.get("tools").orElseThrow()).items().get(0);
        assertEquals(Json.str("Execute"), tool.get("category").orElseThrow());
        assertEquals(Json.Num.of(3), tool.get("risk_score").orElseThrow());
        assertTrue(((Json.Str) tool.get("policy").orElseThrow()).value().contains("10/minute"));
    }

    @Test
    void feedsAndSitemapUseAbsoluteUrlsAndNoBuildTime() {
        String sitemap = SiteFixture.read(site, "sitemap.xml");
        assertTrue(sitemap.contains("<loc>https://example.org/catalogue/tools/together-ai/generate-image/</loc>"), sitemap);
        assertFalse(sitemap.contains("404.html"));
        String feed = SiteFixture.read(site, "feed.xml");
        assertTrue(feed.contains("<updated>2026-11-21T00:00:00Z</updated>"), feed);
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/catalogue/sitemap.xml\n", SiteFixture.read(site, "robots.txt"));
    }

    @Test
    void buildingTwiceGivesIdenticalBytes(@TempDir Path other) {
        Path again = other.resolve("site");
        assertEquals(0, SiteFixture.build(SiteFixture.FIXTURE, again).exitCode());
        Map<String, byte[]> a = SiteFixture.files(site);
        Map<String, byte[]> b = SiteFixture.files(again);
        assertEquals(a.keySet(), b.keySet());
        for (String path : a.keySet()) {
            assertArrayEquals(a.get(path), b.get(path), path);
        }
    }

    @Test
    void hostileMarkupIsRenderedInert() {
        try (Stream<Path> files = Files.walk(site.toRealPath())) {
            Path root = site.toRealPath();
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document d = Jsoup.parse(Files.readString(p));
                String where = root.relativize(p).toString();
                for (var script : d.select("script")) {
                    // The search page refers to its script relatively, so that it runs from file:// too.
                    boolean ours = script.attr("src").startsWith("/catalogue/assets/") || script.attr("type").equals("application/ld+json")
                            || where.equals("search/index.html") && script.attr("src").equals("../assets/search.js");
                    assertTrue(ours, where + ": unexpected script " + script);
                }
                assertTrue(d.select("[onerror], [onclick], [onmouseover]").isEmpty(), where + ": " + d.select("[onerror], [onclick], [onmouseover]"));
                assertTrue(d.select("a[href^=javascript], a[href^=data], a[href^=JAVASCRIPT]").isEmpty(), where);
                assertTrue(d.select("img").isEmpty(), where + ": " + d.select("img"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Document server = page("servers/xss-probe/index.html");
        assertTrue(server.selectFirst(".prose").text().contains("<script>alert('description')</script>"), "shown as text");
        assertEquals("https://example.org/docs", server.selectFirst(".prose a[href^=https]").attr("href"));
        Document tool = page("tools/xss-probe/get-note/index.html");
        assertTrue(tool.selectFirst(".lede").text().contains("<script>alert('tool')</script>"));
    }

    @Test
    void aBrokenCatalogueLeavesThePreviousSiteUntouched(@TempDir Path work) throws IOException {
        Path catalogue = work.resolve("catalogue");
        SiteFixture.copy(SiteFixture.FIXTURE, catalogue);
        Path out = work.resolve("site");
        assertEquals(0, SiteFixture.build(catalogue, out).exitCode());
        Map<String, byte[]> before = SiteFixture.files(out);
        Files.writeString(catalogue.resolve("servers/together-ai.yaml"), "slug: together-ai\nname: [broken\n");
        SiteFixture.Build broken = SiteFixture.build(catalogue, out);
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("servers/together-ai.yaml:3:1: error: invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence at line 2, column 7)"), broken.err());
        assertTrue(broken.err().contains("site/ is unchanged") || broken.err().contains("is unchanged"), broken.err());
        Map<String, byte[]> after = SiteFixture.files(out);
        assertEquals(before.keySet(), after.keySet());
        for (String p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p);
        }
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(".site-lock", ".site-versions", "catalogue", "site"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging left behind");
        }
        try (Stream<Path> s = Files.list(work.resolve(".site-versions"))) {
            assertEquals(List.of(".catalogue-site-versions", out.toRealPath().getFileName().toString()),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "only the version shown");
        }
    }

    @Test
    void aTemplateNamingAMissingValueFailsWithTemplateAndLine(@TempDir Path work) throws IOException {
        Path templates = work.resolve("templates");
        SiteFixture.copy(Path.of("templates"), templates);
        String tool = Files.readString(templates.resolve("tool.mustache"));
        Files.writeString(templates.resolve("tool.mustache"), tool.replace("<h1><code>{{name}}</code></h1>", "<h1><code>{{nmae}}</code></h1>"));
        int line = (int) tool.substring(0, tool.indexOf("<h1><code>{{name}}")).lines().count() + 1;
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true),
                "build", "--catalogue", SiteFixture.FIXTURE.toString(), "--out", work.resolve("site").toString(), "--templates", templates.toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("templates/tool.mustache:" + line + ": the context has no value for {{nmae}}"), err.toString());
        assertFalse(Files.exists(work.resolve("site")));
    }

    @Test
    void aBrokenLinkStopsThePublish(@TempDir Path work) throws IOException {
        Path templates = work.resolve("templates");
        SiteFixture.copy(Path.of("templates"), templates);
        String server = Files.readString(templates.resolve("server.mustache"));
        Files.writeString(templates.resolve("server.mustache"), server.replace("<h2 id=\"tools-heading\">Tools, riskiest first</h2>",
                "<h2 id=\"tools-heading\">Tools, riskiest first</h2><a href=\"{{site.base}}/nowhere/\">x</a><a href=\"#no-such-id\">y</a>"));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true),
                "build", "--catalogue", SiteFixture.FIXTURE.toString(), "--out", work.resolve("site").toString(), "--templates", templates.toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("servers/together-ai/index.html: error: <a href=\"/nowhere/\"> points to a file the site does not have (nowhere/index.html)"), err.toString());
        assertTrue(err.toString().contains("<a href=\"#no-such-id\">: servers/together-ai/index.html has no id \"no-such-id\""), err.toString());
        assertFalse(Files.exists(work.resolve("site")));
    }

    @Test
    void listingsArePaginatedAboveTwoHundredTools(@TempDir Path work) throws IOException {
        Path catalogue = work.resolve("catalogue");
        Files.createDirectories(catalogue.resolve("servers"));
        StringBuilder b = new StringBuilder("slug: big\nname: Big\npublisher: x\nrepository: https://example.org/big\n"
                + "description: Many read tools.\nverified: 2026-01-01\nsource: generated by a test\ntools:\n");
        for (int i = 0; i < 250; i++) {
            b.append("  - name: get_item_").append(i).append("\n    description: Get item number ").append(i)
                    .append(" of the store.\n    inputSchema: {type: object}\n");
        }
        Files.writeString(catalogue.resolve("servers/big.yaml"), b.toString());
        Path out = work.resolve("site");
        SiteFixture.Build r = SiteFixture.build(catalogue, out);
        assertEquals(0, r.exitCode(), r.err());
        Document p1 = Jsoup.parse(SiteFixture.read(out, "categories/read/index.html"));
        Document p2 = Jsoup.parse(SiteFixture.read(out, "categories/read/page/2/index.html"));
        assertEquals(200, p1.select("tbody tr").size());
        assertEquals(50, p2.select("tbody tr").size());
        assertEquals(List.of("1", "2"), p2.select(".pagination a").eachText());
        assertEquals("2", p2.selectFirst(".pagination a[aria-current=page]").text());
    }
}
