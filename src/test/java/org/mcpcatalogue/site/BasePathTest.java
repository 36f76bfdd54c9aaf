package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.cli.Main;

/**
 * The real catalogue, whose attack pages link {@code /attacks/…} from the site's root, built for a site under a
 * sub-path: the build (and so its page checker) passes, and those links carry the base path.
 */
class BasePathTest {

    @Test
    void theRealCatalogueBuildsUnderASubPathWithItsMarkdownLinksRebased(@TempDir Path tmp) {
        Path site = tmp.resolve("site");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true),
                "build", "--catalogue", "catalogue", "--out", site.toString(), "--templates", "templates",
                "--base-url", "https://host.example/sub/", "--quiet");
        assertEquals(0, code, err.toString());
        Document page = Jsoup.parse(SiteFixture.read(site, "attacks/tool-poisoning/index.html"));
        List<String> internal = page.select(".prose a[href^=/]").eachAttr("href");
        assertTrue(internal.contains("/sub/attacks/cross-server-shadowing/"), internal.toString());
        assertTrue(internal.stream().allMatch(h -> h.startsWith("/sub/")), internal.toString());
    }
}
