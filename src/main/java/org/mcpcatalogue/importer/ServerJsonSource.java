package org.mcpcatalogue.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.json.Json;

/**
 * An official MCP registry {@code server.json} (schema 2025-12-11; the registry API's {@code {"server": {...}}}
 * wrapper and the older snake_case field names are accepted too): the server's facts, but no tools. Its
 * {@code name} is a reverse-DNS name such as {@code io.github.owner/repo}: the part after {@code /} hints at the
 * slug, and an {@code io.github.} namespace names the publisher.
 */
public final class ServerJsonSource implements ImportSource {

    /** The kind of source, as the {@code source} field's label starts. */
    public static final String KIND = "MCP registry server.json";

    private final String text;
    private final String origin;
    private final Optional<String> label;

    public ServerJsonSource(String text, String origin, Optional<String> label) {
        this.text = text;
        this.origin = origin;
        this.label = label;
    }

    @Override
    public Imported read() throws ImportException {
        Json parsedDoc = JsonPaths.parse(text, origin);
        Json doc = JsonPaths.at(parsedDoc, "server").orElse(null) instanceof Json.Obj wrapped ? wrapped : parsedDoc;
        Optional<String> name = JsonPaths.string(doc, "name");
        if (!(doc instanceof Json.Obj) || name.isEmpty()) {
            throw new ImportException(origin + ": not an MCP registry server.json (no \"name\")");
        }
        String id = name.get();
        int slash = id.indexOf('/');
        String namespace = slash < 0 ? "" : id.substring(0, slash);
        String shortName = id.substring(slash + 1);
        Optional<String> publisher = namespace.startsWith("io.github.")
                ? Optional.of(namespace.substring("io.github.".length())) : Optional.empty();
        Optional<String> repository = JsonPaths.string(doc, "repository", "url");
        Optional<String> homepage = JsonPaths.string(doc, "websiteUrl").or(() -> JsonPaths.string(doc, "website_url"));
        Optional<String> transport = transport(doc);
        Optional<String> version = JsonPaths.string(doc, "version").or(() -> JsonPaths.string(doc, "version_detail", "version"));
        ServerFacts facts = new ServerFacts(Optional.of(shortName), JsonPaths.string(doc, "title").or(() -> Optional.of(shortName)),
                publisher, repository, homepage, JsonPaths.string(doc, "description"), List.of(), Optional.empty(), transport,
                packages(doc), remotes(doc));
        List<String> notes = new ArrayList<>();
        notes.add("a server.json lists no tools; import them with --stdio or --from tools-list");
        return new Imported(facts, List.of(), Imported.Detail.NONE, KIND,
                label.orElse(KIND + " of " + id + version.map(v -> " " + v).orElse("")), notes);
    }

    /** The registry names the format knows (the registry's {@code registryType}, or the older {@code registry_name}). */
    private static final List<String> REGISTRIES = org.mcpcatalogue.model.Package.REGISTRIES;
    private static final List<String> TRANSPORTS = List.of("stdio", "streamable-http", "sse");

    /**
     * {@code packages} in the server file's shape: registry, name, version, transport and environment variables
     * (name, description, isRequired, isSecret; values and defaults are not kept). A package of a registry the
     * format does not know is left out.
     */
    static List<Json.Obj> packages(Json doc) {
        List<Json.Obj> out = new ArrayList<>();
        if (!(JsonPaths.at(doc, "packages").orElse(null) instanceof Json.Arr a)) {
            return out;
        }
        for (Json p : a.items()) {
            Optional<String> registry = JsonPaths.string(p, "registryType").or(() -> JsonPaths.string(p, "registry_type"))
                    .or(() -> JsonPaths.string(p, "registry_name")).map(r -> r.equals("docker") ? "oci" : r)
                    .filter(REGISTRIES::contains);
            Optional<String> name = JsonPaths.string(p, "identifier").or(() -> JsonPaths.string(p, "name"));
            if (registry.isEmpty() || name.isEmpty()) {
                continue;
            }
            java.util.Map<String, Json> m = new java.util.LinkedHashMap<>();
            m.put("registry", Json.str(registry.get()));
            m.put("name", Json.str(name.get()));
            JsonPaths.string(p, "version").ifPresent(v -> m.put("version", Json.str(v)));
            JsonPaths.string(p, "transport", "type").or(() -> JsonPaths.string(p, "transport_type"))
                    .filter(TRANSPORTS::contains).ifPresent(t -> m.put("transport", Json.str(t)));
            List<Json> env = new ArrayList<>();
            Optional<Json> vars = JsonPaths.at(p, "environmentVariables").or(() -> JsonPaths.at(p, "environment_variables"));
            if (vars.orElse(null) instanceof Json.Arr va) {
                for (Json v : va.items()) {
                    Optional<String> varName = JsonPaths.string(v, "name");
                    if (varName.isEmpty()) {
                        continue;
                    }
                    java.util.Map<String, Json> e = new java.util.LinkedHashMap<>();
                    e.put("name", Json.str(varName.get()));
                    JsonPaths.string(v, "description").ifPresent(d -> e.put("description", Json.str(d)));
                    bool(v, "isRequired", "is_required").ifPresent(b -> e.put("isRequired", b));
                    bool(v, "isSecret", "is_secret").ifPresent(b -> e.put("isSecret", b));
                    env.add(new Json.Obj(e));
                }
            }
            if (!env.isEmpty()) {
                m.put("environmentVariables", new Json.Arr(env));
            }
            out.add(new Json.Obj(m));
        }
        return out;
    }

    /** {@code remotes} in the server file's shape: url and transport ({@code streamable-http} or {@code sse}). */
    static List<Json.Obj> remotes(Json doc) {
        List<Json.Obj> out = new ArrayList<>();
        if (!(JsonPaths.at(doc, "remotes").orElse(null) instanceof Json.Arr a)) {
            return out;
        }
        for (Json r : a.items()) {
            Optional<String> url = JsonPaths.string(r, "url");
            Optional<String> type = JsonPaths.string(r, "type").or(() -> JsonPaths.string(r, "transport_type"))
                    .filter(t -> t.equals("streamable-http") || t.equals("sse"));
            if (url.isPresent() && type.isPresent()) {
                java.util.Map<String, Json> m = new java.util.LinkedHashMap<>();
                m.put("url", Json.str(url.get()));
                m.put("transport", Json.str(type.get()));
                out.add(new Json.Obj(m));
            }
        }
        return out;
    }

    private static Optional<Json> bool(Json v, String... keys) {
        for (String k : keys) {
            if (JsonPaths.at(v, k).orElse(null) instanceof Json.Bool b) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The first package's transport, else the first remote's. */
    private static Optional<String> transport(Json doc) {
        for (String list : List.of("packages", "remotes")) {
            if (JsonPaths.at(doc, list).orElse(null) instanceof Json.Arr a && !a.items().isEmpty()) {
                Json first = a.items().get(0);
                Optional<String> t = JsonPaths.string(first, "transport", "type")
                        .or(() -> JsonPaths.string(first, "type"))
                        .or(() -> JsonPaths.string(first, "transport_type"));
                if (t.isPresent()) {
                    return t.filter(v -> List.of("stdio", "streamable-http", "sse").contains(v));
                }
                if (list.equals("packages")) {
                    return Optional.of("stdio");
                }
            }
        }
        return Optional.empty();
    }
}
