package org.mcpcatalogue.importer;

import java.util.List;
import java.util.Optional;

/**
 * What a source (or the command line) says about a server, each fact optional. {@code slugHint} is the
 * source's own short identifier (a Docker entry's name, a scaffold's file name), from which a slug can be made.
 */
public record ServerFacts(Optional<String> slugHint, Optional<String> name, Optional<String> publisher,
                          Optional<String> repository, Optional<String> homepage, Optional<String> description,
                          List<String> tags, Optional<String> license, Optional<String> transport) {

    public static final ServerFacts NONE = new ServerFacts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    public ServerFacts {
        tags = List.copyOf(tags);
    }

    /** These facts, each missing one taken from {@code other}; tags are joined. */
    public ServerFacts or(ServerFacts other) {
        java.util.LinkedHashSet<String> joined = new java.util.LinkedHashSet<>(tags);
        joined.addAll(other.tags);
        return new ServerFacts(slugHint.or(other::slugHint), name.or(other::name), publisher.or(other::publisher),
                repository.or(other::repository), homepage.or(other::homepage), description.or(other::description),
                List.copyOf(joined), license.or(other::license), transport.or(other::transport));
    }
}
