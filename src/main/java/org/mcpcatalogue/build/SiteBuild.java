package org.mcpcatalogue.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mcpcatalogue.check.SiteChecker;
import org.mcpcatalogue.check.StreamingChecker;
import org.mcpcatalogue.classify.Classifier;
import org.mcpcatalogue.classify.Rules;
import org.mcpcatalogue.classify.RulesException;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.pipeline.Assessor;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;
import org.mcpcatalogue.publish.Failures;
import org.mcpcatalogue.publish.OutputGuard;
import org.mcpcatalogue.publish.OutputLocation;
import org.mcpcatalogue.publish.Publisher;
import org.mcpcatalogue.render.Attack;
import org.mcpcatalogue.render.AttackLoader;
import org.mcpcatalogue.render.Output;
import org.mcpcatalogue.render.SiteConfig;
import org.mcpcatalogue.render.SiteRenderer;
import org.mcpcatalogue.render.Templates;
import org.mcpcatalogue.validate.CatalogueValidator;

/**
 * One build of the site: load → validate → classify → recommend → prove → render → check → publish.
 *
 * <p>Render, check and publish stream: the publisher's new version is opened (under the output's lock) before
 * rendering, every file is written into it as soon as it is rendered, and each page is checked then, from what
 * it holds (parsed once; see {@link StreamingChecker}); links between files are resolved once everything is
 * written. Nothing rendered is kept in memory. Only when every check passed is the version published, by the
 * publisher's atomic flip; any error removes it and leaves the previous site as it was.
 *
 * <p>Builds are incremental (docs/publishing.md, "Incremental builds"): every input file is digested first, and
 * if the published version's {@link Manifest} says it was made from exactly these inputs by this code, nothing is
 * done. Otherwise each server's assessment is reused while its file, the rules and the code are unchanged (within
 * one {@code SiteBuild}, as {@code catalogue serve} keeps it), each server's own files (tool pages, server page, API
 * file, policy) are hard-linked from the published version while their key is unchanged (the server file, the
 * rules, the templates they use, what they show of the attacks and of other servers), and every file across
 * servers is rendered and hard-linked when its bytes are the published ones. {@link BuildRequest#clean()} reuses
 * nothing.
 *
 * <p>The result says how the build ended and why; nothing is printed here. Thread-safe: runs of one
 * {@code SiteBuild} take turns; between them it keeps only its {@link BuildMemory}.
 */
public final class SiteBuild {

    /** How many check problems a result lists before summing up the rest. */
    public static final int PROBLEMS_SHOWN = 50;

    private final Publisher.FileWriter writer;
    private BuildMemory memory = BuildMemory.EMPTY; // guarded by this

    public SiteBuild() {
        this(Publisher.FileWriter.FILES);
    }

    /** @param writer writes the site's files (tests pass one that fails as a full disk does) */
    public SiteBuild(Publisher.FileWriter writer) {
        this.writer = writer;
    }

    /** Runs the build; never throws for a user's mistake or a failure of the environment. */
    public synchronized BuildResult run(BuildRequest request, BuildListener listener) {
        return new Run(request, listener).run();
    }

    /** The key of a server's assessment: the code, the server file's name and digest, and the rest of the catalogue but servers and attacks (the rules). */
    static String reportKey(String code, String file, Inputs inputs, String shared) {
        return Hashes.ofLines("report", code, file, inputs.server(file), shared);
    }

    /** The server file's name ({@code x.yaml}), which names its unit. */
    static String fileOf(ServerReport s) {
        return Path.of(s.server().location().file()).getFileName().toString();
    }

    /** The state of one run. */
    private final class Run {
        private final BuildRequest request;
        private final BuildListener listener;
        private final long start = System.nanoTime();
        private final List<String> errors = new ArrayList<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final List<StageTiming> stages = new ArrayList<>();

        Run(BuildRequest request, BuildListener listener) {
            this.request = request;
            this.listener = listener;
        }

        BuildResult run() {
            try {
                return build();
            } catch (IOException | UncheckedIOException | OutOfMemoryError e) {
                return environment("catalogue: build stopped: " + Failures.describe(e) + "; " + request.out() + " is unchanged", e);
            }
        }

        private BuildResult build() throws IOException {
            SiteConfig config;
            try {
                config = SiteConfig.of(request.baseUrl());
            } catch (IllegalArgumentException e) {
                return usage("catalogue: " + e.getMessage());
            }
            OutputLocation location;
            try {
                location = OutputGuard.check(request.out(), Path.of("").toAbsolutePath(), request.catalogue(), request.templates());
            } catch (OutputGuard.Refused e) {
                return usage("catalogue: " + e.getMessage());
            }

            long t = System.nanoTime();
            Inputs inputs = Inputs.of(request.catalogue(), request.templates());
            String code = Hashes.code();
            if (!request.clean()) {
                Optional<BuildResult> unchanged = unchanged(location, inputs, code, t);
                if (unchanged.isPresent()) {
                    return unchanged.get();
                }
            }
            CatalogueLoader.Result loaded = new CatalogueLoader().load(request.catalogue(), request.catalogueLabel());
            stage("load", loaded.files() + " files", t);
            t = System.nanoTime();
            Rules rules;
            try {
                rules = RulesLoader.bundledOr(request.rules());
            } catch (RulesException e) {
                return stopped(e.getMessage());
            }
            CatalogueValidator.Result validated = new CatalogueValidator(LocalDate.now(ZoneOffset.UTC), rules.levels().floors())
                    .validate(loaded);
            diagnostics.addAll(validated.diagnostics());
            stage("validate", validated.servers() + " servers, " + validated.tools() + " tools, " + validated.errors() + " errors, "
                    + validated.warnings() + " warnings", t);
            if (validated.catalogue().isEmpty()) {
                validated.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> errors.add(d.toString()));
                errors.add("catalogue: build stopped: " + validated.errors() + " error(s) in the catalogue; " + request.out() + "/ is unchanged");
                return result(BuildResult.Status.INVALID, Optional.empty(), Optional.empty());
            }
            validated.diagnostics().forEach(listener::warning);

            String shared = inputs.catalogueShared();
            Map<String, ServerReport> kept = request.clean() ? Map.of() : memory.reports();
            List<Server> all = validated.catalogue().get().servers();
            Map<String, String> keys = new HashMap<>();
            List<Server> fresh = new ArrayList<>();
            for (Server s : all) {
                String file = Path.of(s.location().file()).getFileName().toString();
                String key = reportKey(code, file, inputs, shared);
                keys.put(s.slug(), key);
                if (!kept.containsKey(key)) {
                    fresh.add(s);
                }
            }
            int reused = all.size() - fresh.size();
            CatalogueReport assessed;
            try {
                assessed = new Assessor(new Classifier(rules)).assess(new Catalogue(fresh),
                        (name, counts, ms) -> stage(new StageTiming(name, name.equals("classify") && reused > 0
                                ? counts + " (" + reused + " unchanged servers not reassessed)" : counts, ms)));
            } catch (RulesException | Assessor.ProofFailedException e) {
                return stopped(e.getMessage());
            }
            Map<String, ServerReport> bySlug = new HashMap<>();
            assessed.servers().forEach(r -> bySlug.put(r.server().slug(), r));
            List<ServerReport> merged = new ArrayList<>();
            Map<String, ServerReport> reports = new HashMap<>();
            for (Server s : all) {
                ServerReport r = bySlug.containsKey(s.slug()) ? bySlug.get(s.slug()) : kept.get(keys.get(s.slug()));
                merged.add(r);
                reports.put(keys.get(s.slug()), r);
            }
            CatalogueReport report = new CatalogueReport(merged, rules.levels().floors());
            Context context = new Context(inputs, code, shared, reports, validated.diagnostics());

            t = System.nanoTime();
            SiteRenderer renderer;
            AttackLoader.Result attacks;
            try {
                renderer = new SiteRenderer(request.templates(), config);
                attacks = new AttackLoader(renderer.markdown()).load(request.catalogue().resolve("attacks"),
                        request.catalogueLabel() + "/attacks");
            } catch (Templates.MissingValueException | IllegalArgumentException e) {
                return stopped("catalogue: " + e.getMessage());
            }
            if (attacks.diagnostics().stream().anyMatch(Diagnostic::isError)) {
                attacks.diagnostics().forEach(d -> errors.add(d.toString()));
                return stopped();
            }
            return renderCheckPublish(location, config, renderer, report, attacks, context, t);
        }

        /** A result saying nothing changed, if the published version was made from exactly these inputs by this code. */
        private Optional<BuildResult> unchanged(OutputLocation location, Inputs inputs, String code, long t) {
            Path shown;
            try {
                shown = location.path().toRealPath();
            } catch (IOException e) {
                return Optional.empty(); // nothing published yet
            }
            Optional<Manifest> manifest = Manifest.read(shown);
            if (manifest.isEmpty() || !manifest.get().sameInputs(code, request.baseUrl(), inputs)) {
                return Optional.empty();
            }
            manifest.get().warnings().forEach(stored -> {
                Diagnostic d = relabel(stored, CATALOGUE_LABEL + "/", request.catalogueLabel() + "/");
                diagnostics.add(d);
                listener.warning(d);
            });
            int files = manifest.get().across().size() + manifest.get().units().values().stream().mapToInt(u -> u.outputs().size()).sum();
            stage("unchanged", inputs.files().size() + " input files as when " + request.out() + "/ was built; nothing to do", t);
            return Optional.of(result(BuildResult.Status.OK, Optional.of(new Publisher.Published(shown, files, 0L)), Optional.empty()));
        }

        /**
         * Opens the new version, streams the rendered files into it while checking them (reusing what is unchanged
         * since the published version), then publishes it.
         */
        private BuildResult renderCheckPublish(OutputLocation location, SiteConfig config, SiteRenderer renderer,
                                               CatalogueReport report, AttackLoader.Result attacks, Context context,
                                               long t) throws IOException {
            Publisher publisher = new Publisher(location, writer, new Publisher.Listener() {
                @Override
                public void waiting(String pid) {
                    listener.waiting(pid);
                }
            }, Publisher.WAIT);
            AtomicReference<Throwable> writeFailure = new AtomicReference<>();
            try (Publisher.Staging staging = publisher.begin()) {
                StreamingChecker checker = new StreamingChecker(config.base());
                Reuse reuse = new Reuse(staging, checker, request.clean() ? BuildMemory.EMPTY : memory, request.clean(),
                        Hashes.ofLines("unit", context.code(), request.baseUrl(), context.shared(),
                                context.inputs().serverTemplates(request.templates()), attacksDigest(attacks.attacks())),
                        context.inputs());
                AtomicInteger files = new AtomicInteger();
                try {
                    renderer.render(report, attacks.attacks(), reuse, (server, o) -> {
                        try {
                            reuse.put(server, o);
                        } catch (IOException | RuntimeException | Error e) {
                            writeFailure.compareAndSet(null, e);
                            throw e;
                        }
                        files.incrementAndGet();
                    });
                } catch (Templates.MissingValueException | IllegalArgumentException e) {
                    if (writeFailure.get() != e) {
                        return stopped("catalogue: " + e.getMessage());
                    }
                    throw e;
                }
                int pages = checker.pages();
                stage("render", files.get() + " files rendered, " + reuse.reusedFiles() + " reused (" + reuse.reusedUnits()
                        + " unchanged servers), " + pages + " pages", t);

                t = System.nanoTime();
                List<SiteChecker.Problem> problems = checker.finish(
                        page -> java.nio.file.Files.readString(staging.version().resolve(page)));
                stage("check", pages + " pages, " + problems.size() + " problems", t);
                if (!problems.isEmpty()) {
                    problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> errors.add(p.toString()));
                    if (problems.size() > PROBLEMS_SHOWN) {
                        errors.add("… and " + (problems.size() - PROBLEMS_SHOWN) + " more");
                    }
                    return stopped();
                }

                t = System.nanoTime();
                Manifest manifest = reuse.manifest(context.code(), request.baseUrl(),
                        context.warnings().stream().filter(d -> !d.isError())
                                .map(d -> relabel(d, request.catalogueLabel() + "/", CATALOGUE_LABEL + "/")).toList());
                staging.write(new Output(Manifest.FILE, manifest.toBytes()));
                Publisher.Published published = staging.commit();
                memory = new BuildMemory(context.reports(), Optional.of(published.version().toRealPath()), reuse.units());
                stage("publish", request.out() + "/ (" + published.files() + " files, "
                        + String.format(Locale.ROOT, "%.1f MiB", published.bytes() / 1048576.0) + ")", t);
                return result(BuildResult.Status.OK, Optional.of(published), Optional.empty());
            } catch (OutputGuard.Refused e) {
                return usage("catalogue: " + e.getMessage());
            } catch (IOException | UncheckedIOException | OutOfMemoryError e) {
                if (writeFailure.get() == null && !fromPublisher(e)) {
                    throw e; // reading an input (an asset) failed: the build stopped, nothing was published
                }
                return environment("catalogue: cannot publish to " + request.out() + ": " + Failures.describe(e)
                        + "; the previous site is unchanged", e);
            }
        }

        private BuildResult stopped(String message) {
            errors.add(message);
            return stopped();
        }

        private BuildResult stopped() {
            errors.add("catalogue: build stopped; " + request.out() + "/ is unchanged");
            return result(BuildResult.Status.INVALID, Optional.empty(), Optional.empty());
        }

        private BuildResult usage(String message) {
            errors.add(message);
            return result(BuildResult.Status.USAGE, Optional.empty(), Optional.empty());
        }

        private BuildResult environment(String message, Throwable cause) {
            errors.add(message);
            return result(BuildResult.Status.ENVIRONMENT, Optional.empty(), Optional.of(cause));
        }

        private BuildResult result(BuildResult.Status status, Optional<Publisher.Published> published, Optional<Throwable> cause) {
            return new BuildResult(status, errors, diagnostics, stages, published, cause, (System.nanoTime() - start) / 1_000_000);
        }

        private void stage(String name, String counts, long startNanos) {
            stage(new StageTiming(name, counts, (System.nanoTime() - startNanos) / 1_000_000));
        }

        private void stage(StageTiming timing) {
            stages.add(timing);
            listener.stage(timing);
        }
    }

    /** How the manifest names the catalogue folder in the warnings it keeps (each build names it as its user wrote it). */
    static final String CATALOGUE_LABEL = "<catalogue>";

    /** The diagnostic with its file's leading {@code from} replaced by {@code to}. */
    static Diagnostic relabel(Diagnostic d, String from, String to) {
        String file = d.location().file();
        if (!file.startsWith(from)) {
            return d;
        }
        return new Diagnostic(new org.mcpcatalogue.diag.Location(to + file.substring(from.length()), d.location().line(),
                d.location().column()), d.severity(), d.message());
    }

    /** What one run computed before rendering that the reuse and the memory need. */
    private record Context(Inputs inputs, String code, String shared, Map<String, ServerReport> reports,
                           List<Diagnostic> warnings) {
    }

    /**
     * What a server's own pages show of the attacks: each attack's id, title, summary, severity, categories and
     * flags (not its body, which only its own page shows).
     */
    static String attacksDigest(List<Attack> attacks) {
        List<String> lines = new ArrayList<>();
        for (Attack a : attacks) {
            lines.add(String.join("\u0000", a.id(), a.title(), a.summary(), a.severity(), a.categories().toString(), a.flags().toString()));
        }
        return Hashes.ofLines(lines.toArray(String[]::new));
    }

    /** Whether a failure arose in publishing (the lock, the versions, the flip) rather than in reading inputs. */
    private static boolean fromPublisher(Throwable e) {
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().startsWith("org.mcpcatalogue.publish.")) {
                return true;
            }
        }
        return false;
    }
}
