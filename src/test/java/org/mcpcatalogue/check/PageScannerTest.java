package org.mcpcatalogue.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.site.SiteFixture;

/** {@link PageScanner} reads the facts jsoup finds in a parsed document, on real pages and on tricky markup. */
class PageScannerTest {

    /** The same facts, taken from jsoup's document (as the checker did before the scanner). */
    private static PageScanner.Facts jsoup(String html) {
        Document doc = Jsoup.parse(html);
        List<String> ids = doc.select("[id]").stream().map(Element::id).toList();
        Element description = doc.selectFirst("meta[name=description]");
        List<PageScanner.Link> links = new ArrayList<>();
        for (Element el : doc.select("[href], [src]")) {
            if (el.tagName().equals("link") && el.attr("rel").equals("canonical")) {
                continue;
            }
            String attr = el.hasAttr("href") ? "href" : "src";
            links.add(new PageScanner.Link(el.tagName(), attr, el.attr(attr)));
        }
        return new PageScanner.Facts(ids, !doc.title().isBlank(), description == null ? null : description.attr("content"),
                doc.select("h1").size(), links);
    }

    @Test
    void everyPageOfTheFixtureSiteGivesTheFactsJsoupFinds(@TempDir Path work) {
        Path out = work.resolve("site");
        assertEquals(0, SiteFixture.build(SiteFixture.FIXTURE, out, "--quiet").exitCode());
        int pages = 0;
        for (Map.Entry<String, byte[]> f : SiteFixture.files(out).entrySet()) {
            if (f.getKey().endsWith(".html")) {
                String html = new String(f.getValue(), StandardCharsets.UTF_8);
                assertEquals(jsoup(html), PageScanner.scan(html), f.getKey());
                pages++;
            }
        }
        assertTrue(pages > 20, pages + " pages");
    }

    @Test
    void trickyMarkupGivesTheFactsJsoupFinds() {
        String html = "<!DOCTYPE html><HTML><head><TITLE> A &amp; B </TITLE>"
                + "<meta NAME=description content='one &quot;two&quot;'><meta name=\"description\" content=\"second\">"
                + "<link rel=\"canonical\" href=\"https://example.org/x/\"><link rel=stylesheet href=/a.css>"
                + "<script>var s = '<a href=\"/not-a-link/\">'; </script><style>a[href] { }</style></head>"
                + "<body><!-- <a href=\"/commented/\" id=\"c\"> --><H1 id=top>Title</H1>"
                + "<a href=\"/x/?a=1&amp;b=2#frag\" href=\"/second/\" id=\"dup\">x</a><p id=\"dup\" >"
                + "<img src=/img.png alt=''><a href = \"/spaced/\">s</a><input type=search id=q autocomplete=off/>"
                + "<noscript><a href=\"/noscript/\">n</a></noscript><pre>&lt;a href=\"/escaped/\"&gt;</pre>"
                + "<script type=\"application/ld+json\">{\"@id\": \"</div>\"}</script><h1>second</h1></body></HTML>";
        assertEquals(jsoup(html), PageScanner.scan(html));
        PageScanner.Facts facts = PageScanner.scan(html);
        assertEquals(List.of("top", "dup", "dup", "q"), facts.ids());
        assertEquals(2, facts.h1());
        assertEquals("one \"two\"", facts.description());
    }

    @Test
    void aPageWithoutTitleOrDescriptionSaysSo() {
        String html = "<html><head><title>   </title></head><body><p>x</p></body></html>";
        assertEquals(jsoup(html), PageScanner.scan(html));
        assertEquals(new PageScanner.Facts(List.of(), false, null, 0, List.of()), PageScanner.scan(html));
    }
}
