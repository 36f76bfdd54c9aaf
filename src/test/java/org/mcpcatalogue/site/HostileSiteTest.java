package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.render.Markdown;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.NodeList;

/**
 * The hostile-but-valid fixture catalogues (src/test/resources/catalogues/hostile/) built with the real CLI:
 * every payload comes out inert in every format, read back with a real parser of that format (CommonMark for
 * llms.txt, an XML parser for the feed and sitemap, jsoup and a JSON parser for JSON-LD).
 */
class HostileSiteTest {

    static final Path HOSTILE = Path.of("src/test/resources/catalogues/hostile");
    static final String NAME = "Demo](https://evil.example/) - [Trusted <b>&amp; *bold* `code` ]]> </script><!--";

    @TempDir
    static Path tmp;
    static final Map<String, Path> SITES = new TreeMap<>();

    @BeforeAll
    static void buildEach() {
        for (String c : List.of("payloads", "xml-forbidden", "unlimitable-names", "huge-bounds")) {
            Path out = tmp.resolve(c);
            SiteFixture.Build b = SiteFixture.build(HOSTILE.resolve(c), out);
            assertEquals(0, b.exitCode(), c + ":\n" + b.out() + b.err());
            SITES.put(c, out);
        }
    }

    private static String read(String site, String path) {
        return SiteFixture.read(SITES.get(site), path);
    }

    @Test
    void llmsTxtKeepsAHostileServerNameAndAttackTextAsPlainText() {
        String llms = read("payloads", "llms.txt");
        org.commonmark.node.Node doc = Parser.builder().build().parse(llms);
        List<String> links = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<String> html = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Heading heading) {
                StringBuilder h = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        h.append(t.getLiteral());
                    }
                });
                headings.add(h.toString());
            }

            @Override
            public void visit(HtmlInline h) {
                html.add(h.getLiteral());
            }

            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        assertEquals(List.of("https://example.org/catalogue/servers/payload/", "https://example.org/catalogue/attacks/injected/"),
                links, llms);
        assertEquals(List.of("MCP Tool Catalogue", "Servers", "Attack patterns"), headings, llms);
        assertEquals(List.of(), html, llms);
        assertTrue(text.toString().contains(NAME), "the name is shown as it is: " + text);
        assertTrue(text.toString().contains("A summary with a line break # that must not become a heading"), text.toString());
    }

    @Test
    void feedAndSitemapParseAsXmlAndCarryTheTextWithoutForbiddenCharacters() throws Exception {
        for (String site : List.of("payloads", "xml-forbidden")) {
            org.w3c.dom.Document feed = xml(read(site, "feed.xml"));
            NodeList titles = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
            assertEquals(2, titles.getLength());
            org.w3c.dom.Document sitemap = xml(read(site, "sitemap.xml"));
            NodeList locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
            assertTrue(locs.getLength() > 5, site);
            if (site.equals("payloads")) {
                assertEquals(NAME + ": 2 tools, 1 can change or destroy data", titles.item(1).getTextContent());
                assertEquals(0, feed.getElementsByTagName("uri").getLength(), "the publisher did not add an element");
            } else {
                assertEquals("XML <forbidden> & ]]>: 1 tool, 0 can change or destroy data", titles.item(1).getTextContent());
                String summary = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary").item(0).getTextContent();
                assertEquals("Control  and  and [31m and  and  end.", summary);
            }
        }
    }

    private static org.w3c.dom.Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonLdCannotEndItsScriptOrHideInAComment() throws IOException {
        Path site = SITES.get("payloads");
        int checked = 0;
        try (Stream<Path> files = Files.walk(site.resolve("tools"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(p);
                Document d = Jsoup.parse(html);
                List<Element> scripts = d.select("script[type=application/ld+json]");
                assertEquals(1, scripts.size(), p.toString());
                String data = scripts.get(0).data();
                for (String raw : List.of("</", "<!--", "<", ">", "&", "\u2028", "\u2029")) {
                    assertFalse(data.contains(raw), p + ": raw " + JsonText.quote(raw) + " in JSON-LD");
                }
                Json ld = JsonText.parse(data);
                String all = JsonText.write(ld);
                assertTrue(all.contains("FAQPage"), all);
                if (p.toString().contains("get-item")) {
                    String answer = ((Json.Str) ((Json.Obj) ((Json.Obj) ((Json.Arr) ((Json.Obj) ld).get("mainEntity").orElseThrow())
                            .items().get(0)).get("acceptedAnswer").orElseThrow()).get("text").orElseThrow()).value();
                    assertTrue(answer.startsWith("Read </script><!-- <script>alert('ld')</script> \u2028\u2029 ]]> & <x/> an item."), answer);
                }
                checked++;
            }
        }
        assertEquals(2, checked);
    }

    @Test
    void hostileMarkdownLinksBecomeValidUrisOrPlainText() throws Exception {
        // validate refuses these links at their source position (see ValidatedCataloguesBuildTest), so no build
        // renders them; the renderer must still never write a broken page, so render the description directly.
        Path links = HOSTILE.resolve("markdown-links/servers/links.yaml");
        Map<?, ?> server = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(links));
        String description = (String) server.get("description");
        Document page = Jsoup.parse("<div class=prose>" + new Markdown().toHtml(description) + "</div>");
        Element prose = page.selectFirst(".prose");
        assertTrue(page.select("[onmouseover], [onclick], script:not([src]):not([type=application/ld+json])").isEmpty(),
                page.select("[onmouseover], [onclick]").toString());
        List<String> hrefs = prose.select("a[href]").eachAttr("href");
        assertEquals(List.of("https://example.org/docs", "https://example.org/x", "https://EXAMPLE.ORG/Docs",
                "https://example.org/x%7Cy", "https://example.org/%25zz", "https://example.org/a%20b", "https://example.org/#a%23b",
                "https://example.org/%5E", "https://exa%5Cmple.org/", "https://example.org/%60x%60", "https://a.example/?q=%3Cx%3E",
                "https://example.org/"), hrefs);
        assertEquals("t\" onmouseover=\"alert(1)", prose.selectFirst("a[href=https://example.org/docs]").attr("title"));
        assertEquals("it's \"quoted\" </a><script>x</script>", prose.selectFirst("a[href=https://example.org/x]").attr("title"));
    }

    @Test
    void thirdPartyLinksIntoTheSiteKeepOnlyTheirText() {
        Element prose = Jsoup.parse(read("payloads", "servers/payload/index.html")).selectFirst(".prose");
        assertEquals(List.of(), prose.select("a").eachAttr("href"));
        assertTrue(prose.text().contains("an internal link and a fragment and relative."), prose.text());
    }

    @Test
    void theCataloguesOwnMarkdownLinksAreWrittenUnderTheBasePath() {
        Markdown md = new Markdown("/catalogue");
        String html = md.render(md.parse("[a](/attacks/x/) [b](https://example.org/) [c](#top) [d](//cdn.example/x) ![e](/x.png)"));
        List<String> hrefs = Jsoup.parse(html).select("a").eachAttr("href");
        assertEquals(List.of("/catalogue/attacks/x/", "https://example.org/", "#top", ""), hrefs, "a protocol-relative link is dropped");
        Document attack = Jsoup.parse(read("payloads", "attacks/injected/index.html"));
        assertEquals(List.of("/catalogue/attacks/injected/", "/catalogue/servers/", "/catalogue/attacks/injected/"),
                attack.select(".prose a").eachAttr("href"));
    }

    @Test
    void aDottedToolPageSaysWhyItIsDeniedAndEveryExampleIsValid() throws IOException {
        Document d = Jsoup.parse(read("unlimitable-names", "tools/dotted/files-write/index.html"));
        assertTrue(d.text().contains("Intercept v1.1 cannot rate-limit files.write: its name contains a dot"), d.text());
        Element faq = d.select("details.faq").stream().filter(e -> e.text().contains("Can I rate-limit files.write?")).findFirst().orElseThrow();
        assertTrue(faq.text().contains("Not by its own name"), faq.text());
        assertTrue(faq.text().contains("\"*\""), faq.text());
        int n = 0;
        for (Element pre : d.select("pre code")) {
            if (!pre.wholeText().contains("version: ")) {
                continue;
            }
            Path f = tmp.resolve("example-" + n++ + ".yaml");
            Files.writeString(f, pre.wholeText());
            java.io.StringWriter out = new java.io.StringWriter();
            int code = org.mcpcatalogue.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true),
                    "policy", "check", f.toString());
            assertEquals(0, code, pre.wholeText() + "\n" + out);
        }
        assertTrue(n >= 4, "the snippet and the FAQ examples: " + n);
    }

    @Test
    void boundsThePolicyLeavesOutAreNamedOnTheToolPage() {
        Document d = Jsoup.parse(read("huge-bounds", "tools/bounds/run-job/index.html"));
        String text = d.text();
        assertTrue(text.contains("Bound not enforced: minimum 9223372036854775808 of a"), text);
        assertTrue(text.contains("Bound not enforced: maximum 1e300 of c"), text);
        assertTrue(d.selectFirst("#policy-snippet").wholeText().contains("path: \"args.f\""));
    }
}
