package org.mcpcatalogue.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 digests, as lower-case hex, of bytes, of texts and of the build's own code. */
final class Hashes {

    private Hashes() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The digest of several texts, each followed by a line feed (so {@code ["a", "b"]} and {@code ["ab"]} differ). */
    static String ofLines(String... parts) {
        MessageDigest d = sha256();
        for (String p : parts) {
            d.update(p.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static volatile String code;

    /**
     * The version of the code that builds: the digest of the jar this class was loaded from, or of every class file
     * under its classes folder (a development build). Anything the code bundles (the default rules) is in it, so a
     * new build of the code makes every cached result stale.
     */
    static String code() {
        String c = code;
        if (c == null) {
            c = computeCode();
            code = c;
        }
        return c;
    }

    private static String computeCode() {
        try {
            Path where = Path.of(SiteBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return of(Files.readAllBytes(where));
            }
            MessageDigest d = sha256();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(where)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                d.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | RuntimeException e) {
            // no readable code source: a value no manifest holds, so nothing is ever reused
            return "unknown-" + System.nanoTime();
        }
    }
}
