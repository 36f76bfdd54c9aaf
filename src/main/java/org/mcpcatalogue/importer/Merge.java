package org.mcpcatalogue.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/**
 * Merges what a source gave into a server's document (a new one, or the one already in the catalogue).
 *
 * <p>What the import owns: the tool definitions (the MCP fields of each tool), each tool's {@code fingerprint},
 * {@code verified} and this source's entry in {@code source}. Everything else in an existing file is the
 * curators': {@code classification}, and the server's name, publisher, repository, homepage, description,
 * tags, licence and transport stay as they are (a missing optional one is filled in; an option given on the
 * command line always wins).
 *
 * <p>Tools: a complete source (a {@code tools/list} result, a Docker {@code tools.json}) decides which tools
 * there are and their definitions. A scaffold's name-only tools never replace complete definitions: against
 * a file with complete definitions a scaffold lends a description only to a tool that has none, and its extra tools are
 * reported and left out. A tool's description is curated when its stored fingerprint no longer matches it
 * (someone edited it after the last import): a curated description is kept, and the fingerprint then records
 * the definition as published, so the next change upstream still shows.
 */
public final class Merge {

    /** Server fields, in the documented order. */
    public static final List<String> SERVER_FIELDS = List.of("slug", "name", "publisher", "repository", "homepage",
            "description", "tags", "license", "transport", "verified", "source", "packages", "remotes", "tools", "history");

    /** The merged document and what changed. */
    public record Result(Json.Obj document, List<String> changes, List<String> notes, boolean changed) {
        public Result {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }
    }

    private Merge() {
    }

    /**
     * @param existing the document in the catalogue, if the server is there already
     * @param incoming what the source gave
     * @param options  facts given on the command line (they win)
     * @param slug     the server's slug
     * @param verified the import date
     */
    public static Result merge(Optional<Json.Obj> existing, Imported incoming, ServerFacts options, String slug,
                               LocalDate verified) throws ImportException {
        List<String> notes = new ArrayList<>(incoming.notes());
        List<String> changes = new ArrayList<>();
        Map<String, Json> doc = new LinkedHashMap<>();
        Json.Obj old = existing.orElse(new Json.Obj(Map.of()));
        ServerFacts facts = options.or(incoming.facts());

        doc.put("slug", Json.str(slug));
        Optional<String> name = keepOr(old, "name", options.name(), facts.name());
        Optional<String> repository = keepOr(old, "repository", options.repository(), facts.repository());
        Optional<String> publisher = keepOr(old, "publisher", options.publisher(),
                facts.publisher().or(() -> repository.flatMap(Merge::githubOwner)));
        List<String> missing = new ArrayList<>();
        name.ifPresentOrElse(v -> doc.put("name", Json.str(v)), () -> missing.add("--name"));
        publisher.ifPresentOrElse(v -> doc.put("publisher", Json.str(v)), () -> missing.add("--publisher"));
        repository.ifPresentOrElse(v -> doc.put("repository", Json.str(v)), () -> missing.add("--repository (an https URL)"));
        if (!missing.isEmpty()) {
            throw new ImportException("the source does not say enough about the server; give " + String.join(", ", missing), true);
        }
        keepOr(old, "homepage", options.homepage(), facts.homepage()).ifPresent(v -> doc.put("homepage", Json.str(v)));
        Optional<String> description = options.description().or(() -> old.get("description")
                .filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                .filter(d -> !d.isBlank() && !placeholder(d, name.get()))).or(facts::description);
        if (description.isEmpty()) {
            throw new ImportException("the source gives no description of the server (and the file has none but a"
                    + " placeholder); give --description \"…\", taken from the server's own package (package.json"
                    + " \"description\") or its repository's README; nothing was written", true);
        }
        doc.put("description", Json.str(description.get()));
        Json tags = tags(old, options, facts);
        if (tags != null) {
            doc.put("tags", tags);
        }
        keepOr(old, "license", options.license(), facts.license()).ifPresent(v -> doc.put("license", Json.str(v)));
        keepOr(old, "transport", options.transport(), facts.transport()).ifPresent(v -> doc.put("transport", Json.str(v)));
        doc.put("verified", Json.str(verified.toString()));
        doc.put("source", Json.str(source(old, incoming)));
        Json.Arr packages = byKey(list(old, "packages"), facts.packages(), Merge::packageKey, Merge::mergePackage);
        if (!packages.items().isEmpty()) {
            doc.put("packages", packages);
        }
        Json.Arr remotes = byKey(list(old, "remotes"), facts.remotes(), r -> JsonPaths.string(r, "url").orElse(""), (a, b) -> b);
        if (!remotes.items().isEmpty()) {
            doc.put("remotes", remotes);
        }
        List<Json.Obj> oldTools = tools(old);
        List<Json> history = new ArrayList<>(list(old, "history"));
        doc.put("tools", new Json.Arr(mergeTools(existing.isPresent(), oldTools, incoming, changes, notes, verified, history)));
        if (!history.isEmpty()) {
            doc.put("history", new Json.Arr(history));
        }
        // Fields of the old document this version does not know stay where they were (the validator will say).
        old.members().forEach((k, v) -> doc.putIfAbsent(k, v));
        Json.Obj merged = ToolShape.ordered(doc, SERVER_FIELDS);

        Map<String, Json> comparable = new LinkedHashMap<>(merged.members());
        old.get("verified").ifPresent(v -> comparable.put("verified", v));
        boolean changed = existing.isEmpty()
                || !JsonText.canonical(new Json.Obj(comparable)).equals(JsonText.canonical(old));
        if (!changed) {
            merged = old;
        }
        return new Result(merged, changes, notes, changed);
    }

    /**
     * Whether a description is the placeholder earlier imports wrote ("&lt;Name&gt; MCP server."): it is replaced by
     * the source's description like a missing one.
     */
    static boolean placeholder(String description, String name) {
        String d = description.strip();
        return d.equalsIgnoreCase(name + " MCP server.") || d.matches("^[^\\n]{1,60} MCP server\\.$");
    }

    private static List<Json> list(Json.Obj doc, String key) {
        return doc.get(key).orElse(null) instanceof Json.Arr a ? a.items() : List.of();
    }

    /** The old entries, each one the source also gives merged with it ({@code merge(old, incoming)}), then the new ones. */
    private static Json.Arr byKey(List<Json> old, List<Json.Obj> incoming, java.util.function.Function<Json, String> key,
                                  java.util.function.BinaryOperator<Json.Obj> merge) {
        Map<String, Json> out = new LinkedHashMap<>();
        List<Json> unkeyed = new ArrayList<>();
        for (Json o : old) {
            String k = key.apply(o);
            if (k.isEmpty() || out.containsKey(k)) {
                unkeyed.add(o);
            } else {
                out.put(k, o);
            }
        }
        for (Json.Obj in : incoming) {
            String k = key.apply(in);
            Json before = out.get(k);
            out.put(k, before instanceof Json.Obj b ? merge.apply(b, in) : in);
        }
        List<Json> all = new ArrayList<>(out.values());
        all.addAll(unkeyed);
        return new Json.Arr(all);
    }

    private static String packageKey(Json p) {
        return JsonPaths.string(p, "registry").orElse("") + ":" + JsonPaths.string(p, "name").orElse("");
    }

    /** A package entry updated from the source: its facts win, environment variables are merged by name. */
    private static Json.Obj mergePackage(Json.Obj old, Json.Obj in) {
        Map<String, Json> m = new LinkedHashMap<>(old.members());
        in.members().forEach((k, v) -> {
            if (!k.equals("environmentVariables")) {
                m.put(k, v);
            }
        });
        List<Json.Obj> incomingEnv = list(in, "environmentVariables").stream().filter(Json.Obj.class::isInstance)
                .map(Json.Obj.class::cast).toList();
        Json.Arr env = byKey(list(old, "environmentVariables"), incomingEnv, v -> JsonPaths.string(v, "name").orElse(""),
                (a, b) -> {
                    Map<String, Json> e = new LinkedHashMap<>(a.members());
                    e.putAll(b.members());
                    return new Json.Obj(e);
                });
        if (!env.items().isEmpty()) {
            m.put("environmentVariables", env);
        }
        return ToolShape.ordered(m, List.of("registry", "name", "version", "transport", "environmentVariables"));
    }

    /** An explicit option; else the existing value; else the source's. */
    private static Optional<String> keepOr(Json.Obj old, String key, Optional<String> option, Optional<String> fromSource) {
        if (option.isPresent()) {
            return option;
        }
        Optional<String> kept = old.get(key).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                .filter(s -> !s.isBlank());
        return kept.or(() -> fromSource);
    }

    private static Json tags(Json.Obj old, ServerFacts options, ServerFacts facts) {
        if (!options.tags().isEmpty()) {
            return strings(options.tags());
        }
        Optional<Json> kept = old.get("tags");
        if (kept.isPresent()) {
            return kept.get();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String t : facts.tags()) {
            Slugs.slug(t).ifPresent(tags::add);
        }
        return tags.isEmpty() ? null : strings(List.copyOf(tags));
    }

    private static Json.Arr strings(List<String> values) {
        return new Json.Arr(values.stream().map(Json::str).map(Json.class::cast).toList());
    }

    /** The {@code source} field: the existing entries, this kind's entry replaced or added. */
    static String source(Json.Obj old, Imported incoming) {
        String existing = old.get("source").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value().trim())
                .orElse("");
        List<String> entries = new ArrayList<>();
        boolean placed = false;
        for (String entry : existing.isEmpty() ? new String[0] : existing.split(";\\s+")) {
            // This source's entry: one of its kind, or exactly its label (a --source label need not name the kind).
            if (entry.startsWith(incoming.kind()) || entry.equals(incoming.label())) {
                if (!placed) {
                    entries.add(incoming.label());
                    placed = true;
                }
            } else {
                entries.add(entry);
            }
        }
        if (!placed) {
            entries.add(incoming.label());
        }
        return String.join("; ", entries);
    }

    static Optional<String> githubOwner(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^https://github\\.com/([A-Za-z0-9-]+)(/|$)").matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<Json.Obj> tools(Json.Obj doc) {
        List<Json.Obj> out = new ArrayList<>();
        if (doc.get("tools").orElse(null) instanceof Json.Arr a) {
            for (Json t : a.items()) {
                if (t instanceof Json.Obj o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Whether every tool is name-only ({@code inputSchema: {type: object}} and nothing more), as a scaffold gives them. */
    static boolean nameOnly(List<Json.Obj> tools) {
        String empty = JsonText.canonical(ToolShape.EMPTY_SCHEMA);
        return tools.stream().allMatch(t -> t.get("inputSchema").map(JsonText::canonical).orElse(empty).equals(empty)
                && t.get("annotations").isEmpty() && t.get("outputSchema").isEmpty());
    }

    private static List<Json> mergeTools(boolean exists, List<Json.Obj> oldTools, Imported incoming,
                                         List<String> changes, List<String> notes, LocalDate date, List<Json> history) {
        // A definition change is history only when the file held complete definitions from a live or authoritative
        // source before: a scaffold's name-only tools becoming complete is not the server changing.
        boolean recordHistory = exists && incoming.detail() == Imported.Detail.FULL && !oldTools.isEmpty() && !nameOnly(oldTools);
        Map<String, Json.Obj> byName = new LinkedHashMap<>();
        for (Json.Obj t : incoming.tools()) {
            byName.put(ToolShape.name(t), t);
        }
        boolean scaffoldOverFull = incoming.detail() == Imported.Detail.NAME_ONLY && !oldTools.isEmpty()
                && !nameOnly(oldTools);
        boolean ownsToolList = switch (incoming.detail()) {
            case FULL -> true;
            case NAME_ONLY -> !scaffoldOverFull;
            case NONE -> false;
        };
        List<Json> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Json.Obj old : oldTools) {
            String name = ToolShape.name(old);
            seen.add(name);
            Json.Obj in = byName.get(name);
            if (in == null) {
                if (ownsToolList) {
                    changes.add("removed: " + name);
                } else {
                    out.add(withFingerprint(old, changes, exists));
                }
                continue;
            }
            Json.Obj merged = mergeTool(old, in, incoming.detail(), scaffoldOverFull);
            if (recordHistory) {
                String from = old.get("fingerprint").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                        .filter(f -> f.matches("^sha256:[0-9a-f]{64}$")).orElseGet(() -> ToolShape.fingerprint(mcpPart(old)));
                String to = ((Json.Str) merged.get("fingerprint").orElseThrow()).value();
                ToolHistory.entry(date, name, mcpPart(old), mcpPart(merged), from, to, curated(old)).ifPresent(history::add);
            }
            List<String> fields = changedFields(old, merged);
            if (!fields.isEmpty()) {
                changes.add("changed: " + name + " (" + String.join(", ", fields) + ")");
            }
            out.add(merged);
        }
        for (Json.Obj in : incoming.tools()) {
            String name = ToolShape.name(in);
            if (seen.contains(name)) {
                continue;
            }
            if (scaffoldOverFull) {
                notes.add("not added: " + name + " (named only by the scaffold; the file's tools have complete definitions)");
                continue;
            }
            Map<String, Json> t = new LinkedHashMap<>(in.members());
            t.put("fingerprint", Json.str(ToolShape.fingerprint(in)));
            out.add(ToolShape.ordered(t));
            if (exists) {
                changes.add("added: " + name);
            }
        }
        return out;
    }

    /** A tool the source does not mention: kept, with a fingerprint when it had none. */
    private static Json.Obj withFingerprint(Json.Obj old, List<String> changes, boolean exists) {
        if (old.get("fingerprint").isPresent()) {
            return old;
        }
        Map<String, Json> t = new LinkedHashMap<>(old.members());
        t.put("fingerprint", Json.str(ToolShape.fingerprint(mcpPart(old))));
        if (exists) {
            changes.add("changed: " + ToolShape.name(old) + " (fingerprint)");
        }
        return ToolShape.ordered(t);
    }

    private static Json.Obj mergeTool(Json.Obj old, Json.Obj in, Imported.Detail detail, boolean scaffoldOverFull) {
        boolean curated = curated(old);
        String oldDescription = ToolShape.description(old);
        String newDescription = ToolShape.description(in);
        Map<String, Json> t = new LinkedHashMap<>();
        if (detail == Imported.Detail.FULL || !scaffoldOverFull && detail == Imported.Detail.NAME_ONLY) {
            t.putAll(in.members());
        } else {
            t.putAll(mcpPart(old).members());
        }
        String description;
        if (curated) {
            description = oldDescription;
        } else if (detail == Imported.Detail.FULL) {
            description = newDescription.isEmpty() ? oldDescription : newDescription;
        } else if (scaffoldOverFull && !oldDescription.isEmpty()) {
            // What the server itself publishes is kept: a scaffold's one-line summary never replaces it, or
            // importing the two sources in turn would change the file back and forth.
            description = oldDescription;
        } else {
            description = newDescription.length() > oldDescription.length() ? newDescription : oldDescription;
        }
        if (description.isEmpty()) {
            t.remove("description");
        } else {
            t.put("description", Json.str(description));
        }
        Json.Obj stored = ToolShape.ordered(t);
        Json.Obj published = detail == Imported.Detail.FULL ? in : stored;
        old.get("classification").ifPresent(c -> t.put("classification", c));
        // A curated description keeps its marker: the fingerprint records the definition as published.
        t.put("fingerprint", Json.str(ToolShape.fingerprint(curated ? published : stored)));
        return ToolShape.ordered(t);
    }

    /** A tool whose stored fingerprint no longer matches its definition was edited after the last import. */
    static boolean curated(Json.Obj tool) {
        Optional<String> stored = tool.get("fingerprint").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
        if (stored.isEmpty()) {
            return false;
        }
        try {
            return !stored.get().equals(ToolShape.fingerprint(mcpPart(tool)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Json.Obj mcpPart(Json.Obj tool) {
        Map<String, Json> m = new LinkedHashMap<>();
        for (String f : ToolShape.MCP_FIELDS) {
            tool.get(f).ifPresent(v -> m.put(f, v));
        }
        return new Json.Obj(m);
    }

    /** The fields whose values differ, in field order; the fingerprint only when nothing else changed. */
    private static List<String> changedFields(Json.Obj old, Json.Obj merged) {
        List<String> fields = new ArrayList<>();
        LinkedHashSet<String> keys = new LinkedHashSet<>(ToolShape.FIELDS);
        keys.addAll(old.members().keySet());
        keys.addAll(merged.members().keySet());
        for (String k : keys) {
            String a = old.get(k).map(JsonText::canonical).orElse(null);
            String b = merged.get(k).map(JsonText::canonical).orElse(null);
            if (!java.util.Objects.equals(a, b)) {
                fields.add(k);
            }
        }
        if (fields.size() > 1) {
            fields.remove("fingerprint");
        }
        return fields;
    }
}
