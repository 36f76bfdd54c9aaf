package org.mcpcatalogue.importer;

import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.json.Json;

/**
 * What a source (or the command line) says about a server, each fact optional. {@code slugHint} is the
 * source's own short identifier (a Docker entry's name, a scaffold's file name), from which a slug can be made.
 * {@code packages} and {@code remotes} are entries in the server file's shape (see docs/catalogue-format.md):
 * how to install the server, and where it is hosted.
 */
public record ServerFacts(Optional<String> slugHint, Optional<String> name, Optional<String> publisher,
                          Optional<String> repository, Optional<String> homepage, Optional<String> description,
                          List<String> tags, Optional<String> license, Optional<String> transport,
                          List<Json.Obj> packages, List<Json.Obj> remotes) {

    public static final ServerFacts NONE = new ServerFacts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    public ServerFacts {
        tags = List.copyOf(tags);
        packages = List.copyOf(packages);
        remotes = List.copyOf(remotes);
    }

    /** Facts with no packages or remotes. */
    public ServerFacts(Optional<String> slugHint, Optional<String> name, Optional<String> publisher,
                       Optional<String> repository, Optional<String> homepage, Optional<String> description,
                       List<String> tags, Optional<String> license, Optional<String> transport) {
        this(slugHint, name, publisher, repository, homepage, description, tags, license, transport, List.of(), List.of());
    }

    /** These facts, each missing one taken from {@code other}; tags are joined, packages and remotes too. */
    public ServerFacts or(ServerFacts other) {
        java.util.LinkedHashSet<String> joined = new java.util.LinkedHashSet<>(tags);
        joined.addAll(other.tags);
        java.util.List<Json.Obj> pkgs = new java.util.ArrayList<>(packages);
        pkgs.addAll(other.packages);
        java.util.List<Json.Obj> rems = new java.util.ArrayList<>(remotes);
        rems.addAll(other.remotes);
        return new ServerFacts(slugHint.or(other::slugHint), name.or(other::name), publisher.or(other::publisher),
                repository.or(other::repository), homepage.or(other::homepage), description.or(other::description),
                List.copyOf(joined), license.or(other::license), transport.or(other::transport), pkgs, rems);
    }

    /** These facts with {@code packages} added. */
    public ServerFacts withPackages(List<Json.Obj> more) {
        java.util.List<Json.Obj> pkgs = new java.util.ArrayList<>(packages);
        pkgs.addAll(more);
        return new ServerFacts(slugHint, name, publisher, repository, homepage, description, tags, license, transport,
                pkgs, remotes);
    }
}
