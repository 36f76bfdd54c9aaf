package org.mcpcatalogue.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * An Intercept policy scaffold (github.com/policylayer/intercept, {@code policies/<name>.yaml}): the tool
 * names are the keys under {@code tools:}, each with its one-line description in the comment above it
 * ({@code #  name: description}); header comments give {@code Policy: X MCP Server}, {@code Server: owner/repo},
 * {@code Homepage:} and {@code Tags:}. The tools have no schema, so each gets {@code inputSchema: {type: object}}.
 */
public final class ScaffoldSource implements ImportSource {

    /** The kind of source, as the {@code source} field's label starts. */
    public static final String KIND = "PolicyLayer scaffold";

    private static final Pattern HEADER = Pattern.compile("^#\\s+(Policy|Server|Homepage|Tags):\\s*(.*?)\\s*$");

    private final String text;
    private final String origin;
    private final Optional<String> label;

    public ScaffoldSource(String text, String origin, Optional<String> label) {
        this.text = text;
        this.origin = origin;
        this.label = label;
    }

    @Override
    public Imported read() throws ImportException {
        SafeYaml.Result parsed = new SafeYaml().read(origin, text);
        if (parsed.hasErrors() || !(parsed.root().orElse(null) instanceof YamlNode.Mapping root)) {
            StringBuilder b = new StringBuilder(origin + " cannot be read as a policy scaffold:");
            parsed.diagnostics().forEach(d -> b.append('\n').append(d));
            throw new ImportException(b.toString());
        }
        if (!(root.get("tools").orElse(null) instanceof YamlNode.Mapping toolMap)) {
            throw new ImportException(origin + ": not a policy scaffold (no \"tools:\" mapping)");
        }
        List<String> lines = text.lines().toList();
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = HEADER.matcher(line);
            if (m.matches() && !m.group(2).isEmpty()) {
                header.putIfAbsent(m.group(1), m.group(2));
            }
        }
        List<String> notes = new ArrayList<>();
        List<Json.Obj> tools = new ArrayList<>();
        for (YamlNode.Entry e : toolMap.entries()) {
            String name = e.key();
            if (name.equals("*")) {
                notes.add("skipped the scaffold's \"*\" entry (it is a policy for all tools, not a tool)");
                continue;
            }
            int line = e.keyPosition().line() - 2;
            String description = "";
            if (line >= 0) {
                Matcher m = Pattern.compile("^\\s*#\\s+" + Pattern.quote(name) + ":\\s?(.*?)\\s*$").matcher(lines.get(line));
                if (m.matches()) {
                    description = m.group(1);
                }
            }
            Map<String, Json> tool = new LinkedHashMap<>();
            tool.put("name", Json.str(name));
            if (!description.isEmpty()) {
                tool.put("description", Json.str(description));
            }
            tool.put("inputSchema", ToolShape.EMPTY_SCHEMA);
            tools.add(new Json.Obj(tool));
        }
        Optional<String> server = Optional.ofNullable(header.get("Server"));
        Optional<String> homepage = Optional.ofNullable(header.get("Homepage"));
        Optional<String> repository = homepage.flatMap(JsonPaths::githubRepository)
                .or(() -> server.filter(s -> s.matches("[A-Za-z0-9-]+/[A-Za-z0-9_.-]+")).map(s -> "https://github.com/" + s));
        Optional<String> publisher = server.filter(s -> s.contains("/")).map(s -> s.substring(0, s.indexOf('/')))
                .or(() -> repository.flatMap(Merge::githubOwner));
        Optional<String> name = Optional.ofNullable(header.get("Policy")).map(p -> p.replaceFirst("\\s+MCP Server$", ""));
        List<String> tags = header.containsKey("Tags") ? List.of(header.get("Tags").split("\\s*,\\s*")) : List.of();
        String file = java.nio.file.Path.of(origin).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ServerFacts facts = new ServerFacts(Optional.of(file), name, publisher, repository, homepage, Optional.empty(),
                tags, Optional.empty(), Optional.empty());
        return new Imported(facts, tools, Imported.Detail.NAME_ONLY, KIND,
                label.orElse(KIND + " (policylayer/intercept, Apache-2.0): " + file), notes);
    }
}
