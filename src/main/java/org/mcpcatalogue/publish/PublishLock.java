package org.mcpcatalogue.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The lock a build holds while it publishes: an OS lock ({@link FileChannel#tryLock()}, {@code fcntl} on Linux)
 * on the lock file beside the output, which the OS releases when the process dies, however it dies. The holder
 * writes its PID into the file for the others' messages. The file itself stays.
 */
final class PublishLock implements AutoCloseable {

    /** First line of the lock file (how {@link OutputGuard} recognises it as ours). */
    static final String HEADER = "catalogue build lock";

    /** Another build held the lock for longer than the wait allowed. */
    static final class TimedOut extends IOException {
        TimedOut(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private PublishLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait} for a build that holds it.
     *
     * @param waiting told once, with the holder's PID (or {@code "unknown"}), when this build has to wait
     */
    static PublishLock acquire(Path file, Duration wait, Consumer<String> waiting) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            String holder = null;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another build in this same JVM holds it
                }
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((HEADER + "\npid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    return new PublishLock(channel, lock);
                }
                if (holder == null) {
                    holder = holder(file);
                    waiting.accept(holder);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimedOut("build PID " + holder + " has been publishing for more than " + wait.toMinutes()
                            + " minutes; if it is stuck, stop it and build again");
                }
                Thread.sleep(50);
            }
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the publish lock " + file);
        }
    }

    /** The PID the holder wrote, or {@code "unknown"}. */
    static String holder(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid ") && line.substring(4).chars().allMatch(Character::isDigit) && line.length() > 4) {
                    return line.substring(4);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the holder may be writing it right now
        }
        return "unknown";
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(HEADER.length() + 1);
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
