package org.mcpcatalogue.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.mcpcatalogue.text.ByteSize;
import org.mcpcatalogue.text.HiddenText;

/**
 * Reads input files that a stranger may have prepared: a catalogue file from a pull request, a policy or an
 * import source named on the command line. A file is looked at (without following a link) before it is
 * opened, so a FIFO is never opened (opening one blocks until a writer appears), a device such as
 * {@code /dev/zero} is never read, and no file larger than the limit is read into memory; the read itself is
 * bounded too, in case the file grows between the look and the read.
 *
 * <p>Two policies for symbolic links: {@link Links#REFUSE}, for files found by listing a directory (a link in
 * {@code catalogue/servers/} is refused and never followed, whatever it points to), and {@link Links#FOLLOW},
 * for a file a user named on the command line, where a link is followed but its final target must itself be a
 * regular file.
 */
public final class InputFiles {

    /** The most a file of tool definitions (a tools/list result, a tools.json, pasted JSON) may hold: far more than any real server's tools. */
    public static final long MAX_TOOL_INPUT_BYTES = 16L << 20;

    /** What to do with a symbolic link. */
    public enum Links { REFUSE, FOLLOW }

    /** Why a file was not read; the message says what the file is, without naming it. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private InputFiles() {
    }

    /**
     * The bytes of {@code file}, at most {@code maxBytes} of them.
     *
     * @throws Refused when the file is not a regular file (a directory, FIFO, socket, device, a link that
     *                 {@code links} refuses, a loop or a broken link), is larger than {@code maxBytes}, or
     *                 cannot be read
     */
    public static byte[] read(Path file, long maxBytes, Links links) throws Refused {
        Path target = regularFile(file, links);
        try {
            long size = Files.size(target);
            if (size > maxBytes) {
                throw new Refused("file is " + ByteSize.of(size) + ", larger than the " + ByteSize.of(maxBytes) + " limit");
            }
        } catch (IOException e) {
            throw new Refused(cannotRead(e));
        }
        // With REFUSE, also open without following a link, in case one replaced the file since the look.
        java.nio.file.OpenOption[] options = links == Links.REFUSE
                ? new java.nio.file.OpenOption[] {LinkOption.NOFOLLOW_LINKS} : new java.nio.file.OpenOption[0];
        try (InputStream in = Files.newInputStream(target, options)) {
            return readBounded(in, maxBytes);
        } catch (IOException e) {
            throw new Refused(cannotRead(e));
        }
    }

    /**
     * Checks that {@code file} is a regular file that {@code links} allows, without opening it; returns the path
     * to open (the link's target when a link is followed).
     */
    public static Path regularFile(Path file, Links links) throws Refused {
        BasicFileAttributes attrs = attributes(file);
        Path target = file;
        if (attrs.isSymbolicLink()) {
            String to = linkTarget(file);
            if (links == Links.REFUSE) {
                throw new Refused("a symbolic link" + to + ", not a regular file; links are not followed here");
            }
            try {
                target = file.toRealPath();
            } catch (FileSystemLoopException e) {
                throw new Refused("a symbolic link loop" + to + "; it was not followed");
            } catch (NoSuchFileException e) {
                throw new Refused("a broken symbolic link" + to);
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("levels of symbolic links")) {
                    throw new Refused("a symbolic link loop" + to + "; it was not followed"); // ELOOP
                }
                throw new Refused("a symbolic link that cannot be followed" + to + " (" + cannotRead(e) + ")");
            }
            attrs = attributes(target);
        }
        if (!attrs.isRegularFile()) {
            throw new Refused(kind(attrs) + ", not a regular file; it was not read");
        }
        return target;
    }

    /** Reads at most {@code maxBytes} from {@code in}; a longer stream is refused without reading it all. */
    public static byte[] readBounded(InputStream in, long maxBytes) throws Refused, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new Refused(tooLarge(maxBytes));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The message for a file over the limit. */
    public static String tooLarge(long maxBytes) {
        return "file is larger than the " + ByteSize.of(maxBytes) + " limit";
    }

    private static BasicFileAttributes attributes(Path p) throws Refused {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new Refused("no such file");
        } catch (IOException e) {
            throw new Refused(cannotRead(e));
        }
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + HiddenText.visible(Files.readSymbolicLink(link).toString()) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** What a file that is not regular is; links never get here (refused, or followed to their target). */
    private static String kind(BasicFileAttributes attrs) {
        // BasicFileAttributes has no finer kind: a FIFO, socket and device are all "other".
        return attrs.isDirectory() ? "a directory" : "a special file (a FIFO, socket or device)";
    }

    private static String cannotRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read the file: permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        return "cannot read the file: " + (m == null ? e.getClass().getSimpleName() : HiddenText.visible(m));
    }

}
