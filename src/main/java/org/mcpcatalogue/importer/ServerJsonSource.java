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
                publisher, repository, homepage, JsonPaths.string(doc, "description"), List.of(), Optional.empty(), transport);
        List<String> notes = new ArrayList<>();
        notes.add("a server.json lists no tools; import them with --stdio or --from tools-list");
        return new Imported(facts, List.of(), Imported.Detail.NONE, KIND,
                label.orElse(KIND + " of " + id + version.map(v -> " " + v).orElse("")), notes);
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
