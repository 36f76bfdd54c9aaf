package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.cli.Main;

/**
 * The property behind {@code validate} in a contributor's CI: every catalogue that {@code validate} accepts
 * builds (exit 0, so the page checker passed too), and every catalogue it refuses, {@code build} refuses the same
 * way (exit 1), never with a crash. The corpus is discovered, not listed: every folder with a {@code servers/}
 * directory under src/test/resources/catalogues/ and src/test/resources/sites/ (so fixtures added later are
 * included), plus a server of 20,000 tools generated here. The build uses a sub-path base URL.
 */
class ValidatedCataloguesBuildTest {

    static final List<Path> ROOTS = List.of(Path.of("src/test/resources/catalogues"), Path.of("src/test/resources/sites"));
    /** The hostile-but-valid cases this property exists for: each must be accepted, and so built. */
    static final Set<String> MUST_BUILD = Set.of("catalogues/valid", "catalogues/hostile/unlimitable-names",
            "catalogues/hostile/huge-bounds", "catalogues/hostile/huge-enum", "catalogues/hostile/payloads",
            "sites/fixture", "generated/twenty-thousand-tools");

    @TempDir
    static Path tmp;
    static final Set<String> accepted = new TreeSet<>();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<Path> corpus() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> Files.isDirectory(p.resolve("servers"))).sorted().forEach(found::add);
            }
        }
        return found;
    }

    @TestFactory
    Stream<DynamicTest> everyCatalogueValidateAcceptsBuilds() throws IOException {
        List<Path> catalogues = new ArrayList<>(corpus());
        catalogues.add(GeneratedCatalogues.manyTools(tmp.resolve("generated/twenty-thousand-tools"), 20_000));
        assertTrue(catalogues.size() > 20, "the corpus was found: " + catalogues);
        return catalogues.stream().map(dir -> DynamicTest.dynamicTest(name(dir), () -> {
            Run validate = run("validate", "--catalogue", dir.toString());
            assertTrue(validate.code() == 0 || validate.code() == 1, "validate: " + validate.code() + validate.err());
            Path out = tmp.resolve("site-" + name(dir).replace('/', '-'));
            Run build = run("build", "--catalogue", dir.toString(), "--out", out.toString(),
                    "--base-url", "https://example.org/sub/", "--templates", "templates", "--quiet");
            for (Run r : List.of(validate, build)) {
                assertFalse(r.err().contains("\tat org.") || r.err().contains("java.lang."), "a crash:\n" + r.err());
            }
            if (validate.code() == 0) {
                accepted.add(name(dir));
                assertEquals(0, build.code(), "validate accepted " + dir + " but build failed:\n" + build.err());
                assertTrue(Files.isRegularFile(out.resolve("index.html")));
            } else {
                assertEquals(1, build.code(), "validate refused " + dir + "; build must refuse it as invalid input:\n" + build.err());
            }
        }));
    }

    @AfterAll
    static void theHostileCasesWereAcceptedAndBuilt() {
        if (!accepted.isEmpty()) {
            assertTrue(accepted.containsAll(MUST_BUILD), "accepted: " + accepted);
        }
    }

    private static String name(Path dir) {
        Path base = dir.startsWith(tmp) ? tmp : ROOTS.stream().filter(dir::startsWith).findFirst().orElseThrow().getParent();
        return base.relativize(dir).toString().replace('\\', '/');
    }
}
