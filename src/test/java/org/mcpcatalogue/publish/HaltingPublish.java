package org.mcpcatalogue.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A build that dies: run in a child JVM by {@link PublisherTest}, it publishes {@code PublisherTest.site(label)} to
 * {@code out} and, at the point named, either halts the JVM at once ({@link Runtime#halt}: no finally block, no
 * shutdown hook runs, as with {@code kill -9}) or, for {@code HOLD:STEP}, prints {@code READY} and blocks until
 * it is killed.
 *
 * <p>Usage: {@code HaltingPublish OUT LABEL (STEP | WRITE:N | HOLD:STEP)}
 */
public final class HaltingPublish {

    private HaltingPublish() {
    }

    public static void main(String[] args) throws IOException, OutputGuard.Refused {
        Path out = Path.of(args[0]).toAbsolutePath();
        String label = args[1];
        String at = args[2];
        AtomicInteger written = new AtomicInteger();
        Publisher.FileWriter writer = (file, bytes) -> {
            Publisher.FileWriter.FILES.write(file, bytes);
            if (at.equals("WRITE:" + written.incrementAndGet())) {
                Runtime.getRuntime().halt(137);
            }
        };
        Publisher.Listener listener = new Publisher.Listener() {
            @Override
            public void reached(Publisher.Step step) {
                if (at.equals(step.name())) {
                    Runtime.getRuntime().halt(137);
                }
                if (at.equals("HOLD:" + step.name())) {
                    System.out.println("READY");
                    System.out.flush();
                    try {
                        System.in.read(); // blocks until the test kills this process
                    } catch (IOException e) {
                        // ignore
                    }
                    Runtime.getRuntime().halt(3);
                }
            }
        };
        new Publisher(OutputLocation.of(out, args[0]), writer, listener, Duration.ofMinutes(1)).publish(PublisherTest.site(label));
        System.exit(0);
    }
}
