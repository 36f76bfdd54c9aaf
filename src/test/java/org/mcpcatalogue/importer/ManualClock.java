package org.mcpcatalogue.importer;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link McpStdioClient.Clock} that stands still until the test advances it, so a request times out exactly
 * when the test decides (after the server has announced what the test needs), never because the machine is slow.
 */
final class ManualClock implements McpStdioClient.Clock {

    private volatile long now;

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves the clock on; a client waiting for a message then sees its deadline pass. */
    void advance(Duration by) {
        now += by.toNanos();
    }

    @Override
    public Object poll(BlockingQueue<Object> messages, long deadline) throws InterruptedException {
        while (true) {
            // Short real waits so that an advance is noticed; the message, when there is one, always wins.
            Object next = messages.poll(10, TimeUnit.MILLISECONDS);
            if (next != null || now >= deadline) {
                return next;
            }
        }
    }
}
