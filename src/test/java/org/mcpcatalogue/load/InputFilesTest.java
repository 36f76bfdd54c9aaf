package org.mcpcatalogue.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    private static String refusal(Path p, long max, InputFiles.Links links) {
        return assertTimeoutPreemptively(SpecialFiles.SAFETY_NET,
                () -> assertThrows(InputFiles.Refused.class, () -> InputFiles.read(p, max, links)).getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened(@TempDir Path tmp) throws Exception {
        Path fifo = SpecialFiles.fifo(tmp.resolve("policy.yaml"));
        assertEquals("a special file (a FIFO, socket or device), not a regular file; it was not read",
                refusal(fifo, 1 << 20, InputFiles.Links.FOLLOW));
    }

    @Test
    void aDeviceIsRefusedEvenWhenALinkLeadsToIt(@TempDir Path tmp) throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertEquals("a special file (a FIFO, socket or device), not a regular file; it was not read",
                refusal(zero, 1 << 20, InputFiles.Links.FOLLOW));
        Path link = Files.createSymbolicLink(tmp.resolve("zero.yaml"), zero);
        assertEquals("a special file (a FIFO, socket or device), not a regular file; it was not read",
                refusal(link, 1 << 20, InputFiles.Links.FOLLOW));
        assertEquals("a symbolic link (to /dev/zero), not a regular file; links are not followed here",
                refusal(link, 1 << 20, InputFiles.Links.REFUSE));
    }

    @Test
    void linksToAFileAreFollowedOnlyWhenAllowed(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("real.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), file);
        assertArrayEquals("a: 1\n".getBytes(), InputFiles.read(link, 100, InputFiles.Links.FOLLOW));
        assertEquals("a symbolic link (to " + file + "), not a regular file; links are not followed here",
                refusal(link, 100, InputFiles.Links.REFUSE));
    }

    @Test
    void loopsBrokenLinksAndDirectoriesAreRefused(@TempDir Path tmp) throws Exception {
        Path loop = Files.createSymbolicLink(tmp.resolve("loop.yaml"), Path.of("loop.yaml"));
        assertEquals("a symbolic link loop (to loop.yaml); it was not followed", refusal(loop, 100, InputFiles.Links.FOLLOW));
        Path broken = Files.createSymbolicLink(tmp.resolve("broken.yaml"), Path.of("missing.yaml"));
        assertEquals("a broken symbolic link (to missing.yaml)", refusal(broken, 100, InputFiles.Links.FOLLOW));
        assertEquals("a directory, not a regular file; it was not read", refusal(tmp, 100, InputFiles.Links.FOLLOW));
        assertEquals("no such file", refusal(tmp.resolve("nothing.yaml"), 100, InputFiles.Links.FOLLOW));
    }

    @Test
    void aFileOverTheLimitIsRefusedFromItsSize(@TempDir Path tmp) throws Exception {
        Path big = Files.write(tmp.resolve("big.yaml"), new byte[2 << 20]);
        assertEquals("file is 2 MiB, larger than the 1 MiB limit", refusal(big, 1 << 20, InputFiles.Links.FOLLOW));
    }

    @Test
    void aStreamIsReadNoFurtherThanTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        InputFiles.Refused e = assertTimeoutPreemptively(SpecialFiles.SAFETY_NET,
                () -> assertThrows(InputFiles.Refused.class, () -> InputFiles.readBounded(endless, 1 << 20)));
        assertEquals("file is larger than the 1 MiB limit", e.getMessage());
        assertArrayEquals(new byte[3], assertTimeoutPreemptively(SpecialFiles.SAFETY_NET,
                () -> InputFiles.readBounded(new ByteArrayInputStream(new byte[3]), 3)));
    }
}
