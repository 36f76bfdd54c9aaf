package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages a reader opens first (issue 13): the verdict panel of a tool page, the summary and riskiest-first list of
 * a server page, how to run a server behind Intercept, the changes page and its feed, and the grammar and markup
 * slips (plurals with 0, 1 and 2, the full stop, raw Markdown in callouts, "Home" marked current). The fixture
 * catalogue src/test/resources/sites/verdict/ (the real Together AI file, a server with a package, a remote and
 * history, a one-tool and an empty server, an SSE-only one) built with the real CLI.
 */
class ReaderFirstPageTest {

    static final Path FIXTURE = Path.of("src/test/resources/sites/verdict");

    @TempDir
    static Path tmp;
    static Path site;
    static SiteFixture.Build build;

    @BeforeAll
    static void buildOnce() {
        site = tmp.resolve("site");
        build = SiteFixture.build(FIXTURE, site);
    }

    private static Document page(String path) {
        assertEquals(0, build.exitCode(), build.out() + build.err());
        return Jsoup.parse(SiteFixture.read(site, path));
    }

    @Test
    void aToolPageOpensWithTheVerdictPanelBeforeAnyOtherSection() {
        Document d = page("tools/together-ai/generate-image/index.html");
        Element main = d.selectFirst("main");
        Element verdict = main.selectFirst("section.verdict");
        assertNotNull(verdict, main.html());
        // The verdict is the first section of the page; the description and the category text come after it.
        assertEquals(verdict, main.selectFirst("section"));
        assertEquals("Execute", verdict.selectFirst(".badge.cat-execute").text());
        assertEquals("High · 3/5", verdict.selectFirst(".badge.risk-high").text());
        int signals = verdict.select(".verdict-signals li").size();
        assertTrue(signals >= 1 && signals <= 3, verdict.html());
        assertTrue(verdict.selectFirst(".verdict-action").text().startsWith("Recommended: "), verdict.html());
        assertTrue(verdict.selectFirst("#policy-snippet").text().contains("rate_limit: \"10/minute\""), verdict.html());
        assertNotNull(verdict.selectFirst("button.copy[data-copy-target=policy-snippet]"));
        Element download = verdict.selectFirst("button.download[data-download-target=policy-snippet]");
        assertEquals("together-ai-generate-image.yaml", download.attr("data-download-name"));
        assertNotNull(verdict.selectFirst("a[download][href$=policies/together-ai.yaml]"));
        List<String> order = main.select("section > h2").eachAttr("id");
        assertTrue(order.indexOf("category-heading") > order.indexOf("why-heading"), order.toString());
        assertTrue(order.indexOf("description-heading") > order.indexOf("policy-heading"), order.toString());
    }

    @Test
    void aLongDescriptionIsCollapsedBehindAnAccessibleControlAndAShortOneIsNot() {
        Document d = page("tools/acme-files/list-files/index.html");
        Element details = d.selectFirst("details.description-full");
        assertNotNull(details, d.selectFirst("main").html());
        assertEquals("Show the full description", details.selectFirst("summary").text());
        assertTrue(details.text().contains("Directories end with a slash"), details.text());
        assertTrue(d.selectFirst(".description-preview").text().endsWith("…"), d.selectFirst(".description-preview").text());
        Document short_ = page("tools/acme-files/read-file/index.html");
        assertNull(short_.selectFirst("details.description-full"));
        assertEquals("Read the complete contents of a file under the root", short_.selectFirst("p.description").text());
    }

    @Test
    void aServerPageOpensWithItsSummaryAndListsItsToolsRiskiestFirst() {
        Document d = page("servers/acme-files/index.html");
        Element main = d.selectFirst("main");
        Element summary = main.selectFirst("section.server-summary");
        assertEquals(summary, main.selectFirst("section"));
        assertTrue(summary.selectFirst(".lede").text().startsWith("4 tools, 2 can change or destroy data."), summary.text());
        assertEquals(List.of("Read 2", "Write 1", "Destructive 1"), summary.select(".summary-counts li").eachText());
        assertNotNull(summary.selectFirst("a[download][href$=policies/acme-files.yaml]"));
        // By score (high first), then level, then name: delete_file (Destructive), write_file (Write), then the two
        // Read tools by name.
        List<String> tools = main.select("#tools-heading ~ .table-wrap tbody th").eachText();
        assertEquals(List.of("delete_file", "write_file", "list_files", "read_file"), tools);
        List<Integer> scores = new ArrayList<>();
        for (Element badge : main.select("#tools-heading ~ .table-wrap tbody td:nth-child(3) .badge")) {
            Matcher m = Pattern.compile("(\\d)/5").matcher(badge.text());
            assertTrue(m.find(), badge.text());
            scores.add(Integer.parseInt(m.group(1)));
        }
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
        }
    }

    @Test
    void aServerWithAnNpmPackageSaysHowToRunItBehindIntercept() {
        Document d = page("servers/acme-files/index.html");
        Element install = d.selectFirst("#install-heading").parent();
        assertEquals("intercept -c acme-files.yaml -- npx -y @acme/files-mcp@1.4.0", install.selectFirst("#install-0-command").text());
        String config = install.selectFirst("#install-0-config").wholeText();
        assertEquals("""
                {
                  "mcpServers": {
                    "acme-files": {
                      "command": "intercept",
                      "args": ["-c", "/path/to/acme-files.yaml", "--", "npx", "-y", "@acme/files-mcp@1.4.0"],
                      "env": {
                        "ACME_TOKEN": "<your ACME_TOKEN>"
                      }
                    }
                  }
                }""", config);
        assertTrue(install.text().contains("ACME_TOKEN (required) (secret): API token of the account"), install.text());
        assertTrue(install.text().contains("Intercept v1.1"), install.text());
        // The remote: Intercept's stdio bridge to the URL.
        assertEquals("intercept -c acme-files.yaml --upstream https://mcp.acme.example/mcp", install.selectFirst("#install-1-command").text());
    }

    @Test
    void aServerWithoutPackageFactsSaysSoAndAnSseRemoteGivesItsUrlAndTransport() {
        Element solo = page("servers/solo/index.html").selectFirst("#install-heading").parent();
        assertTrue(solo.text().contains("The catalogue has no package or hosted endpoint for this server"), solo.text());
        assertTrue(solo.select("pre").isEmpty());
        Element hosted = page("servers/hosted/index.html").selectFirst("#install-heading").parent();
        assertTrue(hosted.text().contains("Endpoint https://notes.example/sse, transport sse."), hosted.text());
    }

    @Test
    void theChangesPageListsTheHistoryNewestFirstWithWhatChanged() {
        Document d = page("changes/index.html");
        List<Element> changes = d.select("article.change");
        assertEquals(2, changes.size(), d.selectFirst("main").html());
        Element first = changes.get(0);
        assertEquals("2026-11-21: delete_file on Acme Files", first.selectFirst("h2").text());
        assertEquals(List.of("Input schema", "Annotations"), first.select("dt").eachText());
        assertEquals(List.of("added property \"recursive\"", "destructiveHint absent → true"), first.select("dd").eachText());
        Element second = changes.get(1);
        assertEquals("2026-11-05: read_file on Acme Files", second.selectFirst("h2").text());
        assertEquals("Description", second.selectFirst("dt").text());
        // The current text of the description, since this is the tool's last change.
        assertTrue(second.selectFirst("details").text().contains("Read the complete contents of a file under the root"));
        assertNotNull(d.selectFirst("a[href$=changes/feed.xml]"));
    }

    @Test
    void aToolPageWithHistorySaysWhenItsDefinitionLastChangedAndOneWithoutDoesNot() {
        Element note = page("tools/acme-files/delete-file/index.html").selectFirst(".changed-note");
        assertEquals("Definition last changed on 2026-11-21.", note.text());
        String href = note.selectFirst("a").attr("href");
        assertTrue(href.endsWith("changes/#change-acme-files--delete-file--2026-11-21"), href);
        Document changes = page("changes/index.html");
        assertNotNull(changes.getElementById("change-acme-files--delete-file--2026-11-21"));
        assertNull(page("tools/acme-files/write-file/index.html").selectFirst(".changed-note"));
    }

    @Test
    void theChangesFeedIsAtomWithTheEntriesNewestFirstAndDatesFromTheData() {
        String xml = SiteFixture.read(site, "changes/feed.xml");
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        Element root = feed.selectFirst("feed");
        assertEquals("http://www.w3.org/2005/Atom", root.attr("xmlns"));
        assertEquals(SiteFixture.BASE_URL + "changes/", root.selectFirst("> id").text());
        assertFalse(root.selectFirst("> title").text().isBlank());
        assertEquals("2026-11-21T00:00:00Z", root.selectFirst("> updated").text());
        List<Element> entries = root.select("> entry");
        assertEquals(2, entries.size());
        assertEquals(List.of("2026-11-21T00:00:00Z", "2026-11-05T00:00:00Z"), entries.stream().map(e -> e.selectFirst("updated").text()).toList());
        for (Element e : entries) {
            for (String child : List.of("id", "title", "updated", "link", "content")) {
                assertNotNull(e.selectFirst("> " + child), child + " in " + e);
            }
        }
        assertEquals(SiteFixture.BASE_URL + "tools/acme-files/delete-file/", entries.get(0).selectFirst("link").attr("href"));
        assertEquals("html", entries.get(0).selectFirst("content").attr("type"));
        String content = Jsoup.parse(entries.get(0).selectFirst("content").text()).text();
        assertTrue(content.contains("Input schema added property \"recursive\""), content);
    }

    /** Every page of the site: none says "1 tools" (or "1 servers", …) anywhere in its text or head. */
    @Test
    void noRenderedPageUsesAPluralAfterTheNumberOne() {
        assertEquals(0, build.exitCode(), build.out() + build.err());
        Pattern wrong = Pattern.compile("(?<![0-9.,])1 (tools|servers|changes|tool definitions|Read tools|Write tools|Execute tools"
                + "|Destructive tools|Financial tools)\\b");
        Pattern zeroOrTwo = Pattern.compile("(?<![0-9.,])[02] (tool|server)\\b(?![-_]| definition)");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : SiteFixture.files(site).entrySet()) {
            if (!f.getKey().endsWith(".html") && !f.getKey().endsWith(".xml")) {
                continue;
            }
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            Document d = Jsoup.parse(text);
            String all = d.text() + " " + d.select("meta[content]").eachAttr("content") + " " + d.title();
            for (Pattern p : List.of(wrong, zeroOrTwo)) {
                Matcher m = p.matcher(all);
                while (m.find()) {
                    int from = Math.max(0, m.start() - 40);
                    problems.add(f.getKey() + ": …" + all.substring(from, Math.min(all.length(), m.end() + 20)) + "…");
                }
            }
        }
        assertEquals(List.of(), problems);
        // The one-tool and the empty server were rendered: the check above saw counts 1 and 0.
        assertTrue(page("servers/solo/index.html").selectFirst(".lede").text().startsWith("1 tool, 0 can change"));
        assertTrue(page("servers/empty/index.html").selectFirst(".lede").text().startsWith("0 tools, 0 can change"));
        assertEquals("Intercept policy for 1 tool", page("servers/solo/index.html").selectFirst("#policy-heading").text());
    }

    @Test
    void aDescriptionWithoutAFullStopIsFollowedByOneBeforeTheNextSentence() {
        Document d = page("tools/solo/get-time/index.html");
        String meta = d.selectFirst("meta[name=description]").attr("content");
        assertTrue(meta.contains("Get the current time in a time zone. Recommended Intercept policy:"), meta);
        String faq = d.select("details.faq").first().text();
        assertTrue(faq.contains("Get the current time in a time zone. The catalogue classifies it as Read"), faq);
        assertFalse(d.text().contains("time zone The"), d.text());
    }

    @Test
    void aFlowCalloutShowsCodeNotRawMarkdown() {
        // Repo Host (copied from the main fixture) has a flow: get_issue returns text anyone can write, delete_branch destroys.
        for (String path : List.of("servers/repo-host/index.html", "tools/repo-host/delete-branch/index.html")) {
            List<Element> flows = page(path).select(".flag").stream().filter(f -> f.text().contains("flow")).toList();
            assertFalse(flows.isEmpty(), path);
            for (Element flag : flows) {
                assertFalse(flag.text().contains("`"), path + ": " + flag.text());
                assertFalse(flag.select("code").isEmpty(), path + ": " + flag.html());
            }
        }
    }

    @Test
    void homeIsMarkedCurrentOnlyOnTheHomePage() {
        assertEquals(List.of("Home"), page("index.html").select(".site-nav a[aria-current=page]").eachText());
        for (String path : List.of("tools/together-ai/generate-image/index.html", "servers/together-ai/index.html",
                "changes/index.html", "categories/index.html", "attacks/index.html", "search/index.html", "404.html")) {
            List<String> current = page(path).select(".site-nav a[aria-current=page]").eachText();
            assertFalse(current.contains("Home"), path + ": " + current);
        }
        assertEquals(List.of("Changes"), page("changes/index.html").select(".site-nav a[aria-current=page]").eachText());
    }
}
