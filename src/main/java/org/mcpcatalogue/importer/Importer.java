package org.mcpcatalogue.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;
import org.mcpcatalogue.validate.CatalogueValidator;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.classify.RulesException;

/**
 * Imports one source into the catalogue: works out the slug, checks the tool names, merges with the file
 * already there ({@link Merge}), writes the text ({@link ServerFile}), validates the catalogue with the new
 * file in it, and only then replaces the file, atomically. A file that would not validate is not written.
 */
public final class Importer {

    /** Where to import to, and the facts given on the command line. */
    public record Options(Path catalogue, String catalogueDisplay, Optional<String> slug, ServerFacts facts,
                          LocalDate verified) {
    }

    /** What happened to the file. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, INVALID }

    /** The import's report: the file, what happened, one line per tool change, notes, and the validator's findings. */
    public record Report(String file, Outcome outcome, int tools, List<String> changes, List<String> notes,
                         List<Diagnostic> diagnostics) {
        public Report {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Report run(Imported imported, Options options) throws ImportException {
        String slug = slug(imported, options);
        checkToolNames(imported.tools());
        Path file = options.catalogue().resolve("servers").resolve(slug + ".yaml");
        String display = join(join(options.catalogueDisplay(), "servers"), slug + ".yaml");
        List<String> found = new ArrayList<>();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // The same server under another slug: update that file rather than create a second one.
            Optional<Duplicates.Match> match = Duplicates.find(options.catalogue(), slug, imported,
                    options.facts().or(imported.facts()));
            if (match.isPresent() && !match.get().sameServer()) {
                String other = join(join(options.catalogueDisplay(), "servers"), match.get().slug() + ".yaml");
                throw new ImportException(display + " would duplicate " + other + ": " + match.get().reason()
                        + " (a fork or a republished package); validate refuses two such files, so nothing was written."
                        + " Add this package to " + other + " by hand if it is the same server, or leave it out", false);
            }
            if (match.isPresent()) {
                String other = join(join(options.catalogueDisplay(), "servers"), match.get().slug() + ".yaml");
                found.add("updating " + other + " instead of creating " + display + ": " + match.get().reason());
                slug = match.get().slug();
                file = options.catalogue().resolve("servers").resolve(slug + ".yaml");
                display = other;
            }
        }
        Optional<String> oldText = Optional.empty();
        Optional<Json.Obj> oldDoc = Optional.empty();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = read(file, display);
            SafeYaml.Result parsed = new SafeYaml().read(display, bytes);
            if (parsed.hasErrors() || !(parsed.root().orElse(null) instanceof YamlNode.Mapping root)) {
                StringBuilder b = new StringBuilder(display + " cannot be read as a server file; fix it first:");
                parsed.diagnostics().forEach(d -> b.append('\n').append(d));
                throw new ImportException(b.toString());
            }
            oldText = Optional.of(new String(bytes, StandardCharsets.UTF_8));
            oldDoc = Optional.of((Json.Obj) root.toJson());
        }
        Merge.Result merged = Merge.merge(oldDoc, imported, options.facts(), slug, options.verified());
        int tools = merged.document().get("tools").orElse(null) instanceof Json.Arr a ? a.items().size() : 0;
        List<String> notes = new ArrayList<>(found);
        notes.addAll(merged.notes());
        if (!merged.changed()) {
            return new Report(display, Outcome.UNCHANGED, tools, List.of(), notes, List.of());
        }
        String text;
        if (oldText.isPresent()) {
            ServerFile.Text edited = ServerFile.edit(oldText.get(), merged.document());
            if (!edited.keptLayout()) {
                notes.add(display + " is not in the block layout the catalogue uses; rewrote it in canonical form (its comments are not kept)");
            }
            text = edited.text();
        } else {
            text = ServerFile.render(merged.document());
        }
        List<Diagnostic> diagnostics = validate(options, slug, display, text);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new Report(display, Outcome.INVALID, tools, merged.changes(), notes, diagnostics);
        }
        write(file, text);
        return new Report(display, oldText.isPresent() ? Outcome.UPDATED : Outcome.CREATED, tools, merged.changes(),
                notes, diagnostics);
    }

    /** The given slug, or one made from the name given, the source's own identifier, or the source's name. */
    static String slug(Imported imported, Options options) throws ImportException {
        if (options.slug().isPresent()) {
            String s = options.slug().get();
            if (!org.mcpcatalogue.model.Server.validSlug(s)) {
                throw new ImportException("--slug " + HiddenText.quoted(s) + " is not a valid slug: lower-case words of a-z and 0-9 joined by \"-\", at most 64 characters"
                        + Slugs.slug(s).map(x -> " (e.g. " + x + ")").orElse(""), true);
            }
            return s;
        }
        ServerFacts f = options.facts();
        ServerFacts i = imported.facts();
        for (Optional<String> candidate : List.of(f.name(), i.slugHint(), i.name())) {
            Optional<String> s = candidate.flatMap(Slugs::slug);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new ImportException("cannot make a slug: give --slug (or --name)", true);
    }

    /** Tool names must be valid MCP names, unique, and unique once made into URL segments; reported, never changed. */
    static void checkToolNames(List<Json.Obj> tools) throws ImportException {
        Map<Json.Obj, String> problems = problems(tools);
        if (!problems.isEmpty()) {
            throw new ImportException("the source's tools cannot be imported as they are (nothing was written):\n  "
                    + String.join("\n  ", problems.values()));
        }
    }

    /**
     * The source's tools without those {@link #checkToolNames} would refuse, for {@code --skip-invalid-tools}: each
     * tool left out is named in a note and in the source label, so the file says what it does not hold.
     */
    public static Imported withoutInvalidTools(Imported imported) {
        Map<Json.Obj, String> problems = problems(imported.tools());
        if (problems.isEmpty()) {
            return imported;
        }
        List<String> notes = new ArrayList<>(imported.notes());
        problems.values().forEach(p -> notes.add("left out: " + p));
        List<String> names = problems.keySet().stream().map(t -> HiddenText.quoted(ToolShape.name(t))).toList();
        String label = imported.label() + " (left out: " + String.join(", ", names) + ", not valid MCP tool names)";
        return new Imported(imported.facts(), imported.tools().stream().filter(t -> !problems.containsKey(t)).toList(),
                imported.detail(), imported.kind(), label, notes);
    }

    private static Map<Json.Obj, String> problems(List<Json.Obj> tools) {
        Map<Json.Obj, String> problems = new java.util.LinkedHashMap<>();
        Map<String, String> bySlug = new HashMap<>();
        for (Json.Obj t : tools) {
            String name = ToolShape.name(t);
            if (!Tool.NAME.matcher(name).matches()) {
                problems.put(t, "tool name " + HiddenText.quoted(name) + " is not a valid MCP tool name (1–128 of A-Z a-z 0-9 _ . -)");
                continue;
            }
            String other = bySlug.putIfAbsent(Tool.slugOf(name), name);
            if (other != null) {
                problems.put(t, other.equals(name) ? "tool " + name + " is listed twice"
                        : "tools " + other + " and " + name + " collide: both become the page /tools/…/" + Tool.slugOf(name) + "/");
            }
        }
        return problems;
    }

    /** Validates the catalogue as it would be with the new text, in a scratch copy; returns the findings about that file. */
    private static List<Diagnostic> validate(Options options, String slug, String display, String text) throws ImportException {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("catalogue-import");
            Path servers = Files.createDirectories(scratch.resolve("servers"));
            Path source = options.catalogue().resolve("servers");
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source)) {
                    // Only regular files: a FIFO, device or link there is never opened (validate reports it).
                    for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                            .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                        Files.copy(p, servers.resolve(p.getFileName().toString()));
                    }
                }
            }
            Files.writeString(servers.resolve(slug + ".yaml"), text, StandardCharsets.UTF_8);
            CatalogueLoader.Result loaded = new CatalogueLoader().load(scratch, options.catalogueDisplay());
            CatalogueValidator.Result result = new CatalogueValidator(LocalDate.now(ZoneOffset.UTC),
                    RulesLoader.bundledOr(options.catalogue().resolve("rules/classification.yaml")).levels().floors())
                    .validate(loaded);
            // The new file's own findings, and any other file's finding that names it (a duplicate is reported at
            // whichever of the two files comes second).
            return result.diagnostics().stream()
                    .filter(d -> d.location().file().equals(display) || (d.isError() && d.message().contains(display)))
                    .toList();
        } catch (RulesException e) {
            throw new ImportException("cannot validate the new file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException("cannot validate the new file: " + e.getMessage(), e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void write(Path file, String text) throws ImportException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ImportException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String display) throws ImportException {
        try {
            return InputFiles.read(file, SafeYaml.Limits.DEFAULT.maxBytes(), InputFiles.Links.REFUSE);
        } catch (InputFiles.Refused e) {
            throw new ImportException("cannot read " + display + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left in the temp dir is harmless
        }
    }

    static String join(String dir, String name) {
        if (dir.isEmpty() || dir.equals(".")) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
