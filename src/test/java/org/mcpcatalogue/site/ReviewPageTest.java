package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /review/} lists the verdicts that rest on no decisive signal, so contributors know where to look: a tool
 * whose name has no verb the rules know is there, one the rules decide is not, and the home page links to it.
 */
class ReviewPageTest {

    @Test
    void theReviewPageListsExactlyTheLowConfidenceVerdicts(@TempDir Path tmp) throws Exception {
        Path catalogue = tmp.resolve("catalogue");
        Files.createDirectories(catalogue.resolve("servers"));
        Files.writeString(catalogue.resolve("servers/widgets.yaml"), """
                slug: widgets
                name: Widgets
                publisher: example
                repository: https://example.org/widgets
                description: A server for widgets, used to test the review page.
                verified: 2026-01-01
                source: hand-written for a test
                tools:
                  - name: get_widget
                    description: Get a widget by its id.
                    inputSchema: {type: object, properties: {id: {type: string}}, required: [id]}
                  - name: zorblax
                    description: Zorblaxes the widgets.
                    inputSchema: {type: object}
                """);
        Path out = tmp.resolve("site");
        SiteFixture.Build b = SiteFixture.build(catalogue, out);
        assertEquals(0, b.exitCode(), b.err());

        Document review = Jsoup.parse(SiteFixture.read(out, "review/index.html"));
        List<String> listed = review.select("main table tbody tr th a").eachText();
        assertEquals(List.of("zorblax"), listed, review.select("main").text());
        assertTrue(review.selectFirst("h1").text().contains("Verdicts to review"));

        Document home = Jsoup.parse(SiteFixture.read(out, "index.html"));
        assertEquals(SiteFixture.BASE_URL.replaceFirst("https://example.org", "") + "review/",
                home.select("main a:containsOwn(Verdicts to review)").attr("href"));
        assertTrue(home.select("main").text().contains("Verdicts to review (1)"), home.select("main").text());
    }
}
