package org.mcpcatalogue.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.mcpcatalogue.concurrent.Parallel;
import org.mcpcatalogue.render.Output;

/**
 * Stage 8, publish. The output path ({@code site}) is a symbolic link to a complete version of the site in the
 * folder of versions beside it ({@code .site-versions/<id>/}); a build writes a new version there, then points the
 * link at it with one atomic rename of a new link onto the old one, then deletes the older versions. A reader of
 * {@code site/} therefore sees the old site or the new one, whole, at every instant, even if the build is killed.
 * All of it happens under {@link PublishLock}; a build first removes what dead builds left (staging folders,
 * temporary links, old versions), and a failing build removes its own staging folder. The scheme, the migration
 * from a real folder and the Windows fallback are described in docs/publishing.md.
 */
public final class Publisher {

    /** Writes one file of the site; replaced in tests to simulate a full disk. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file, byte[] bytes) throws IOException;

        /** The real one. */
        FileWriter FILES = (file, bytes) -> Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The steps of a publish, in order, as a {@link Listener} is told of them. */
    public enum Step {
        /** the lock is held; stale leftovers not yet removed */
        LOCKED,
        /** every file of the new version is written, the marker last */
        STAGED,
        /** the new link exists beside the old one, not yet renamed onto it */
        LINKED,
        /** an earlier build's real folder was moved into the versions (migration), the link not yet made */
        MOVED_ASIDE,
        /** the output path now shows the new version; older versions not yet removed */
        FLIPPED
    }

    /** What a publish reports while it runs. */
    public interface Listener {
        /** Another build holds the lock; this one waits for it. */
        default void waiting(String pid) {
        }

        /** A step was reached (tests stop or kill the build here). */
        default void reached(Step step) {
        }
    }

    /** What was published. */
    public record Published(Path version, int files, long bytes) {
    }

    /** The random part of the earlier layout's staging and set-aside folders ({@code .site-build-<uuid>}). */
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** The folders the earlier layout left beside the output: {@code .<out>-build-<uuid>} and {@code .<out>-old-<uuid>}. */
    private java.util.regex.Pattern earlierLayout(String kind) {
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("." + location.path().getFileName() + "-" + kind + "-") + UUID);
    }
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT);
    private static final String MARKER_TEXT = "This folder was written by `catalogue build`; a later build replaces it. See docs/publishing.md.\n";
    private static final String VERSIONS_TEXT = "Versions of the site written by `catalogue build`; the output path links to one of them."
            + " See docs/publishing.md.\n";

    /** How long a build waits for another one publishing to the same output. */
    public static final Duration WAIT = Duration.ofMinutes(10);

    private final OutputLocation location;
    private final FileWriter writer;
    private final Listener listener;
    private final Duration wait;

    public Publisher(OutputLocation location, FileWriter writer, Listener listener, Duration wait) {
        this.location = location;
        this.writer = writer;
        this.listener = listener;
        this.wait = wait;
    }

    public Publisher(OutputLocation location, Listener listener) {
        this(location, FileWriter.FILES, listener, WAIT);
    }

    /**
     * Publishes {@code files} as the new site. On any failure (including an {@link Error}) the previous site is
     * left as it was and this build's staging folder is removed.
     *
     * @throws OutputGuard.Refused if, by the time the lock was held, the output path holds something no build made
     */
    public Published publish(List<Output> files) throws IOException, OutputGuard.Refused {
        for (Output o : files) {
            checkPath(o.path());
        }
        try (Staging staging = begin()) {
            staging.writeAll(files);
            return staging.commit();
        }
    }

    /**
     * Takes the lock, removes what dead builds left, and opens a new, empty version that files can be written
     * into as they are made ({@link Staging#write}); {@link Staging#commit} then publishes it atomically. Closing
     * a staging that was not committed removes the version and releases the lock: the previous site is as it
     * was. The lock is held from here to the close, so a second build to the same output waits.
     *
     * @throws OutputGuard.Refused if, by the time the lock was held, the output path holds something no build made
     */
    public Staging begin() throws IOException, OutputGuard.Refused {
        Files.createDirectories(location.path().getParent());
        PublishLock lock = PublishLock.acquire(location.lock(), wait, listener::waiting);
        try {
            listener.reached(Step.LOCKED);
            OutputGuard.Existing existing = OutputGuard.inspect(location);
            prepareVersions();
            existing = recover(existing);
            removeStale(existing.version());
            String id = newId();
            Path version = location.versions().resolve(id);
            Files.createDirectory(version);
            return new Staging(lock, existing, id, version);
        } catch (IOException | OutputGuard.Refused | RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void checkPath(String path) throws IOException {
        if (path.equals(OutputLocation.MARKER) || path.startsWith("/") || path.contains("\\")
                || Path.of(path).normalize().startsWith("..") || Path.of(path).isAbsolute()) {
            throw new IOException("output path not allowed in the site: " + path);
        }
    }

    /** A new version being written, under the lock; see {@link #begin()}. Its writes are thread-safe. */
    public final class Staging implements AutoCloseable {
        private final PublishLock lock;
        private final OutputGuard.Existing existing;
        private final String id;
        private final Path version;
        private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> dirs = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean published;
        private boolean closed;

        private Staging(PublishLock lock, OutputGuard.Existing existing, String id, Path version) {
            this.lock = lock;
            this.existing = existing;
            this.id = id;
            this.version = version;
        }

        /** The folder the new version is written into (the output path shows it after {@link #commit}). */
        public Path version() {
            return version;
        }

        /**
         * The version the output path shows now, complete (its marker present), which this one will replace; empty
         * for a first build or a real folder of the earlier layout.
         */
        public Optional<Path> previous() {
            return existing.version().map(v -> location.versions().resolve(v))
                    .filter(v -> Files.isRegularFile(v.resolve(OutputLocation.MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }

        /**
         * Puts into the new version, at {@code path}, the file {@code from} of {@link #previous()} unchanged: a hard
         * link (the same bytes on disk, nothing written), or a copy where the file system has no hard links.
         */
        public void reuse(String path, Path from) throws IOException {
            Path file = folderFor(path);
            try {
                Files.createLink(file, from);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                Files.copy(from, file);
            }
            files.incrementAndGet();
            bytes.addAndGet(Files.size(file));
        }

        /** Writes one file of the new version (its folders are made as needed). */
        public void write(Output o) throws IOException {
            Path file = folderFor(o.path());
            writer.write(file, o.bytes());
            files.incrementAndGet();
            bytes.addAndGet(o.bytes().length);
        }

        /** Checks {@code path} and makes its folder in the new version; returns where the file goes. */
        private Path folderFor(String path) throws IOException {
            checkPath(path);
            Path file = version.resolve(path);
            Path dir = file.getParent();
            if (!dirs.containsKey(dir)) {
                // made inside computeIfAbsent, so that a thread writing into the same folder waits until it exists
                try {
                    dirs.computeIfAbsent(dir, d -> {
                        try {
                            Files.createDirectories(d);
                            return Boolean.TRUE;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            return file;
        }

        /**
         * Writes {@code all} in parallel. No write escapes: a parallel forEach rethrows the first failure while
         * other workers are still writing, and the caller would then delete the version under their feet and
         * leave part of it behind. So every task records its failure, the rest are skipped, and this returns
         * (or throws the first failure) only when no write is in flight.
         */
        public void writeAll(List<Output> all) throws IOException {
            Parallel.forEach(all, this::write);
        }

        /** Marks the version complete and makes the output path show it, atomically; then removes older versions. */
        public Published commit() throws IOException {
            if (closed || published) {
                throw new IllegalStateException("staging already closed");
            }
            writer.write(version.resolve(OutputLocation.MARKER), MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
            listener.reached(Step.STAGED);
            flip(existing, id, version);
            published = true;
            listener.reached(Step.FLIPPED);
            try {
                removeStale(Optional.of(id));
            } catch (IOException e) {
                // the new site is published; what could not be removed now, the next build removes
            }
            return new Published(version, files.get(), bytes.get());
        }

        /** Removes the version unless it was published, and releases the lock. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!published) {
                    deleteQuietly(version);
                    deleteQuietly(tempLink(id));
                }
            } finally {
                lock.close();
            }
        }
    }

    /** Creates the folder of versions (with its marker) if needed. */
    private void prepareVersions() throws IOException {
        Files.createDirectories(location.versions());
        Path marker = location.versions().resolve(OutputLocation.VERSIONS_MARKER);
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(marker, VERSIONS_TEXT, StandardCharsets.UTF_8);
        }
    }

    /**
     * A build killed during the one-time migration may have left no output path: point it at the newest complete
     * version again before anything else, so that readers get a site back even if this build fails.
     */
    private OutputGuard.Existing recover(OutputGuard.Existing existing) throws IOException {
        if (existing.kind() != OutputGuard.Kind.ABSENT) {
            return existing;
        }
        // a build of the earlier layout killed between its two renames left the site in .site-old-<uuid>
        for (Path old : entries(location.path().getParent())) {
            if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS) && earlierLayout("old").matcher(old.getFileName().toString()).matches()) {
                Files.writeString(old.resolve(OutputLocation.MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
                move(old, location.versions().resolve(newId()));
            }
        }
        Optional<String> newest = entries(location.versions()).stream()
                .filter(p -> OutputGuard.VERSION_ID.matcher(p.getFileName().toString()).matches())
                .filter(p -> Files.isRegularFile(p.resolve(OutputLocation.MARKER), LinkOption.NOFOLLOW_LINKS))
                .map(p -> p.getFileName().toString()).max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            return existing;
        }
        Path temp = tempLink(newest.get());
        try {
            Files.createSymbolicLink(temp, Path.of(location.linkTarget(newest.get())));
        } catch (UnsupportedOperationException | IOException e) {
            deleteQuietly(temp);
            return existing; // without links (Windows) there is nothing to recover to; the new version will be moved in
        }
        move(temp, location.path());
        return new OutputGuard.Existing(OutputGuard.Kind.LINK, newest);
    }

    /**
     * Removes everything in the folder of versions but its marker and {@code keep}: staging folders and temporary
     * links of dead builds, and versions no longer shown. Safe because the lock is held: no live build has
     * anything there. Also removes the staging folders of the earlier layout ({@code .site-build-<uuid>}), and an
     * earlier layout's site moved aside ({@code .site-old-<uuid>}) once the output path exists.
     */
    private void removeStale(Optional<String> keep) throws IOException {
        for (Path p : entries(location.versions())) {
            String name = p.getFileName().toString();
            if (!name.equals(OutputLocation.VERSIONS_MARKER) && !keep.map(name::equals).orElse(false)) {
                delete(p);
            }
        }
        boolean siteShown = Files.exists(location.path());
        java.util.regex.Pattern staging = earlierLayout("build");
        java.util.regex.Pattern moved = earlierLayout("old");
        for (Path p : entries(location.path().getParent())) {
            String name = p.getFileName().toString();
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (staging.matcher(name).matches() || siteShown && moved.matcher(name).matches()) {
                delete(p);
            }
        }
    }

    /** Makes the output path show {@code version}. */
    private void flip(OutputGuard.Existing existing, String id, Path version) throws IOException {
        Path out = location.path();
        Path temp = tempLink(id);
        boolean links = true;
        try {
            Files.createSymbolicLink(temp, Path.of(location.linkTarget(id)));
        } catch (UnsupportedOperationException e) {
            links = false;
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                throw e;
            }
            links = false; // Windows without the privilege to make links
        }
        if (links) {
            listener.reached(Step.LINKED);
        }
        switch (existing.kind()) {
            case ABSENT, LINK -> {
                // the rename below replaces the old link atomically
            }
            case EMPTY_FOLDER -> Files.delete(out);
            case MARKED_FOLDER, EARLIER_BUILD -> {
                // migration: a real folder cannot be replaced by a link atomically; move it into the versions
                // (marked complete first, so that a build killed right after the move links it back)
                Path marker = out.resolve(OutputLocation.MARKER);
                if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                    Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
                }
                Path aside = location.versions().resolve(newId());
                move(out, aside);
                listener.reached(Step.MOVED_ASIDE);
                try {
                    move(links ? temp : version, out);
                } catch (IOException | RuntimeException | Error e) {
                    try {
                        move(aside, out);
                    } catch (IOException | RuntimeException back) {
                        e.addSuppressed(back);
                    }
                    throw e;
                }
                return;
            }
        }
        move(links ? temp : version, out);
    }

    private Path tempLink(String id) {
        return location.versions().resolve(".link-" + id);
    }

    static String newId() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(ID_TIME) + "-" + ProcessHandle.current().pid() + "-"
                + String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.sorted().toList());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                delete(p);
            }
        } catch (IOException | RuntimeException | Error e) {
            // best effort on a failure path; the next build removes what is left
        }
    }

    /** Deletes a file, a link (never what it points to) or a folder tree. */
    static void delete(Path p) throws IOException {
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
