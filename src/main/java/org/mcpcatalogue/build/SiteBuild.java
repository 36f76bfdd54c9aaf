package org.mcpcatalogue.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.mcpcatalogue.pipeline.Assessor;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.publish.Failures;
import org.mcpcatalogue.publish.OutputGuard;
import org.mcpcatalogue.publish.OutputLocation;
import org.mcpcatalogue.publish.Publisher;
import org.mcpcatalogue.render.AttackLoader;
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
 * <p>The result says how the build ended and why; nothing is printed here. Thread-safe: a {@code SiteBuild} keeps
 * no state between runs.
 */
public final class SiteBuild {

    /** How many check problems a result lists before summing up the rest. */
    public static final int PROBLEMS_SHOWN = 50;

    private final Publisher.FileWriter writer;

    public SiteBuild() {
        this(Publisher.FileWriter.FILES);
    }

    /** @param writer writes the site's files (tests pass one that fails as a full disk does) */
    public SiteBuild(Publisher.FileWriter writer) {
        this.writer = writer;
    }

    /** Runs the build; never throws for a user's mistake or a failure of the environment. */
    public BuildResult run(BuildRequest request, BuildListener listener) {
        return new Run(request, listener).run();
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

            CatalogueReport report;
            try {
                report = new Assessor(new Classifier(rules)).assess(validated.catalogue().get(),
                        (name, counts, ms) -> stage(new StageTiming(name, counts, ms)));
            } catch (RulesException | Assessor.ProofFailedException e) {
                return stopped(e.getMessage());
            }

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
            return renderCheckPublish(location, config, renderer, report, attacks, t);
        }

        /** Opens the new version, streams the rendered files into it while checking them, then publishes it. */
        private BuildResult renderCheckPublish(OutputLocation location, SiteConfig config, SiteRenderer renderer,
                                               CatalogueReport report, AttackLoader.Result attacks, long t) throws IOException {
            Publisher publisher = new Publisher(location, writer, new Publisher.Listener() {
                @Override
                public void waiting(String pid) {
                    listener.waiting(pid);
                }
            }, Publisher.WAIT);
            AtomicReference<Throwable> writeFailure = new AtomicReference<>();
            try (Publisher.Staging staging = publisher.begin()) {
                StreamingChecker checker = new StreamingChecker(config.base());
                AtomicInteger files = new AtomicInteger();
                try {
                    renderer.render(report, attacks.attacks(), o -> {
                        try {
                            staging.write(o);
                        } catch (IOException | RuntimeException | Error e) {
                            writeFailure.compareAndSet(null, e);
                            throw e;
                        }
                        files.incrementAndGet();
                        checker.accept(o);
                    });
                } catch (Templates.MissingValueException | IllegalArgumentException e) {
                    if (writeFailure.get() != e) {
                        return stopped("catalogue: " + e.getMessage());
                    }
                    throw e;
                }
                int pages = checker.pages();
                stage("render", files.get() + " files, " + pages + " pages", t);

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
                Publisher.Published published = staging.commit();
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
