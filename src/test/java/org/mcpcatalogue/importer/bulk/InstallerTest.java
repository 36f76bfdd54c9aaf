package org.mcpcatalogue.importer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installs through the stand-in npm (src/test/resources/import/bulk/fake-npm.sh): no network, no sandbox. */
class InstallerTest {

    @TempDir
    Path tmp;
    Path npm;

    @BeforeEach
    void fixtures() throws IOException {
        Path fixtures = Files.createDirectories(tmp.resolve("fixtures/packages/fake-pkg")).getParent().getParent();
        Files.copy(Path.of("src/test/resources/import/bulk/fake-npm.sh"), fixtures.resolve("fake-npm.sh"));
        Files.copy(Path.of("src/test/resources/import/bulk/server.js"), fixtures.resolve("server.js"));
        Files.setPosixFilePermissions(fixtures.resolve("fake-npm.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(fixtures.resolve("packages/fake-pkg/package.json"), "{\"name\":\"fake-pkg\",\"bin\":\"server.js\"}");
        npm = fixtures.resolve("fake-npm.sh");
    }

    private static BulkEntry entry(String pkg) {
        return new BulkEntry(1, pkg, "1.0.0", pkg, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void anInterruptedInstallIsRedoneAndNeverTakenForAFinishedOne() throws Exception {
        Path root = tmp.resolve("npm");
        // What a killed install leaves: a half-filled temporary folder, never the package's own folder.
        Path partial = Files.createDirectories(root.resolve(".fake-pkg_1.0.0.partial/node_modules/fake-pkg"));
        Files.writeString(partial.resolve("half.js"), "// cut short");

        Path prefix = new Installer(List.of(npm.toString()), root, true, 60).prefix(entry("fake-pkg"));

        assertEquals(root.resolve("fake-pkg_1.0.0"), prefix);
        assertTrue(Files.isRegularFile(prefix.resolve("node_modules/fake-pkg/server.js")));
        assertFalse(Files.exists(prefix.resolve("node_modules/fake-pkg/half.js")));
        assertFalse(Files.exists(root.resolve(".fake-pkg_1.0.0.partial")));
    }

    @Test
    void aFailedInstallLeavesNothingBehindAndSaysWhy() {
        Path root = tmp.resolve("npm");
        Installer.Failed f = assertThrows(Installer.Failed.class,
                () -> new Installer(List.of(npm.toString()), root, true, 60).prefix(entry("fake-broken")));

        assertTrue(f.getMessage().contains("No matching version found for fake-broken@1.0.0"), f.getMessage());
        assertFalse(Files.exists(root.resolve("fake-broken_1.0.0")));
        assertFalse(Files.exists(root.resolve(".fake-broken_1.0.0.partial")));
    }
}
