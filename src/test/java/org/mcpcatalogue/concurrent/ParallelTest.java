package org.mcpcatalogue.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parallel loop runs every item, and a failure comes out as it was thrown, not wrapped. */
class ParallelTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 500).boxed().toList();

    @Test
    void everyItemRunsOnce() throws IOException {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Parallel.forEach(ITEMS, i -> assertEquals(true, seen.add(i)));
        assertEquals(Set.copyOf(ITEMS), seen);
    }

    @Test
    void aFailureIsThrownAsItWas() {
        IOException disk = new IOException("No space left on device");
        assertSame(disk, assertThrows(IOException.class, () -> Parallel.forEach(ITEMS, i -> {
            throw disk;
        })));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> Parallel.forEach(ITEMS, i -> {
            throw bug;
        })));
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Parallel.forEach(ITEMS, i -> {
            throw oom;
        })));
    }
}
