package org.mcpcatalogue.concurrent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task on every item of a list in parallel, so that no failure escapes while other tasks are running.
 * A plain parallel {@code forEach} rethrows the first failure while other workers go on, and a caller that then
 * cleans up (deletes a staged version, say) does so under their feet. Here every task records its failure, the
 * items not yet started are skipped, and the first failure is thrown only when no task is in flight.
 */
public final class Parallel {

    /** Work on one item; may throw an {@link IOException}. */
    @FunctionalInterface
    public interface Task<T> {
        void run(T item) throws IOException;
    }

    private Parallel() {
    }

    /** Runs {@code task} on every item in parallel; throws the first failure, as it was, once all have stopped. */
    public static <T> void forEach(List<T> items, Task<T> task) throws IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        items.parallelStream().forEach(item -> {
            if (failure.get() != null) {
                return;
            }
            try {
                task.run(item);
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
        Throwable failed = failure.get();
        if (failed instanceof IOException io) {
            throw io;
        } else if (failed instanceof RuntimeException re) {
            throw re;
        } else if (failed instanceof Error error) {
            throw error;
        }
    }
}
