package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A poisoned tool's page names the field that carries the payload and quotes it with its escapes made visible. */
class PoisoningPageTest {

    @Test
    void theToolPageNamesTheFieldAndQuotesTheTextEscaped(@TempDir Path out) {
        SiteFixture.Build b = SiteFixture.build(Path.of("src/test/resources/catalogues/poisoned"), out);
        assertEquals(0, b.exitCode(), b.out() + b.err());
        String html = SiteFixture.read(out, "tools/adder/add/index.html");
        int esc = html.indexOf('\u001B');
        assertTrue(esc < 0, "a raw escape character reached the page: " + (esc < 0 ? "" : html.substring(Math.max(0, esc - 300), Math.min(html.length(), esc + 100))));
        Document page = Jsoup.parse(html);
        String flags = page.select(".flag-poisoning").text();
        assertTrue(flags.contains("in inputSchema/properties/sidenote/description"), flags);
        assertTrue(flags.contains("\\u{001B}[8m"), flags);
        assertTrue(flags.contains("<IMPORTANT>"), flags);
    }
}
