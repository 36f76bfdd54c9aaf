package org.mcpcatalogue.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.load.SpecialFiles;

/**
 * A pull request controls {@code servers/}: a FIFO, a link to a device, to a file or folder outside the
 * catalogue, or a loop, is reported at once at {@code file:1:1}, never opened and never followed. Each case
 * runs under a safety-net timeout, so a regression (a FIFO opened, {@code /dev/zero} read) fails instead of
 * hanging.
 */
class SpecialFilesTest {

    private static List<String> validate(Path catalogue) {
        return assertTimeoutPreemptively(SpecialFiles.SAFETY_NET, () -> Fixtures.lines(Fixtures.validate(catalogue)));
    }

    private static Path servers(Path tmp) throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("catalogue/servers"));
        Files.copy(Fixtures.VALID.resolve("servers/z-last.yaml"), servers.resolve("z-last.yaml"));
        return servers;
    }

    @Test
    void aFifoIsReportedNotOpened(@TempDir Path tmp) throws Exception {
        Path servers = servers(tmp);
        SpecialFiles.fifo(servers.resolve("demo.yaml"));
        assertEquals(List.of("catalogue/servers/demo.yaml:1:1: error: a special file (a FIFO, socket or device),"
                + " not a regular file; it was not read"), validate(tmp.resolve("catalogue")));
    }

    @Test
    void aLinkToADeviceIsNeverFollowed(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path servers = servers(tmp);
        Files.createSymbolicLink(servers.resolve("demo.yaml"), Path.of("/dev/zero"));
        assertEquals(List.of("catalogue/servers/demo.yaml:1:1: error: a symbolic link (to /dev/zero), not a regular"
                + " file; links are not followed here"), validate(tmp.resolve("catalogue")));
    }

    @Test
    void linksOutsideTheCatalogueLoopsAndStrayFoldersAreReported(@TempDir Path tmp) throws Exception {
        Path servers = servers(tmp);
        Path outside = Files.writeString(tmp.resolve("secret.yaml"), Files.readString(servers.resolve("z-last.yaml")));
        Files.createSymbolicLink(servers.resolve("a-file.yaml"), outside);
        Files.createSymbolicLink(servers.resolve("b-folder.yaml"), tmp);
        Files.createSymbolicLink(servers.resolve("c-loop.yaml"), Path.of("c-loop.yaml"));
        Files.createSymbolicLink(servers.resolve("d-inside.yaml"), Path.of("z-last.yaml"));
        Files.createDirectories(servers.resolve("e-folder"));
        assertEquals(List.of(
                "catalogue/servers/a-file.yaml:1:1: error: a symbolic link (to " + outside + "), not a regular file; links are not followed here",
                "catalogue/servers/b-folder.yaml:1:1: error: a symbolic link (to " + tmp + "), not a regular file; links are not followed here",
                "catalogue/servers/c-loop.yaml:1:1: error: a symbolic link (to c-loop.yaml), not a regular file; links are not followed here",
                "catalogue/servers/d-inside.yaml:1:1: error: a symbolic link (to z-last.yaml), not a regular file; links are not followed here",
                "catalogue/servers/e-folder:1:1: error: unexpected directory; servers/ holds one <slug>.yaml file per server"),
                validate(tmp.resolve("catalogue")));
    }
}
