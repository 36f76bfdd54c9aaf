package org.mcpcatalogue.importer.bulk;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.importer.ImportException;
import org.mcpcatalogue.importer.Imported;
import org.mcpcatalogue.importer.Importer;
import org.mcpcatalogue.importer.NpmPackage;
import org.mcpcatalogue.importer.Sandbox;
import org.mcpcatalogue.importer.ServerFacts;
import org.mcpcatalogue.importer.StdioSource;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.text.HiddenText;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Runs a bulk list: each entry installed ({@link Installer}), started in the sandbox and asked for its tools
 * ({@link StdioSource}), imported into the catalogue ({@link Importer}, which writes each file atomically), and its
 * outcome recorded in the {@link StateFile} before the next is counted, {@code jobs} at a time. Entries the state
 * file has already are skipped (their recorded outcome is reported) unless {@code force}, or {@code retryFailed}
 * and they failed.
 */
public final class BulkImport {

    /** How to run. */
    public record Options(Path catalogue, String catalogueDisplay, int jobs, int installJobs, boolean force,
                          boolean retryFailed, boolean statusOnly, LocalDate verified, Duration requestTimeout,
                          Duration timeout) {
    }

    /**
     * The outcome of every entry of the list that has one (in list order), how many of them this run did, how many
     * it skipped as done before, and how many have none yet (with {@code statusOnly}).
     */
    public record Run(List<ServerResult> results, int ran, int skipped, int pending) {
        public Map<Outcome, Integer> counts() {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
            return counts;
        }

        public int tools() {
            return results.stream().filter(r -> r.outcome().inCatalogue()).mapToInt(ServerResult::tools).sum();
        }
    }

    private final Installer installer;
    private final StateFile state;
    private final Options options;
    private final PrintWriter progress;

    public BulkImport(Installer installer, StateFile state, Options options, PrintWriter progress) {
        this.installer = installer;
        this.state = state;
        this.options = options;
        this.progress = progress;
    }

    public Run run(List<BulkEntry> entries) throws IOException, InterruptedException {
        removeLeftovers(options.catalogue().resolve("servers"));
        List<ServerResult> results = new ArrayList<>();
        List<Future<ServerResult>> futures = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        int skipped = 0;
        List<BulkEntry> todo = new ArrayList<>();
        for (BulkEntry e : entries) {
            Optional<ServerResult> done = state.get(e.key());
            if (done.isPresent() && !options.force() && !(options.retryFailed() && !done.get().outcome().inCatalogue())) {
                skipped++;
            } else {
                todo.add(e);
            }
        }
        if (options.statusOnly()) {
            entries.forEach(e -> state.get(e.key()).ifPresent(results::add));
            return new Run(results, 0, results.size(), entries.size() - results.size());
        }
        int total = todo.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()), r -> {
            Thread t = new Thread(r, "import-bulk");
            t.setDaemon(true);
            return t;
        });
        // Installs run ahead of the imports, in list order, installJobs at a time: downloading is mostly waiting.
        ExecutorService installs = Executors.newFixedThreadPool(Math.max(1, options.installJobs()), r -> {
            Thread t = new Thread(r, "import-bulk-install");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.Map<BulkEntry, Future<Path>> installed = new java.util.HashMap<>();
            for (BulkEntry e : todo) {
                installed.put(e, installs.submit(() -> installer.prefix(e)));
            }
            java.util.Map<BulkEntry, Future<ServerResult>> byEntry = new java.util.HashMap<>();
            for (BulkEntry e : todo) {
                Future<ServerResult> f = pool.submit(() -> {
                    ServerResult r = one(e, installed.get(e));
                    state.record(r);
                    synchronized (progress) {
                        progress.println("[" + finished.incrementAndGet() + "/" + total + "] " + r.outcome().label() + ": "
                                + e.spec() + " -> " + e.slug() + (r.outcome().inCatalogue() ? " (" + r.tools() + " tools)" : "")
                                + (r.outcome().inCatalogue() ? "" : " — " + HiddenText.visible(r.detail())));
                        progress.flush();
                    }
                    return r;
                });
                byEntry.put(e, f);
                futures.add(f);
            }
            for (BulkEntry e : entries) {
                Future<ServerResult> f = byEntry.get(e);
                if (f == null) {
                    results.add(state.get(e.key()).orElseThrow());
                    continue;
                }
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException x) {
                    Throwable cause = x.getCause();
                    if (cause instanceof IOException io) {
                        throw io; // the state file could not be written: stop, nothing recorded is lost
                    }
                    throw new IllegalStateException("import of " + e.spec() + " failed unexpectedly", cause);
                }
            }
        } finally {
            pool.shutdownNow();
            installs.shutdownNow();
        }
        return new Run(results, total, skipped, 0);
    }

    /** One entry, start to end; never throws for a server's misbehaviour (that is its outcome). */
    ServerResult one(BulkEntry e, Future<Path> install) throws InterruptedException {
        String date = options.verified().toString();
        Path prefix;
        try {
            prefix = install.get();
        } catch (java.util.concurrent.ExecutionException x) {
            String why = x.getCause() instanceof Installer.Failed f ? f.getMessage() : String.valueOf(x.getCause());
            return new ServerResult(e.key(), Outcome.INSTALL_FAILED, 0, "", date, why);
        }
        Path packageDir = prefix.resolve("node_modules").resolve(e.packageName());
        PackageFacts pkg;
        try {
            pkg = PackageFacts.read(packageDir);
        } catch (IOException x) {
            return new ServerResult(e.key(), Outcome.INSTALL_FAILED, 0, "", date, "cannot read its package.json: " + x.getMessage());
        }
        Optional<Path> entryFile = pkg.entryFile(e.packageName(), e.entry());
        if (entryFile.isEmpty()) {
            return new ServerResult(e.key(), Outcome.NOT_MCP, 0, "", date, e.entry()
                    .map(x -> "the package has no bin or file " + x).orElse("the package has no program to start (no bin in package.json)"));
        }
        List<String> command = new ArrayList<>();
        if (!e.environment().isEmpty()) {
            command.add("env");
            command.addAll(e.environment());
        }
        command.add("node");
        command.add(entryFile.get().toString());
        e.arguments().forEach(a -> command.add(a.replace("{work}", Sandbox.HOME)));
        String label = "npm " + e.spec() + ", live tools/list over stdio";
        Imported imported;
        try {
            imported = new StdioSource(command, Optional.of(Sandbox.of(prefix)), options.requestTimeout(),
                    options.timeout(), Optional.of(label)).read();
        } catch (ImportException x) {
            return new ServerResult(e.key(), Failures.classify(x.getMessage()), 0, "", date, Failures.summary(x.getMessage()));
        }
        if (imported.tools().isEmpty()) {
            return new ServerResult(e.key(), Outcome.CRASHED, 0, "", date,
                    "listed no tools (a server that needs a setting to offer any, or offers only prompts or resources)");
        }
        imported = Importer.withoutInvalidTools(imported);
        ServerFacts server = imported.facts();
        Optional<String> repository = pkg.repository().or(pkg::homepage)
                .or(() -> Optional.of("https://www.npmjs.com/package/" + e.packageName()));
        Optional<String> publisher = repository.filter(r -> r.startsWith("https://github.com/")).isPresent()
                ? Optional.empty() : Optional.of(pkg.publisher(e.packageName()));
        // The registry entry (npm, name, version, stdio, the environment the list had to set) from the package's
        // own package.json: the pinned list names the package, its manifest says which version was installed.
        List<Json.Obj> packages = NpmPackage.read(packageDir.resolve("package.json"))
                .map(p -> List.of(p.entry(NpmPackage.environment(command)))).orElse(List.of());
        ServerFacts fromPackage = new ServerFacts(server.slugHint(), server.name(), publisher, repository,
                pkg.homepage().or(server::homepage), pkg.description().or(server::description), List.of(), pkg.license(),
                Optional.of("stdio"), packages, List.of());
        imported = new Imported(fromPackage, imported.tools(), imported.detail(), imported.kind(), imported.label(),
                imported.notes());
        Optional<String> description = placeholder(e.slug()) ? pkg.description() : Optional.empty();
        ServerFacts given = new ServerFacts(Optional.empty(), e.name(), e.publisher(), e.repository(), Optional.empty(),
                description, List.of(), Optional.empty(), Optional.empty());
        Importer.Report report;
        try {
            report = new Importer().run(imported, new Importer.Options(options.catalogue(), options.catalogueDisplay(),
                    Optional.of(e.slug()), given, options.verified()));
        } catch (ImportException x) {
            return new ServerResult(e.key(), Outcome.INVALID, 0, "", date, x.getMessage());
        }
        int toolChanges = (int) report.changes().stream().filter(c -> c.startsWith("added: ") || c.startsWith("removed: ")
                || c.startsWith("changed: ")).count();
        String notes = String.join("; ", report.notes());
        return switch (report.outcome()) {
            case INVALID -> new ServerResult(e.key(), Outcome.INVALID, 0, report.file(), date, report.diagnostics().stream()
                    .filter(Diagnostic::isError).map(Diagnostic::toString).findFirst().orElse("the new file does not validate"));
            case CREATED -> new ServerResult(e.key(), Outcome.IMPORTED, report.tools(), report.file(), date, notes);
            case UNCHANGED -> new ServerResult(e.key(), Outcome.UNCHANGED, report.tools(), report.file(), date, notes);
            case UPDATED -> toolChanges == 0
                    ? new ServerResult(e.key(), Outcome.UNCHANGED, report.tools(), report.file(), date,
                            "tools unchanged; " + (notes.isEmpty() ? "facts or verified date updated" : notes))
                    : new ServerResult(e.key(), Outcome.CHANGED, report.tools(), report.file(), date,
                            String.join("; ", report.changes()));
        };
    }

    /** Whether the slug's file exists with the placeholder description "<Name> MCP server." (then the package's replaces it). */
    private boolean placeholder(String slug) {
        Path file = options.catalogue().resolve("servers").resolve(slug + ".yaml");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            SafeYaml.Result r = new SafeYaml().read(file.toString(), Files.readAllBytes(file));
            if (r.root().orElse(null) instanceof YamlNode.Mapping m && m.toJson() instanceof Json.Obj doc) {
                String name = doc.get("name").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).orElse("");
                String d = doc.get("description").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).orElse("");
                return d.isBlank() || d.strip().equals(name + " MCP server.");
            }
        } catch (IOException | RuntimeException x) {
            return false;
        }
        return false;
    }

    /** Temporary files an interrupted write left in servers/ (never a server file: those are renamed into place). */
    static void removeLeftovers(Path servers) throws IOException {
        if (!Files.isDirectory(servers)) {
            return;
        }
        try (Stream<Path> files = Files.list(servers)) {
            for (Path p : files.filter(p -> p.getFileName().toString().matches("\\..+\\.yaml.*\\.tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Writes the report: a header, then one line per entry of the list, written to a temporary file and renamed. */
    public static void writeReport(Path file, Run run) throws IOException {
        StringBuilder b = new StringBuilder("# package@version slug\toutcome\ttools\tfile\tdate\tdetail\n");
        run.results().forEach(r -> b.append(r.line()).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
