package org.mcpcatalogue.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The outputs that would outgrow their limits at registry scale: the sitemap and the pagination bar. */
class ScaledOutputsRenderTest {

    private final SiteConfig config = SiteConfig.of("https://example.org/c/");

    private static Document xml(Output o) {
        return Jsoup.parse(new String(o.bytes(), StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    @Test
    void upToFiftyThousandPagesTheSitemapIsOneFile() {
        List<String> paths = IntStream.range(0, 50_000).mapToObj(i -> "tools/s/t" + i + "/index.html").toList();
        List<Output> out = new DataFiles(config).sitemaps(paths);
        assertEquals(List.of("sitemap.xml"), out.stream().map(Output::path).toList());
        assertEquals(50_000, xml(out.get(0)).select("urlset > url > loc").size());
    }

    @Test
    void pastFiftyThousandPagesTheSitemapIsAnIndexOfSitemapsOfAtMostFiftyThousand() {
        List<String> paths = new ArrayList<>(IntStream.range(0, 100_001).mapToObj(i -> "tools/s/t" + i + "/index.html").toList());
        paths.add("404.html");
        List<Output> out = new DataFiles(config).sitemaps(paths);
        assertEquals(List.of("sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml", "sitemap.xml"), out.stream().map(Output::path).toList());
        Document index = xml(out.get(3));
        assertEquals(List.of("https://example.org/c/sitemaps/1.xml", "https://example.org/c/sitemaps/2.xml",
                "https://example.org/c/sitemaps/3.xml"), index.select("sitemapindex > sitemap > loc").eachText());
        assertEquals(List.of(50_000, 50_000, 1), out.subList(0, 3).stream().map(o -> xml(o).select("url > loc").size()).toList());
        assertTrue(out.stream().noneMatch(o -> new String(o.bytes(), StandardCharsets.UTF_8).contains("404.html")));
    }

    @Test
    void thePaginationBarShowsTheFirstTheLastAndThePagesNearTheCurrentOne() {
        List<Map<String, Object>> bar = Views.pagination(config, "categories/read/", 10, 40);
        assertEquals(List.of(1, 7, 8, 9, 10, 11, 12, 13, 40), bar.stream().map(m -> m.get("number")).toList());
        assertEquals("/c/categories/read/page/40/", bar.get(8).get("url"));
        assertEquals("/c/categories/read/", bar.get(0).get("url"));
        assertEquals(List.of(10), bar.stream().filter(m -> (Boolean) m.get("current")).map(m -> m.get("number")).toList());
        assertEquals(List.of(), Views.pagination(config, "servers/", 1, 1));
        assertEquals(List.of(1, 2), Views.pagination(config, "servers/", 2, 2).stream().map(m -> m.get("number")).toList());
    }
}
