package org.mcpcatalogue.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Files a build must never touch, and a byte-for-byte picture of a folder tree to prove it did not. */
final class Decoys {

    private Decoys() {
    }

    /** Writes a few decoy files (one hidden, one nested) into {@code dir}. */
    static void plant(Path dir) {
        try {
            Files.createDirectories(dir.resolve("notes/deep"));
            Files.writeString(dir.resolve("thesis.txt"), "the only copy of " + dir.getFileName() + "\n");
            Files.writeString(dir.resolve(".hidden"), "hidden " + dir + "\n");
            Files.write(dir.resolve("notes/deep/data.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every entry under {@code root} (not following links): files with their bytes, folders as {@code "dir/"},
     * links with their target; so a deleted, added or changed entry of any kind shows.
     */
    static Map<String, String> picture(Path root) {
        Map<String, String> picture = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    picture.put(key, "link → " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    picture.put(key + "/", "dir");
                } else {
                    picture.put(key, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return picture;
    }
}
