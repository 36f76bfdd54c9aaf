package org.mcpcatalogue.model;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mcpcatalogue.diag.Location;

/**
 * One MCP server of the catalogue, from {@code catalogue/servers/<slug>.yaml}.
 *
 * @param slug        file name without {@code .yaml}; {@code ^[a-z0-9]+(-[a-z0-9]+)*$}, at most 64 characters
 * @param name        display name
 * @param publisher   who publishes it, e.g. {@code Hzzy2O} or {@code @together-mcp}
 * @param repository  source repository (https)
 * @param homepage    project home page, if any
 * @param description Markdown
 * @param tags        lower-case words
 * @param license     licence, if known
 * @param transport   how clients connect, if known
 * @param verified    when the tool list was last checked
 * @param source      where the data came from
 * @param packages    how to install it (the MCP registry's {@code server.json} {@code packages})
 * @param remotes     where it is hosted (the MCP registry's {@code server.json} {@code remotes})
 * @param tools       the tools, in file order
 * @param history     every change of a tool's definition that an import saw, oldest first
 * @param location    where the server is defined (the file, line 1)
 */
public record Server(String slug, String name, String publisher, URI repository, Optional<URI> homepage,
                     String description, List<String> tags, Optional<String> license,
                     Optional<Transport> transport, LocalDate verified, String source, List<Package> packages,
                     List<Remote> remotes, List<Tool> tools, List<ToolChange> history, Location location) {

    /** A server with no packages, remotes or history (the format before they existed). */
    public Server(String slug, String name, String publisher, URI repository, Optional<URI> homepage,
                  String description, List<String> tags, Optional<String> license, Optional<Transport> transport,
                  LocalDate verified, String source, List<Tool> tools, Location location) {
        this(slug, name, publisher, repository, homepage, description, tags, license, transport, verified, source,
                List.of(), List.of(), tools, List.of(), location);
    }

    public Server {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(verified, "verified");
        tags = List.copyOf(tags);
        packages = List.copyOf(packages);
        remotes = List.copyOf(remotes);
        tools = List.copyOf(tools);
        history = List.copyOf(history);
    }

    /** What a slug looks like: lower-case words of a-z and 0-9 joined by "-". */
    public static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** The longest slug. */
    public static final int MAX_SLUG = 64;

    /** Whether {@code slug} is a valid server slug. */
    public static boolean validSlug(String slug) {
        return slug.length() <= MAX_SLUG && SLUG.matcher(slug).matches();
    }

    /** The recorded changes of one tool's definition, oldest first. */
    public List<ToolChange> historyOf(String toolName) {
        return history.stream().filter(c -> c.tool().equals(toolName)).toList();
    }

    /** When the tool's definition last changed, as far as the catalogue's imports saw. */
    public Optional<LocalDate> lastChanged(String toolName) {
        return historyOf(toolName).stream().map(ToolChange::date).max(LocalDate::compareTo);
    }

    public Optional<Tool> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
