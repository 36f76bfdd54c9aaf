package org.mcpcatalogue.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.cli.Main;
import org.mcpcatalogue.site.SiteFixture;

/**
 * {@code build --out} never deletes or overwrites what the build did not create: each refused case with decoy
 * folders around it, every decoy file byte-identical afterwards; the exit code 2 and one line saying why.
 */
class OutputGuardTest {

    @TempDir
    Path work;
    Path catalogue;
    Path templates;
    Path docs;

    @BeforeEach
    void decoys() throws IOException {
        catalogue = work.resolve("catalogue");
        SiteFixture.copy(SiteFixture.FIXTURE, catalogue);
        Decoys.plant(catalogue.resolve("drafts"));
        templates = work.resolve("templates");
        SiteFixture.copy(Path.of("templates"), templates);
        docs = work.resolve("docs");
        Decoys.plant(docs);
        Decoys.plant(docs.resolve("projects"));
        Files.writeString(work.resolve("notes.txt"), "my notes\n");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run build(String out) {
        return build(out, templates);
    }

    private Run build(String out, Path templatesDir) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> args = List.of("build", "--catalogue", catalogue.toString(), "--templates", templatesDir.toString(),
                "--base-url", SiteFixture.BASE_URL, "--quiet", "--out", out);
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        return new Run(code, o.toString(), e.toString());
    }

    /** Refused: exit 2, one line naming the reason, and not one byte of {@code work} changed. */
    private void assertRefused(String out, String reason) {
        Map<String, String> before = Decoys.picture(work);
        Run r = build(out);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("catalogue: "), r.err());
        assertTrue(r.err().contains(reason), r.err());
        assertEquals(before, Decoys.picture(work), "nothing touched");
    }

    @Test
    void theRootOfTheFileSystem() {
        assertRefused("/", "refusing --out /: it is the root of the file system");
    }

    @Test
    void aMountPoint() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        assertRefused("/proc", "it is the root of a file system (a mount point)");
    }

    @Test
    void theCatalogueAndItsParent() {
        assertRefused(catalogue.toString(), "it is the catalogue (" + catalogue + ")");
        assertRefused(work.toString(), "it contains the catalogue");
    }

    @Test
    void aFolderInsideTheCatalogueExistingOrNot() {
        assertRefused(catalogue.resolve("drafts").toString(), "it is inside the catalogue");
        assertRefused(catalogue.resolve("servers").toString(), "it is inside the catalogue");
        assertRefused(catalogue.resolve("site").toString(), "it is inside the catalogue");
    }

    @Test
    void theTemplatesAndAFolderInsideThem() {
        assertRefused(templates.toString(), "it is the templates folder");
        assertRefused(templates.resolve("assets").toString(), "it is inside the templates folder");
    }

    @Test
    void aFolderOfTheUsersDocuments() {
        assertRefused(docs.toString(), "the folder exists and was not made by catalogue build (it has no .catalogue-site file);"
                + " remove it or choose another --out");
        assertRefused(docs.resolve("projects").toString(), "was not made by catalogue build");
    }

    @Test
    void anExistingFileAndAPathUnderAFile() {
        assertRefused(work.resolve("notes.txt").toString(), "it is an existing file, not a folder");
        assertRefused(work.resolve("notes.txt/site").toString(), "is a file, so no folder can be made under it");
    }

    @Test
    void symbolicLinksAreResolvedBeforeComparing() throws IOException {
        Files.createSymbolicLink(work.resolve("to-catalogue"), catalogue);
        Files.createSymbolicLink(work.resolve("to-docs"), docs);
        assertRefused(work.resolve("to-catalogue/site").toString(), "it is inside the catalogue");
        assertRefused(work.resolve("to-docs").toString(), "it is a symbolic link (to " + docs + ") that catalogue build did not make");
        assertRefused(work.resolve("to-docs/projects").toString(), "was not made by catalogue build");
        assertRefused(work.resolve("docs/../catalogue").toString(), "it is the catalogue");
    }

    @Test
    void aMissingTemplatesFolder() {
        Map<String, String> before = Decoys.picture(work);
        Run r = build(work.resolve("site").toString(), work.resolve("no-templates"));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("catalogue: templates folder not found: " + work.resolve("no-templates") + "; give the folder with --templates DIR",
                r.err().strip());
        assertEquals(before, Decoys.picture(work));
    }

    @Test
    void aFolderMadeByABuildIsReplacedAndAnEmptyOneIsUsed() throws IOException {
        Path marked = work.resolve("public");
        Files.createDirectories(marked.resolve("old"));
        Files.writeString(marked.resolve(".catalogue-site"), "written by catalogue build\n");
        Files.writeString(marked.resolve("old/index.html"), "old page");
        Run r = build(marked.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isSymbolicLink(marked));
        assertTrue(Files.isRegularFile(marked.resolve("tools/together-ai/generate-image/index.html")));
        assertFalse(Files.exists(marked.resolve("old")), "the previous build's files are gone");

        Path empty = work.resolve("empty");
        Files.createDirectories(empty);
        assertEquals(0, build(empty.toString()).exitCode());
        assertTrue(Files.isRegularFile(empty.resolve("index.html")));
    }

    @Test
    void aSiteOfTheEarlierLayoutIsReplacedButNotIfSomeoneAddedAFile() throws IOException {
        Path built = work.resolve("built");
        assertEquals(0, build(built.toString()).exitCode());
        Path earlier = work.resolve("site");
        SiteFixture.copy(built.toRealPath(), earlier);
        Files.delete(earlier.resolve(".catalogue-site"));
        Files.delete(earlier.resolve(".catalogue-manifest.json")); // nor a manifest (issue 11)
        // Builds of the earlier layout wrote no /review/ pages (they came with issue 10) and no /changes/ (issue 13).
        for (String later : java.util.List.of("review", "changes")) {
            try (var walk = Files.walk(earlier.resolve(later))) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        // ... and their search was one index file, search/index.json (sharded since issue 11).
        Files.writeString(earlier.resolve("search/index.json"), "{}\n");
        Path touched = work.resolve("touched");
        SiteFixture.copy(earlier, touched);
        Files.writeString(touched.resolve("CNAME"), "catalogue.example.org\n");

        Run r = build(earlier.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isSymbolicLink(earlier), "migrated to the link");
        assertTrue(Files.isRegularFile(earlier.resolve(".catalogue-site")));

        assertRefused(touched.toString(), "was not made by catalogue build");
    }

    @Test
    void theWorkingDirectoryItsParentAndAnEmptyOut() throws Exception {
        Path cwd = docs.resolve("projects");
        for (String[] c : List.of(new String[] {".", "it is the working directory"}, new String[] {"..", "it contains the working directory"},
                new String[] {"", "--out is empty"})) {
            Map<String, String> before = Decoys.picture(work);
            // in a child process whose working directory is a decoy: on a build without the guard these would
            // replace the working directory itself
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "build", "--catalogue", catalogue.toString(),
                    "--templates", templates.toString(), "--quiet", "--out", c[0]).directory(cwd.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), output);
            assertEquals(1, output.lines().count(), output);
            assertTrue(output.contains(c[1]), output);
            assertEquals(before, Decoys.picture(work), "--out '" + c[0] + "': nothing touched");
        }
    }

    @Test
    void aFolderInsideAPublishedSite() throws IOException {
        Path site = work.resolve("site");
        assertEquals(0, build(site.toString()).exitCode());
        assertRefused(site.resolve("sub").toString(), "written by catalogue build, which the next build of that site replaces");
        assertRefused(site.resolve("tools").toString(), "written by catalogue build, which the next build of that site replaces");
        assertRefused(work.resolve(".site-versions/x").toString(), "written by catalogue build, which the next build of that site replaces");
    }

    @Test
    void theBesideFoldersMustBeOursToo() throws IOException {
        Decoys.plant(work.resolve(".site-versions"));
        assertRefused(work.resolve("site").toString(), ".site-versions exists and was not made by catalogue build");
        try (Stream<Path> s = Files.list(work)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("site")));
        }
    }
}
