package org.mcpcatalogue.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides, before anything is written, whether {@code --out} may receive the site, so that a build never deletes
 * or overwrites what it did not create. Refused: an empty {@code --out}; a file-system root or mount point; the
 * working directory, the catalogue, the templates folder or any folder containing one of them; a folder inside
 * the catalogue or the templates, or inside a site a build wrote; an existing file; a symbolic link or a folder that no build made (unless the
 * folder is empty); a location that cannot be written. Paths are compared after every symbolic link of their
 * parents is resolved. The rules are listed in docs/publishing.md.
 */
public final class OutputGuard {

    /** Why {@code --out} was refused: a one-line message that says what to do; nothing was touched. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** What is at the output path now. */
    public enum Kind {
        /** nothing */
        ABSENT,
        /** an empty folder */
        EMPTY_FOLDER,
        /** the symbolic link a build made, to a version in the folder of versions */
        LINK,
        /** a real folder a build made (it carries the marker): a Windows build, or one interrupted in migration */
        MARKED_FOLDER,
        /** a real folder written by a build of the earlier layout (before the marker existed) */
        EARLIER_BUILD
    }

    /** What is at the output path, and for a {@link Kind#LINK} the version it points to. */
    public record Existing(Kind kind, Optional<String> version) {
    }

    /** Names of version folders: a sortable UTC time, the process id and a random part. */
    static final Pattern VERSION_ID = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9]+-[0-9a-f]{8}");

    /** The top-level names a site of the earlier layout consists of (written by builds before the marker). */
    private static final Set<String> EARLIER_NAMES = Set.of("index.html", "404.html", "robots.txt", "llms.txt", "sitemap.xml",
            "feed.xml", "api", "assets", "attacks", "categories", "policies", "risk", "search", "servers", "tools");
    private static final List<String> EARLIER_REQUIRED = List.of("index.html", "404.html", "robots.txt", "sitemap.xml",
            "api/catalogue.json", "search/index.json", "assets/site.css");

    private OutputGuard() {
    }

    /**
     * @param out       {@code --out} as given
     * @param cwd       the working directory
     * @param catalogue the catalogue folder
     * @param templates the templates folder
     * @return the resolved location, if the site may be published there
     * @throws Refused  if not; the message names the reason and what to do
     */
    public static OutputLocation check(String out, Path cwd, Path catalogue, Path templates) throws Refused {
        if (out == null || out.isBlank()) {
            throw new Refused("--out is empty; give the folder to publish the site to, e.g. --out site");
        }
        Path workDir;
        Path given;
        try {
            workDir = cwd.toRealPath();
            given = workDir.resolve(out);
        } catch (InvalidPathException e) {
            throw new Refused("--out " + out + " is not a valid path: " + e.getReason());
        } catch (IOException e) {
            throw new Refused("cannot resolve the working directory: " + Failures.describe(e));
        }
        if (!Files.isDirectory(templates)) {
            throw new Refused("templates folder not found: " + templates + "; give the folder with --templates DIR");
        }
        Path templatesDir = real(templates.toAbsolutePath(), out);
        Path catalogueDir = real(catalogue.toAbsolutePath(), out);
        Path path = location(given, out);
        String shown = out;
        if (path.getParent() == null) {
            throw refuse(shown, "it is the root of the file system");
        }
        OutputLocation loc = OutputLocation.of(path, shown);
        protect(loc, workDir, "the working directory", false);
        protect(loc, catalogueDir, "the catalogue (" + catalogue + ")", true);
        protect(loc, templatesDir, "the templates folder (" + templates + ")", true);
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(OutputLocation.MARKER), LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(p.resolve(OutputLocation.VERSIONS_MARKER), LinkOption.NOFOLLOW_LINKS)) {
                throw refuse(shown, "it is inside " + p + ", written by catalogue build, which the next build of that site"
                        + " replaces; choose a folder outside it");
            }
        }
        inspect(loc);
        checkBeside(loc);
        checkWritable(loc);
        return loc;
    }

    /** What is at the output path now; refuses anything a build did not make (called again under the lock). */
    public static Existing inspect(OutputLocation loc) throws Refused {
        Path path = loc.path();
        String shown = loc.shown();
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString().replace('\\', '/');
            } catch (IOException e) {
                throw refuse(shown, "its symbolic link cannot be read: " + Failures.describe(e));
            }
            String prefix = loc.versions().getFileName() + "/";
            if (target.startsWith(prefix) && VERSION_ID.matcher(target.substring(prefix.length())).matches()) {
                return new Existing(Kind.LINK, Optional.of(target.substring(prefix.length())));
            }
            throw refuse(shown, "it is a symbolic link (to " + target + ") that catalogue build did not make; remove it or choose another --out");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Existing(Kind.ABSENT, Optional.empty());
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(shown, "it is an existing file, not a folder; choose another --out");
        }
        if (isMountPoint(path)) {
            throw refuse(shown, "it is the root of a file system (a mount point); choose a folder inside it, e.g. --out " + path.resolve("site"));
        }
        if (Files.isRegularFile(path.resolve(OutputLocation.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return new Existing(Kind.MARKED_FOLDER, Optional.empty());
        }
        List<String> names = names(path, shown);
        if (names.isEmpty()) {
            return new Existing(Kind.EMPTY_FOLDER, Optional.empty());
        }
        if (EARLIER_NAMES.containsAll(names) && EARLIER_REQUIRED.stream().allMatch(p -> Files.isRegularFile(path.resolve(p), LinkOption.NOFOLLOW_LINKS))) {
            return new Existing(Kind.EARLIER_BUILD, Optional.empty());
        }
        throw refuse(shown, "the folder exists and was not made by catalogue build (it has no " + OutputLocation.MARKER
                + " file); remove it or choose another --out");
    }

    /** The folder of versions and the lock file beside the output must be ours too. */
    private static void checkBeside(OutputLocation loc) throws Refused {
        Path versions = loc.versions();
        if (Files.exists(versions, LinkOption.NOFOLLOW_LINKS)) {
            boolean ours = Files.isDirectory(versions, LinkOption.NOFOLLOW_LINKS)
                    && (Files.isRegularFile(versions.resolve(OutputLocation.VERSIONS_MARKER), LinkOption.NOFOLLOW_LINKS)
                    || names(versions, loc.shown()).isEmpty());
            if (!ours) {
                throw refuse(loc.shown(), versions + " exists and was not made by catalogue build; remove it or choose another --out");
            }
        }
        Path lock = loc.lock();
        if (Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) {
            boolean ours = false;
            if (Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    String text = new String(Files.readAllBytes(lock), StandardCharsets.UTF_8);
                    ours = text.isEmpty() || text.startsWith(PublishLock.HEADER);
                } catch (IOException e) {
                    ours = false;
                }
            }
            if (!ours) {
                throw refuse(loc.shown(), lock + " exists and was not made by catalogue build; remove it or choose another --out");
            }
        }
    }

    /** The nearest existing folder on the way to the output must be writable; fail now rather than after rendering. */
    private static void checkWritable(OutputLocation loc) throws Refused {
        Path p = loc.path().getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw refuse(loc.shown(), p + " is a file, so no folder can be made under it; choose another --out");
        }
        if (!Files.isWritable(p)) {
            String why;
            try {
                FileStore store = Files.getFileStore(p);
                why = store.isReadOnly() ? "it is on a read-only file system" : "permission denied";
            } catch (IOException e) {
                why = "permission denied";
            }
            throw refuse(loc.shown(), "cannot write in " + p + ": " + why + "; choose another --out");
        }
    }

    private static void protect(OutputLocation loc, Path dir, String what, boolean alsoInside) throws Refused {
        Path path = loc.path();
        if (path.equals(dir)) {
            throw refuse(loc.shown(), "it is " + what + "; choose a folder of its own, e.g. --out site");
        }
        if (dir.startsWith(path)) {
            throw refuse(loc.shown(), "it contains " + what + "; choose a folder of its own, e.g. --out site");
        }
        if (dir.startsWith(loc.versions())) {
            throw refuse(loc.shown(), what + " is inside " + loc.versions() + ", which the build replaces; move it out first");
        }
        if (alsoInside && path.startsWith(dir)) {
            throw refuse(loc.shown(), "it is inside " + what + "; choose a folder outside it, e.g. --out site");
        }
    }

    private static Refused refuse(String shown, String why) {
        return new Refused("refusing --out " + shown + ": " + why);
    }

    /**
     * The real location of the output: every symbolic link of its parents resolved, the last name kept as it is
     * (so that the link a build made is the output, not the version it points to). {@code .} and {@code ..} as
     * last name are resolved too.
     */
    private static Path location(Path given, String out) throws Refused {
        Path name = given.getFileName();
        if (name == null) {
            return given;
        }
        if (name.toString().equals(".") || name.toString().equals("..")) {
            return real(given, out);
        }
        return real(given.getParent(), out).resolve(name.toString());
    }

    /** The real path of {@code p}, which need not exist: its longest existing prefix resolved, the rest normalised. */
    private static Path real(Path p, String out) throws Refused {
        if (p == null) {
            return null;
        }
        if (Files.exists(p)) {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                throw new Refused("cannot resolve " + p + ": " + Failures.describe(e));
            }
        }
        if (Files.isSymbolicLink(p)) {
            throw refuse(out, p + " is a broken symbolic link; remove it or choose another --out");
        }
        Path parent = p.getParent();
        if (parent == null) {
            return p;
        }
        Path name = p.getFileName();
        Path realParent = real(parent, out);
        return name.toString().equals("..") ? realParent.getParent() == null ? realParent : realParent.getParent()
                : name.toString().equals(".") ? realParent : realParent.resolve(name.toString());
    }

    private static boolean isMountPoint(Path dir) {
        Path parent = dir.getParent();
        try {
            FileStore own = Files.getFileStore(dir);
            FileStore above = Files.getFileStore(parent);
            return !own.equals(above);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> names(Path dir, String shown) throws Refused {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw refuse(shown, "cannot list " + dir + ": " + Failures.describe(e));
        }
    }
}
