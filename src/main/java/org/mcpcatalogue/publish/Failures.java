package org.mcpcatalogue.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Names the cause of an environment failure (disk full, read-only disk, out of memory …) in a few words, for one line. */
public final class Failures {

    private Failures() {
    }

    /** @return e.g. {@code "no space left on device (writing /x/.site-versions/…/index.html)"} */
    public static String describe(Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + (t.getMessage() == null ? "Java heap space" : t.getMessage())
                    + "); give Java more, e.g. CATALOGUE_JAVA_OPTS=-Xmx4g";
        }
        String reason = reason(t);
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return reason + " (" + f.getFile() + (f.getOtherFile() != null ? " → " + f.getOtherFile() : "") + ")";
        }
        return reason;
    }

    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
            return "no space left on device";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (t instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return "permission denied";
        }
        if (t instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (t instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "not a folder";
        }
        if (t instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        if (t instanceof IOException && !message.isEmpty()) {
            return message.replaceAll("\\s+", " ");
        }
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message.replaceAll("\\s+", " "));
    }
}
