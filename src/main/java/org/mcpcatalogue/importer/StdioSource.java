package org.mcpcatalogue.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.json.Json;

/**
 * A live server: started with the given command (in a {@link Sandbox} unless told otherwise), asked for its tools over stdio ({@link McpStdioClient}), and
 * always ended. Its {@code serverInfo} gives the name (its {@code title}, else its {@code name}), a slug hint,
 * and a description and home page when it has them.
 */
public final class StdioSource implements ImportSource {

    /** The kind of source, as the {@code source} field's label starts. */
    public static final String KIND = "live tools/list";

    private final List<String> command;
    private final Optional<Sandbox> sandbox;
    private final Duration requestTimeout;
    private final Duration timeout;
    private final Optional<String> label;

    /** A server started in {@code sandbox} ({@link Bubblewrap}), or directly when it is empty. */
    public StdioSource(List<String> command, Optional<Sandbox> sandbox, Duration requestTimeout, Duration timeout,
            Optional<String> label) {
        this.command = List.copyOf(command);
        this.sandbox = sandbox;
        this.requestTimeout = requestTimeout;
        this.timeout = timeout;
        this.label = label;
    }

    @Override
    public Imported read() throws ImportException {
        McpStdioClient.Listing listing;
        try (McpStdioClient client = new McpStdioClient(command, sandbox, requestTimeout, timeout)) {
            listing = client.listTools(version());
        }
        Json.Obj info = listing.serverInfo();
        Optional<String> name = string(info, "name");
        Optional<String> version = string(info, "version");
        List<String> notes = new ArrayList<>(listing.warnings());
        if (!listing.protocolVersion().equals(McpStdioClient.PROTOCOL_VERSION)) {
            notes.add("the server speaks MCP " + listing.protocolVersion() + " (asked for " + McpStdioClient.PROTOCOL_VERSION + ")");
        }
        List<Json.Obj> tools = ToolsListSource.tools(new Json.Arr(listing.tools()), "tools/list", notes);
        // The npm package the command runs, if it runs one from node_modules: its own package.json describes it.
        Optional<NpmPackage> pkg = NpmPackage.of(command, java.nio.file.Path.of("").toAbsolutePath());
        ServerFacts facts = new ServerFacts(name, string(info, "title").or(() -> name), Optional.empty(),
                pkg.flatMap(NpmPackage::repository), string(info, "websiteUrl").or(() -> pkg.flatMap(NpmPackage::homepage)),
                string(info, "description").or(() -> pkg.flatMap(NpmPackage::description)), List.of(),
                pkg.flatMap(NpmPackage::license), Optional.of("stdio"),
                pkg.map(p -> List.of(p.entry(NpmPackage.environment(command)))).orElse(List.of()), List.of());
        pkg.ifPresent(p -> notes.add("npm package " + p.name() + "@" + p.version() + " (" + p.file() + ")"
                + (p.description().isPresent() ? "" : " has no description")));
        String text = label.orElse(KIND + " of " + name.orElse("the server") + version.map(v -> " " + v).orElse("")
                + " over stdio (MCP " + listing.protocolVersion() + ")");
        return new Imported(facts, tools, Imported.Detail.FULL, KIND, text, notes);
    }

    private static Optional<String> string(Json.Obj obj, String key) {
        return obj.get(key).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).filter(s -> !s.isBlank());
    }

    private static String version() {
        String v = StdioSource.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
