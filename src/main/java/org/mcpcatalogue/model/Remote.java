package org.mcpcatalogue.model;

import java.net.URI;
import java.util.Objects;

/**
 * A hosted endpoint of a server, as the official MCP registry's {@code server.json} lists it under {@code remotes}.
 *
 * @param url       the endpoint (https, or http)
 * @param transport {@code streamable-http} or {@code sse}
 */
public record Remote(URI url, Transport transport) {
    public Remote {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(transport, "transport");
    }
}
