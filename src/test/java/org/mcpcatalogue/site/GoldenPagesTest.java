package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few files of the fixture site compared byte for byte with src/test/resources/golden/. A change to a
 * template or a stage shows up here as a diff to review; when it is intended, regenerate with
 * {@code mvn test -Dtest=GoldenPagesTest -Dgolden.update=true} and commit the new golden files.
 */
class GoldenPagesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final List<String> FILES = List.of(
            "tools/together-ai/generate-image/index.html",
            "servers/repo-host/index.html",
            "policies/repo-host.yaml",
            "categories/financial/index.html",
            "api/servers/together-ai.json");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        Path site = tmp.resolve("site");
        SiteFixture.Build build = SiteFixture.build(SiteFixture.FIXTURE, site);
        assertEquals(0, build.exitCode(), build.err());
        boolean update = Boolean.getBoolean("golden.update");
        return FILES.stream().map(f -> DynamicTest.dynamicTest(f, () -> {
            Path golden = GOLDEN.resolve(f.replace('/', '_'));
            String actual = Files.readString(site.resolve(f));
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual);
            }
            assertEquals(Files.readString(golden), actual, f + " differs from " + golden
                    + " (if intended: -Dgolden.update=true, then review and commit)");
        }));
    }
}
