package org.mcpcatalogue.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.publish.Publisher;
import org.mcpcatalogue.site.SiteFixture;

/** {@link SiteBuild} called as {@code catalogue serve} will: a request in, a result out, nothing printed. */
class SiteBuildApiTest {

    private static BuildRequest request(Path out) {
        return new BuildRequest(SiteFixture.FIXTURE, SiteFixture.FIXTURE.toString(), Path.of("templates"), out.toString(),
                SiteFixture.BASE_URL);
    }

    @Test
    void aBuildReportsEveryStageInOrderAndThePublishedVersion(@TempDir Path work) throws IOException {
        Path out = work.resolve("site");
        List<String> heard = new ArrayList<>();
        BuildResult r = new SiteBuild().run(request(out), new BuildListener() {
            @Override
            public void stage(StageTiming timing) {
                heard.add(timing.name());
            }
        });
        assertEquals(BuildResult.Status.OK, r.status(), String.join("\n", r.errors()));
        List<String> stages = List.of("load", "validate", "classify", "recommend", "prove", "render", "check", "publish");
        assertEquals(stages, r.stages().stream().map(StageTiming::name).toList());
        assertEquals(stages, heard);
        assertTrue(r.errors().isEmpty());
        assertEquals(out.toRealPath(), r.published().orElseThrow().version().toRealPath());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("xss-probe.yaml")), "the fixture's warnings are kept");
    }

    /**
     * The files are written while the site is rendered: when the writer fails on its first file, rendering stops,
     * so only a handful of files (one per worker) were ever handed to it, far fewer than the site has.
     */
    @Test
    void filesAreWrittenAsTheyAreRenderedAndAFailureStopsTheRendering(@TempDir Path work) throws IOException {
        Path reference = work.resolve("reference");
        assertEquals(BuildResult.Status.OK, new SiteBuild().run(request(reference), BuildListener.NONE).status());
        long siteFiles;
        try (var s = Files.walk(reference.toRealPath())) {
            siteFiles = s.filter(Files::isRegularFile).count();
        }
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Path> firstVersion = new AtomicReference<>();
        Publisher.FileWriter failing = (file, bytes) -> {
            calls.incrementAndGet();
            firstVersion.compareAndSet(null, file);
            throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
        };
        Path out = work.resolve("site");
        BuildResult r = new SiteBuild(failing).run(request(out), BuildListener.NONE);

        assertEquals(BuildResult.Status.ENVIRONMENT, r.status());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).startsWith("catalogue: cannot publish to " + out + ": no space left on device"), r.errors().get(0));
        assertTrue(calls.get() <= Runtime.getRuntime().availableProcessors() + 2 && calls.get() < siteFiles / 4,
                calls.get() + " writes of " + siteFiles + " files");
        assertFalse(r.stages().stream().anyMatch(s -> s.name().equals("render")), "render did not finish");
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(firstVersion.get().getParent()), "the staged version is removed");
    }

    @Test
    void aBrokenLinkIsReportedOnEveryPageThatHasItAndNothingIsPublished(@TempDir Path work) throws IOException {
        Path templates = work.resolve("templates");
        SiteFixture.copy(Path.of("templates"), templates);
        String server = Files.readString(templates.resolve("server.mustache"));
        String heading = "<h2 id=\"tools-heading\">Tools, riskiest first</h2>";
        assertTrue(server.contains(heading), "the server template's tools heading moved; follow it here");
        Files.writeString(templates.resolve("server.mustache"), server.replace(heading,
                heading + "<a href=\"{{site.base}}/nowhere/\">x</a>"));
        Path out = work.resolve("site");
        BuildResult r = new SiteBuild().run(new BuildRequest(SiteFixture.FIXTURE, "fixture", templates, out.toString(),
                SiteFixture.BASE_URL), BuildListener.NONE);
        assertEquals(BuildResult.Status.INVALID, r.status());
        List<String> broken = r.errors().stream().filter(e -> e.contains("points to a file the site does not have")).toList();
        assertEquals(List.of("hzzy2o-flux-cloudfare-mcp", "repo-host", "together-ai", "xss-probe"),
                broken.stream().map(e -> e.substring("servers/".length(), e.indexOf("/index.html"))).toList());
        assertEquals("catalogue: build stopped; " + out + "/ is unchanged", r.errors().get(r.errors().size() - 1));
        assertFalse(Files.exists(out));
        try (var s = Files.list(work.resolve(".site-versions"))) {
            assertEquals(List.of(".catalogue-site-versions"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBadBaseUrlIsAUsageErrorBeforeAnythingIsRead(@TempDir Path work) {
        BuildResult r = new SiteBuild().run(new BuildRequest(SiteFixture.FIXTURE, "fixture", Path.of("templates"),
                work.resolve("site").toString(), "not a url"), BuildListener.NONE);
        assertEquals(BuildResult.Status.USAGE, r.status());
        assertTrue(r.stages().isEmpty());
        assertEquals(1, r.errors().size());
    }
}
