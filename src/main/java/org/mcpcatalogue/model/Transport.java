package org.mcpcatalogue.model;

import java.util.Arrays;
import java.util.Optional;

/** How a client reaches the server. */
public enum Transport {
    STDIO("stdio"),
    STREAMABLE_HTTP("streamable-http"),
    SSE("sse");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Transport> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
