package org.mcpcatalogue.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.yaml.SafeYaml;

/**
 * A Docker MCP catalog entry (github.com/docker/mcp-registry, {@code servers/<name>/}): {@code server.yaml}
 * gives the facts (name, {@code about.title} and {@code about.description}, {@code meta.tags},
 * {@code source.project}, a remote's {@code transport_type}), {@code tools.json} the tools. A tool there has
 * either an {@code inputSchema} or {@code arguments} ({@code name}, {@code type}, {@code desc}, {@code items},
 * {@code optional}), which become a JSON Schema object: each argument a property with its type, items and
 * description, required unless {@code optional: true}.
 */
public final class DockerSource implements ImportSource {

    /** The kind of source, as the {@code source} field's label starts. */
    public static final String KIND = "Docker MCP catalog";

    private final Path dir;
    private final Optional<String> label;

    public DockerSource(Path dir, Optional<String> label) {
        this.dir = dir;
        this.label = label;
    }

    @Override
    public Imported read() throws ImportException {
        Path serverYaml = dir.resolve("server.yaml");
        if (!Files.exists(serverYaml, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImportException(dir + ": not a Docker MCP catalog entry (no server.yaml)");
        }
        byte[] bytes;
        try {
            bytes = InputFiles.read(serverYaml, SafeYaml.Limits.DEFAULT.maxBytes(), InputFiles.Links.FOLLOW);
        } catch (InputFiles.Refused e) {
            throw new ImportException("cannot read " + serverYaml + ": " + e.getMessage());
        }
        SafeYaml.Result parsed = new SafeYaml().read(serverYaml.toString(), bytes);
        if (parsed.hasErrors() || parsed.root().isEmpty()) {
            StringBuilder b = new StringBuilder(serverYaml + " cannot be read:");
            parsed.diagnostics().forEach(d -> b.append('\n').append(d));
            throw new ImportException(b.toString());
        }
        Json server = parsed.root().get().toJson();
        Optional<String> id = JsonPaths.string(server, "name");
        Optional<String> repository = JsonPaths.string(server, "source", "project").flatMap(JsonPaths::githubRepository);
        Optional<String> transport = JsonPaths.string(server, "remote", "transport_type")
                .or(() -> JsonPaths.string(server, "image").map(i -> "stdio"));
        ServerFacts facts = new ServerFacts(id, JsonPaths.string(server, "about", "title").or(() -> id),
                repository.flatMap(Merge::githubOwner), repository, Optional.empty(),
                JsonPaths.string(server, "about", "description"), JsonPaths.strings(server, "meta", "tags"),
                Optional.empty(), transport, packages(server), remotes(server));
        List<String> notes = new ArrayList<>();
        Path toolsJson = dir.resolve("tools.json");
        List<Json.Obj> tools = new ArrayList<>();
        Imported.Detail detail = Imported.Detail.FULL;
        if (Files.exists(toolsJson, LinkOption.NOFOLLOW_LINKS)) {
            Json doc;
            try {
                byte[] json = InputFiles.read(toolsJson, InputFiles.MAX_TOOL_INPUT_BYTES, InputFiles.Links.FOLLOW);
                doc = JsonPaths.parse(new String(json, StandardCharsets.UTF_8), toolsJson.toString());
            } catch (InputFiles.Refused e) {
                throw new ImportException("cannot read " + toolsJson + ": " + e.getMessage());
            }
            if (!(doc instanceof Json.Arr list)) {
                throw new ImportException(toolsJson + ": expected a list of tools, found a JSON " + doc.typeName());
            }
            for (int i = 0; i < list.items().size(); i++) {
                tools.add(ToolShape.of(tool(list.items().get(i), toolsJson + ": [" + i + "]"), toolsJson + ": [" + i + "]", notes));
            }
        } else if (JsonPaths.at(server, "tools").orElse(null) instanceof Json.Arr inline && !inline.items().isEmpty()) {
            // Servers that Docker defines itself (curl, docker, ffmpeg) list their tools in server.yaml, with
            // the arguments as a JSON Schema under "parameters".
            for (int i = 0; i < inline.items().size(); i++) {
                String origin = serverYaml + ": tools[" + i + "]";
                tools.add(ToolShape.of(inlineTool(inline.items().get(i), origin), origin, notes));
            }
        } else {
            detail = Imported.Detail.NONE;
            notes.add(dir + " has no tools.json (Docker lists the tools of some servers only when it builds them);"
                    + " import the tools with --stdio or --from tools-list");
        }
        return new Imported(facts, tools, detail, KIND,
                label.orElse(KIND + " (docker/mcp-registry, MIT): " + id.orElse(dir.getFileName().toString())), notes);
    }

    /** A tool listed in server.yaml: {@code parameters} is its input schema. */
    static Json inlineTool(Json entry, String origin) throws ImportException {
        if (!(entry instanceof Json.Obj o)) {
            throw new ImportException(origin + ": a tool must be a mapping, found " + entry.typeName());
        }
        Map<String, Json> out = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
            switch (e.getKey()) {
                case "parameters" -> out.put("inputSchema", e.getValue());
                case "name", "description", "annotations", "title" -> out.put(e.getKey(), e.getValue());
                default -> { } // Docker's own keys (container, run settings) are not part of the MCP Tool shape.
            }
        }
        out.putIfAbsent("inputSchema", ToolShape.EMPTY_SCHEMA);
        return new Json.Obj(out);
    }

    /** A tools.json entry as an MCP Tool object: {@code arguments} become an {@code inputSchema}. */
    static Json tool(Json entry, String origin) throws ImportException {
        if (!(entry instanceof Json.Obj o)) {
            throw new ImportException(origin + ": a tool must be a JSON object, found " + entry.typeName());
        }
        Map<String, Json> out = new LinkedHashMap<>(o.members());
        Json arguments = out.remove("arguments");
        if (!out.containsKey("inputSchema")) {
            out.put("inputSchema", schema(arguments, origin));
        }
        return new Json.Obj(out);
    }

    private static Json.Obj schema(Json arguments, String origin) throws ImportException {
        if (arguments == null || arguments instanceof Json.Null) {
            return ToolShape.EMPTY_SCHEMA;
        }
        if (!(arguments instanceof Json.Arr list)) {
            throw new ImportException(origin + ": \"arguments\" must be a list, found " + arguments.typeName());
        }
        Map<String, Json> properties = new LinkedHashMap<>();
        List<Json> required = new ArrayList<>();
        for (Json a : list.items()) {
            Optional<String> name = JsonPaths.string(a, "name");
            if (name.isEmpty()) {
                throw new ImportException(origin + ": an argument without a \"name\": " + JsonText.write(a));
            }
            Map<String, Json> property = new LinkedHashMap<>();
            JsonPaths.at(a, "type").ifPresent(t -> property.put("type", t));
            JsonPaths.at(a, "items").ifPresent(t -> property.put("items", t));
            JsonPaths.at(a, "desc").or(() -> JsonPaths.at(a, "description")).ifPresent(d -> property.put("description", d));
            properties.put(name.get(), new Json.Obj(property));
            if (!(JsonPaths.at(a, "optional").orElse(null) instanceof Json.Bool b && b.value())) {
                required.add(Json.str(name.get()));
            }
        }
        Map<String, Json> schema = new LinkedHashMap<>();
        schema.put("type", Json.str("object"));
        schema.put("properties", new Json.Obj(properties));
        if (!required.isEmpty()) {
            schema.put("required", new Json.Arr(required));
        }
        return new Json.Obj(schema);
    }

    /**
     * The entry's image as a {@code packages} entry: registry {@code oci}, the image name, its tag as the version when
     * the catalog pins one, transport stdio, and the environment the catalog's {@code config} asks for: each
     * {@code secrets} entry's variable (required and secret) and each {@code env} variable (not secret). Values and
     * examples are never kept.
     */
    static List<Json.Obj> packages(Json server) {
        Optional<String> image = JsonPaths.string(server, "image");
        if (image.isEmpty()) {
            return List.of();
        }
        String name = image.get();
        Optional<String> version = Optional.empty();
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            version = Optional.of(name.substring(colon + 1));
            name = name.substring(0, colon);
        }
        java.util.Map<String, Json> m = new java.util.LinkedHashMap<>();
        m.put("registry", Json.str("oci"));
        m.put("name", Json.str(name));
        version.ifPresent(v -> m.put("version", Json.str(v)));
        m.put("transport", Json.str("stdio"));
        java.util.Map<String, Json.Obj> env = new java.util.LinkedHashMap<>();
        if (JsonPaths.at(server, "config", "secrets").orElse(null) instanceof Json.Arr secrets) {
            for (Json secret : secrets.items()) {
                JsonPaths.string(secret, "env").ifPresent(n -> env.putIfAbsent(n, variable(n, true)));
            }
        }
        if (JsonPaths.at(server, "config", "env").orElse(null) instanceof Json.Arr vars) {
            for (Json v : vars.items()) {
                JsonPaths.string(v, "name").ifPresent(n -> env.putIfAbsent(n, variable(n, false)));
            }
        }
        if (!env.isEmpty()) {
            m.put("environmentVariables", new Json.Arr(new ArrayList<>(env.values())));
        }
        return List.of(new Json.Obj(m));
    }

    private static Json.Obj variable(String name, boolean secret) {
        java.util.Map<String, Json> e = new java.util.LinkedHashMap<>();
        e.put("name", Json.str(name));
        if (secret) {
            e.put("isRequired", Json.TRUE);
        }
        e.put("isSecret", new Json.Bool(secret));
        return new Json.Obj(e);
    }

    /** A remote entry's {@code remote.url} and {@code remote.transport_type} as a {@code remotes} entry. */
    static List<Json.Obj> remotes(Json server) {
        Optional<String> url = JsonPaths.string(server, "remote", "url");
        Optional<String> type = JsonPaths.string(server, "remote", "transport_type")
                .filter(t -> t.equals("streamable-http") || t.equals("sse"));
        if (url.isEmpty() || type.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, Json> m = new java.util.LinkedHashMap<>();
        m.put("url", Json.str(url.get()));
        m.put("transport", Json.str(type.get()));
        return List.of(new Json.Obj(m));
    }
}
