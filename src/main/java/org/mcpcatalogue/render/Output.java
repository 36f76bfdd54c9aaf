package org.mcpcatalogue.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file of the site: its path below the site root (e.g. {@code tools/a/b/index.html}) and its bytes. */
public record Output(String path, byte[] bytes) {
    public Output {
        Objects.requireNonNull(path);
        Objects.requireNonNull(bytes);
        if (path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("bad output path " + path);
        }
    }

    public static Output text(String path, String text) {
        return new Output(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
