package org.mcpcatalogue.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and everything under them (folders created later included) with the platform's file events
 * (inotify on Linux), and hands out the changed files in batches: {@link #awaitChanges()} blocks until a change, then
 * gathers the events that follow it until none arrives for {@link #QUIET} (an editor's save is often several events:
 * a temporary file, a rename, a modification). Editors' scratch files (hidden files, {@code ~} backups, swap files)
 * are not changes. Changes made while the caller is busy (rebuilding) wait in the queue and come as the next batch.
 */
public final class SourceWatcher implements Closeable {

    /** How long the events of one save may be apart. */
    public static final Duration QUIET = Duration.ofMillis(50);

    private final WatchService service;
    private final List<Path> roots;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

    /**
     * @param roots the folders to watch (those that do not exist are skipped)
     * @throws IOException if the platform refuses to watch
     */
    public SourceWatcher(List<Path> roots) throws IOException {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("nothing to watch");
        }
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.service = this.roots.get(0).getFileSystem().newWatchService();
        for (Path root : this.roots) {
            registerTree(root);
        }
    }

    /**
     * Waits for the next batch of changes.
     *
     * @return the changed files (absolute); the watched roots themselves if events were lost (a full rebuild)
     * @throws InterruptedException                         if the waiting thread is interrupted
     * @throws java.nio.file.ClosedWatchServiceException    once {@link #close()} was called
     */
    public Set<Path> awaitChanges() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        Set<Path> createdNow = new HashSet<>();
        while (changed.isEmpty()) {
            WatchKey key = service.take();
            collect(key, changed, createdNow);
            WatchKey next;
            while ((next = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                collect(next, changed, createdNow);
            }
        }
        return changed;
    }

    private void collect(WatchKey key, Set<Path> changed, Set<Path> createdNow) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                changed.addAll(roots);
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(path);
                changed.add(path);
            } else if (event.kind() == ENTRY_DELETE && createdNow.remove(path)) {
                changed.remove(path); // an editor's temporary file, made and gone within one save
            } else if (isSource(path)) {
                if (event.kind() == ENTRY_CREATE && changed.add(path)) {
                    createdNow.add(path);
                } else {
                    changed.add(path);
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    /** @return whether a change to {@code file} can change the site (editors' scratch files cannot) */
    static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return !(name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.matches("\\d+"));
    }

    private void registerTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(dir -> {
                try {
                    folders.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
                } catch (IOException e) {
                    // a folder removed while walking: nothing to watch there
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // same: the tree changed under the walk; the next event registers what is new
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
