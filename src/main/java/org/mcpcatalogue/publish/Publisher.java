package org.mcpcatalogue.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.UUID;
import org.mcpcatalogue.render.Output;

/**
 * Stage 8, publish: writes the site into a fresh folder beside the output ({@code .site-build-…}) and swaps it
 * in with renames only after everything is written; the previous site is moved aside and deleted last. A build
 * that fails or is killed before the swap leaves the previous site as it was; one killed between the two renames
 * leaves it in {@code .site-old-…}, which the next build puts back.
 */
public final class Publisher {

    private final Path out;

    public Publisher(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    /** Puts back a previous site that a killed build left moved aside. */
    public void recover() throws IOException {
        if (Files.exists(out)) {
            return;
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (var s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".site-old-")).sorted().toList()) {
                Files.move(p, out, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
        }
    }

    /** Writes {@code files} into a staging folder and returns it; nothing visible changes yet. */
    public Path stage(List<Output> files) throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve(".site-build-" + UUID.randomUUID());
        Files.createDirectory(staging);
        for (Output o : files) {
            if (!staging.resolve(o.path()).normalize().startsWith(staging)) {
                throw new IOException("output path escapes the site: " + o.path());
            }
        }
        for (Path dir : files.stream().map(o -> staging.resolve(o.path()).getParent()).distinct().toList()) {
            Files.createDirectories(dir);
        }
        try {
            files.parallelStream().forEach(o -> {
                try {
                    Files.write(staging.resolve(o.path()), o.bytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return staging;
    }

    /** Swaps the staged site in. */
    public void swap(Path staging) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = out.getParent().resolve(".site-old-" + UUID.randomUUID());
            move(out, old);
        }
        move(staging, out);
        if (old != null) {
            delete(old);
        }
    }

    /** Removes a staged site that will not be published. */
    public void discard(Path staging) throws IOException {
        if (staging != null && Files.exists(staging)) {
            delete(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
