package org.mcpcatalogue.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The whole catalogue: every server, sorted by slug. */
public record Catalogue(List<Server> servers) {

    public Catalogue {
        servers = servers.stream().sorted(Comparator.comparing(Server::slug)).toList();
    }

    public Optional<Server> server(String slug) {
        return servers.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public int toolCount() {
        return servers.stream().mapToInt(s -> s.tools().size()).sum();
    }
}
