package org.mcpcatalogue.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.render.Output;

/** The checks fed page by page: what a page alone decides at once, links between pages at the end. */
class StreamingCheckerTest {

    private static String page(String body) {
        return "<!doctype html><html><head><title>T</title><meta name=\"description\" content=\"D\"></head><body><h1>H</h1>"
                + body + "</body></html>";
    }

    @Test
    void linksBetweenPagesAreResolvedAtTheEndAndPagesAreReadBackOnlyWhenOneIsBroken() throws Exception {
        Map<String, String> site = Map.of(
                "a/index.html", page("<a href=\"/b/#part\">b</a><a href=\"#top\">top</a><p id=\"top\"></p>"),
                "b/index.html", page("<h2 id=\"part\">p</h2><a href=\"../a/\">a</a><img src=\"/pic.png\" alt=\"\">"),
                "pic.png", "png");
        StreamingChecker ok = new StreamingChecker("");
        site.forEach((path, text) -> ok.accept(Output.text(path, text)));
        AtomicInteger reads = new AtomicInteger();
        assertEquals(List.of(), ok.finish(p -> {
            reads.incrementAndGet();
            return site.get(p);
        }));
        assertEquals(0, reads.get(), "nothing is parsed twice when every link resolves");
    }

    @Test
    void aBrokenLinkAndAMissingFragmentAreReportedOnEveryPageThatHasThem() throws Exception {
        Map<String, String> site = Map.of(
                "a/index.html", page("<a href=\"/gone/\">x</a><a href=\"/b/#nope\">y</a>"),
                "b/index.html", page("<a href=\"/gone/\">x</a><a href=\"#self-missing\">z</a>"),
                "c/index.html", page("<h1>second</h1><p id=\"d\"></p><p id=\"d\"></p>"));
        StreamingChecker checker = new StreamingChecker("");
        site.forEach((path, text) -> checker.accept(Output.text(path, text)));
        List<String> problems = checker.finish(site::get).stream().map(Object::toString).toList();
        assertEquals(List.of(
                "a/index.html: error: <a href=\"/gone/\"> points to a file the site does not have (gone/index.html)",
                "a/index.html: error: <a href=\"/b/#nope\">: b/index.html has no id \"nope\"",
                "b/index.html: error: <a href=\"#self-missing\">: b/index.html has no id \"self-missing\"",
                "b/index.html: error: <a href=\"/gone/\"> points to a file the site does not have (gone/index.html)",
                "c/index.html: error: duplicate id \"d\"",
                "c/index.html: error: 2 h1 elements (a page has exactly one)"), problems);
    }
}
