package org.mcpcatalogue.pipeline;

import java.util.List;

/** The assessed catalogue: every server report, in slug order. */
public record CatalogueReport(List<ServerReport> servers) {
    public CatalogueReport {
        servers = List.copyOf(servers);
    }

    public List<ToolReport> tools() {
        return servers.stream().flatMap(s -> s.tools().stream()).toList();
    }
}
