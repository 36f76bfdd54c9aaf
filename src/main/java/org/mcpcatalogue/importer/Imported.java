package org.mcpcatalogue.importer;

import java.util.List;
import java.util.Objects;
import org.mcpcatalogue.json.Json;

/**
 * What one source gave: facts about the server, its tools (each an MCP {@code Tool} JSON object), how complete
 * those tool definitions are, and the label recorded in the server's {@code source} field.
 *
 * @param facts  server facts
 * @param tools  the tools, in the source's order; empty with {@link Detail#NONE}
 * @param detail how complete the tool definitions are
 * @param kind   the kind of source, the start of its label; a later import of the same kind replaces the label
 * @param label  e.g. {@code Docker MCP catalog (docker/mcp-registry @ 818bf16, MIT)}
 * @param notes  things the reader of the import's report should know (fields dropped and why)
 */
public record Imported(ServerFacts facts, List<Json.Obj> tools, Detail detail, String kind, String label,
                       List<String> notes) {

    /** How complete a source's tool definitions are. */
    public enum Detail {
        /** Complete MCP Tool objects with input schemas (a tools/list result, a Docker tools.json). */
        FULL,
        /** Names and one-line descriptions only (a policy scaffold). */
        NAME_ONLY,
        /** No tools at all (a registry server.json). */
        NONE
    }

    public Imported {
        Objects.requireNonNull(facts, "facts");
        tools = List.copyOf(tools);
        notes = List.copyOf(notes);
    }
}
