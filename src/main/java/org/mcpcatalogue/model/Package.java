package org.mcpcatalogue.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One way to install and run a server, as the official MCP registry's {@code server.json} lists it under
 * {@code packages}.
 *
 * @param registry             where the package is published: {@code npm}, {@code pypi}, {@code oci}, {@code nuget},
 *                             {@code mcpb}
 * @param name                 its name in that registry, e.g. {@code @modelcontextprotocol/server-memory}
 * @param version              the version the catalogue's tools were read from, if known
 * @param transport            how a client talks to it once started, if known
 * @param environmentVariables the environment it reads (names only carry meaning; no values are kept)
 */
public record Package(String registry, String name, Optional<String> version, Optional<Transport> transport,
                      List<EnvironmentVariable> environmentVariables) {

    /** The registries the format accepts. */
    public static final List<String> REGISTRIES = List.of("npm", "pypi", "oci", "nuget", "mcpb");

    public Package {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(name, "name");
        environmentVariables = List.copyOf(environmentVariables);
    }

    /** {@code registry:name}, the identity two servers must not share. */
    public String identity() {
        return registry + ":" + name;
    }

    /**
     * An environment variable a package reads.
     *
     * @param name        e.g. {@code GITHUB_PERSONAL_ACCESS_TOKEN}
     * @param description what it is for, if said
     * @param required    whether the server needs it (absent: not said)
     * @param secret      whether it holds a secret (absent: not said)
     */
    public record EnvironmentVariable(String name, Optional<String> description, Optional<Boolean> required,
                                      Optional<Boolean> secret) {
        public EnvironmentVariable {
            Objects.requireNonNull(name, "name");
        }
    }
}
