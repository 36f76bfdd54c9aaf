package org.mcpcatalogue.classify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.yaml.SafeYaml;

/**
 * Agreement of the classifier with a labelled set, printed as a report.
 *
 * <p>{@link AccuracyTest} runs it on labelled-tools.yaml. Run on its own, it reports on the catalogue set
 * (src/test/resources/classify/labelled-catalogue.yaml, see docs/labelling.md) for one split:
 *
 * <pre>
 * mvn -B -q -o package -DskipTests
 * java -cp target/test-classes:target/catalogue.jar org.mcpcatalogue.classify.AccuracyReport dev
 * </pre>
 *
 * from the repository root (the rules are read from {@link RulesLoader#REPOSITORY_PATH}). The argument is
 * {@code dev}, {@code test} or {@code all}, optionally followed by another set file. The test split is frozen: run it
 * to report, never to tune a rule.
 */
public final class AccuracyReport {

    record Miss(LabelledSet.Entry entry, Verdict verdict) {
    }

    final int total;
    final int agreed;
    final int hardTotal;
    final int hardAgreed;
    final List<Miss> misses;
    final Map<Category, Map<Category, Integer>> confusion = new EnumMap<>(Category.class);

    AccuracyReport(Classifier classifier, List<LabelledSet.Entry> entries) {
        this(classifier, entries, Map.of());
    }

    /**
     * With the tags of each server (by name), as the build classifies a catalogue tool: a tool of a server tagged
     * {@code paid-inference} is judged in that context.
     */
    AccuracyReport(Classifier classifier, List<LabelledSet.Entry> entries, Map<String, Set<String>> tags) {
        int a = 0;
        int h = 0;
        int ha = 0;
        List<Miss> m = new java.util.ArrayList<>();
        for (LabelledSet.Entry e : entries) {
            Verdict v = classifier.classify(uncurated(e.tool()), tags.getOrDefault(e.server(), Set.of()));
            confusion.computeIfAbsent(e.label(), k -> new EnumMap<>(Category.class)).merge(v.category(), 1, Integer::sum);
            boolean ok = v.category() == e.label();
            if (ok) {
                a++;
            } else {
                m.add(new Miss(e, v));
            }
            if (e.hard()) {
                h++;
                if (ok) {
                    ha++;
                }
            }
        }
        total = entries.size();
        agreed = a;
        hardTotal = h;
        hardAgreed = ha;
        misses = List.copyOf(m);
    }

    /**
     * The tool without its curator's {@code classification:}: the report measures the rules, never a curated
     * verdict (curation is for the published site; an override copied from a label would make the report agree
     * with itself).
     */
    static Tool uncurated(Tool t) {
        return new Tool(t.name(), t.slug(), t.title(), t.description(), t.inputSchema(), t.outputSchema(), t.annotations(),
                java.util.Optional.empty(), t.hiddenCharacters(), t.storedFingerprint(), t.location());
    }

    double agreement() {
        return agreed / (double) total;
    }

    /** Tools labelled {@code label} that the classifier also put there. */
    int agreedOn(Category label) {
        return confusion.getOrDefault(label, Map.of()).getOrDefault(label, 0);
    }

    /** Tools labelled {@code label}. */
    int labelled(Category label) {
        return confusion.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Tools the classifier put in {@code verdict}, whatever their label. */
    int judged(Category verdict) {
        return confusion.values().stream().mapToInt(row -> row.getOrDefault(verdict, 0)).sum();
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("agreement: %d/%d = %.1f%% (hard %d/%d, other %d/%d)%n", agreed, total, 100 * agreement(),
                hardAgreed, hardTotal, agreed - hardAgreed, total - hardTotal));
        b.append("confusion (label -> verdict):\n");
        for (var row : confusion.entrySet()) {
            b.append("  ").append(row.getKey().label()).append(": ").append(row.getValue()).append('\n');
        }
        b.append("disagreements:\n");
        for (Miss miss : misses) {
            b.append(String.format("  %-55s label %-11s verdict %-11s %s%n", miss.entry().id(), miss.entry().label().label(),
                    miss.verdict().category().label(), miss.verdict().signals().isEmpty() ? "" : miss.verdict().signals().get(0)));
        }
        return b.toString();
    }

    /** The agreement, a confusion table with one row per label and one column per verdict, and per-label recall. */
    String renderTable() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("agreement: %d/%d = %.1f%% (hard %d/%d, other %d/%d)%n", agreed, total, 100 * agreement(),
                hardAgreed, hardTotal, agreed - hardAgreed, total - hardTotal));
        b.append(String.format("%-13s", "label\\verdict"));
        for (Category c : Category.values()) {
            b.append(String.format("%12s", c.label()));
        }
        b.append(String.format("%8s %s%n", "total", "agreement"));
        for (Category label : Category.values()) {
            int n = labelled(label);
            b.append(String.format("%-13s", label.label()));
            for (Category verdict : Category.values()) {
                b.append(String.format("%12d", confusion.getOrDefault(label, Map.of()).getOrDefault(verdict, 0)));
            }
            b.append(String.format("%8d %s%n", n, n == 0 ? "-" : String.format("%d/%d = %.1f%%", agreedOn(label), n,
                    100.0 * agreedOn(label) / n)));
        }
        int fin = judged(Category.FINANCIAL);
        b.append(String.format("Financial verdicts that are Financial: %d/%d%n", agreedOn(Category.FINANCIAL), fin));
        return b.toString();
    }

    // ---- the catalogue set (labelled-catalogue.yaml)

    static final Path SERVERS = Path.of("catalogue/servers");

    /** The {@code tags} of every server file of catalogue/servers, by file stem (the set's {@code server}). */
    static Map<String, Set<String>> serverTags() throws IOException {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        try (var files = Files.list(SERVERS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                var result = new SafeYaml().read(f.toString(), Files.readAllBytes(f));
                if (result.hasErrors() || result.root().isEmpty() || !(result.root().get().toJson() instanceof Json.Obj o)) {
                    continue;
                }
                Set<String> tags = new java.util.LinkedHashSet<>();
                if (o.get("tags").orElse(null) instanceof Json.Arr arr) {
                    arr.items().forEach(t -> {
                        if (t instanceof Json.Str str) {
                            tags.add(str.value());
                        }
                    });
                }
                String stem = f.getFileName().toString();
                out.put(stem.substring(0, stem.length() - ".yaml".length()), tags);
            }
        }
        return out;
    }

    static final Path CATALOGUE_FILE = Path.of("src/test/resources/classify/labelled-catalogue.yaml");
    static final List<String> SPLITS = List.of("dev", "test");

    /** One entry of the catalogue set as written, label and split still unchecked. */
    record CatalogueEntry(String server, String source, Tool tool, String label, String split, String reason, boolean hard) {

        Optional<Category> category() {
            return Category.fromLabel(label);
        }

        LabelledSet.Entry entry() {
            return new LabelledSet.Entry(server, source, tool, category().orElseThrow(), reason, hard);
        }
    }

    /** Reads a catalogue set; an unreadable file or an entry missing a field is an IllegalStateException. */
    static List<CatalogueEntry> readCatalogue(Path file) throws IOException {
        // The set is one file of some 1,600 tools, larger than a server file may be; the other limits hold.
        var result = new SafeYaml(new SafeYaml.Limits(16 << 20, SafeYaml.Limits.DEFAULT.maxDepth()))
                .read(file.toString(), Files.readAllBytes(file));
        if (result.hasErrors()) {
            throw new IllegalStateException(result.diagnostics().toString());
        }
        if (!(result.root().orElseThrow(() -> new IllegalStateException(file + ": empty")).toJson() instanceof Json.Arr arr)) {
            throw new IllegalStateException(file + ": expected a sequence of entries");
        }
        List<CatalogueEntry> out = new ArrayList<>();
        for (Json item : arr.items()) {
            if (!(item instanceof Json.Obj o)) {
                throw new IllegalStateException(file + ": entry " + (out.size() + 1) + " is not a mapping");
            }
            Tool tool = ToolJson.read(o, file.toString());
            out.add(new CatalogueEntry(str(file, o, "server"), str(file, o, "source"), tool, str(file, o, "label"),
                    str(file, o, "split"), str(file, o, "reason"), o.get("hard").map(Json.TRUE::equals).orElse(false)));
        }
        return out;
    }

    /** What is wrong with a catalogue set: unknown labels or splits, empty reasons, a tool twice on one server. */
    static List<String> problems(List<CatalogueEntry> entries) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CatalogueEntry e : entries) {
            String id = e.server() + "/" + e.tool().name();
            if (e.category().isEmpty()) {
                out.add(id + ": unknown label " + e.label());
            }
            if (!SPLITS.contains(e.split())) {
                out.add(id + ": split must be dev or test, is " + e.split());
            }
            if (e.reason().isBlank()) {
                out.add(id + ": empty reason");
            }
            if (!seen.add(id)) {
                out.add(id + ": labelled twice");
            }
        }
        return out;
    }

    private static String str(Path file, Json.Obj o, String key) {
        if (o.get(key).orElse(null) instanceof Json.Str s) {
            return s.value();
        }
        throw new IllegalStateException(file + ": an entry has no string \"" + key + "\": " + o.get("name").orElse(Json.NULL));
    }

    /** Reports on one split of the catalogue set. Exit code 0 when the report was printed, 1 for a bad set, 2 for usage. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || !(SPLITS.contains(args[0]) || args[0].equals("all"))) {
            err.println("usage: AccuracyReport dev|test|all [SET_FILE]   (default " + CATALOGUE_FILE + ")");
            return 2;
        }
        Path file = args.length == 2 ? Path.of(args[1]) : CATALOGUE_FILE;
        List<CatalogueEntry> all;
        try {
            all = readCatalogue(file);
        } catch (NoSuchFileException e) {
            err.println(file + ": error: no such file");
            return 2;
        } catch (IOException e) {
            err.println(file + ": error: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        List<String> problems = problems(all);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(file + ": error: " + p));
            return 1;
        }
        List<LabelledSet.Entry> chosen = all.stream().filter(e -> args[0].equals("all") || e.split().equals(args[0]))
                .map(CatalogueEntry::entry).toList();
        if (chosen.isEmpty()) {
            err.println(file + ": error: no entries in split " + args[0]);
            return 1;
        }
        Classifier classifier = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
        Map<String, Set<String>> tags;
        try {
            tags = serverTags();
        } catch (IOException e) {
            err.println(SERVERS + ": error: " + e.getMessage());
            return 2;
        }
        AccuracyReport report = new AccuracyReport(classifier, chosen, tags);
        out.printf("catalogue set %s, split %s: %d tools from %d servers%n", file, args[0], chosen.size(),
                chosen.stream().map(LabelledSet.Entry::server).distinct().count());
        out.print(report.renderTable());
        out.println("disagreements:");
        for (Miss miss : report.misses) {
            out.printf("  %-55s label %-11s verdict %-11s %s%n", miss.entry().id(), miss.entry().label().label(),
                    miss.verdict().category().label(), miss.verdict().signals().isEmpty() ? "" : miss.verdict().signals().get(0));
        }
        return 0;
    }
}
