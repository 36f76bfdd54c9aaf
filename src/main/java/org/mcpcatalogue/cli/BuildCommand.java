package org.mcpcatalogue.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mcpcatalogue.check.SiteChecker;
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
import org.mcpcatalogue.render.Output;
import org.mcpcatalogue.render.SiteConfig;
import org.mcpcatalogue.render.SiteRenderer;
import org.mcpcatalogue.render.Templates;
import org.mcpcatalogue.validate.CatalogueValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code catalogue build}: load → validate → classify → recommend → prove → render → check → publish. Any error
 * stops the build before the output changes; the site is swapped in whole, only after every check passed.
 */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {"Build the static site: load and validate the catalogue, classify every tool, recommend and",
                "prove a policy per tool and server, render the pages, check every link, and publish atomically."})
public final class BuildCommand implements Callable<Integer> {

    @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "catalogue",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    String catalogue;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
            description = "Where to publish the site (default: ${DEFAULT-VALUE}). Replaced only by a build that passes every check,"
                    + " and only if a build made it (or it is empty); see docs/publishing.md.")
    String out;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://localhost:8000/",
            description = "The absolute URL the site will be served from, for canonical links, the sitemap and the feed"
                    + " (default: ${DEFAULT-VALUE}). Its path, if any, prefixes every internal link.")
    String baseUrl;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "The templates directory (default: templates/ of the installation, else ./templates).")
    Path templates;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "With an error of the environment (disk full, out of memory …), also print its stack trace.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private PrintWriter progress;
    private final Publisher.FileWriter writer;

    public BuildCommand() {
        this(Publisher.FileWriter.FILES);
    }

    /** @param writer writes the site's files (tests pass one that fails as a full disk does) */
    public BuildCommand(Publisher.FileWriter writer) {
        this.writer = writer;
    }

    /** Any failure of the environment (disk, memory) is one line naming the cause, exit 2; the site is unchanged. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return build(err);
        } catch (IOException | UncheckedIOException | OutOfMemoryError e) {
            return environmentFailed(err, "build stopped: " + Failures.describe(e) + "; " + out + " is unchanged", e);
        }
    }

    private int environmentFailed(PrintWriter err, String line, Throwable e) {
        err.println("catalogue: " + line);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return Main.USAGE;
    }

    private Integer build(PrintWriter err) throws IOException {
        progress = spec.commandLine().getOut();
        long start = System.nanoTime();
        SiteConfig config;
        try {
            config = SiteConfig.of(baseUrl);
        } catch (IllegalArgumentException e) {
            err.println("catalogue: " + e.getMessage());
            return Main.USAGE;
        }
        Path templatesDir = templates != null ? templates : defaultTemplates();
        OutputLocation location;
        try {
            location = OutputGuard.check(out, Path.of("").toAbsolutePath(), Path.of(catalogue), templatesDir);
        } catch (OutputGuard.Refused e) {
            err.println("catalogue: " + e.getMessage());
            return Main.USAGE;
        }

        long t = System.nanoTime();
        CatalogueLoader.Result loaded = new CatalogueLoader().load(Path.of(catalogue), catalogue);
        stage("load", loaded.files() + " files", t);
        t = System.nanoTime();
        Rules rules;
        try {
            rules = RulesLoader.bundledOr(Path.of(catalogue).resolve("rules/classification.yaml"));
        } catch (RulesException e) {
            err.println(e.getMessage());
            return stopped(err);
        }
        CatalogueValidator.Result validated = new CatalogueValidator(LocalDate.now(ZoneOffset.UTC), rules.levels().floors())
                .validate(loaded);
        stage("validate", validated.servers() + " servers, " + validated.tools() + " tools, " + validated.errors() + " errors, "
                + validated.warnings() + " warnings", t);
        if (validated.catalogue().isEmpty()) {
            validated.diagnostics().stream().filter(Diagnostic::isError).forEach(err::println);
            err.println("catalogue: build stopped: " + validated.errors() + " error(s) in the catalogue; " + out + "/ is unchanged");
            return Main.INVALID;
        }
        validated.diagnostics().forEach(d -> {
            if (!quiet) {
                err.println(d);
            }
        });

        CatalogueReport report;
        try {
            Classifier classifier = new Classifier(rules);
            report = new Assessor(classifier).assess(validated.catalogue().get(), (name, counts, ms) -> line(name, counts, ms));
        } catch (RulesException e) {
            err.println(e.getMessage());
            return stopped(err);
        } catch (Assessor.ProofFailedException e) {
            err.println(e.getMessage());
            return stopped(err);
        }

        t = System.nanoTime();
        SiteRenderer renderer;
        List<Output> files;
        try {
            renderer = new SiteRenderer(templatesDir, config);
            AttackLoader.Result attacks = new AttackLoader(renderer.markdown()).load(Path.of(catalogue).resolve("attacks"),
                    catalogue + "/attacks");
            if (attacks.diagnostics().stream().anyMatch(Diagnostic::isError)) {
                attacks.diagnostics().forEach(err::println);
                return stopped(err);
            }
            files = renderer.render(report, attacks.attacks());
        } catch (Templates.MissingValueException | IllegalArgumentException e) {
            err.println("catalogue: " + e.getMessage());
            return stopped(err);
        }
        long pages = files.stream().filter(f -> f.path().endsWith(".html")).count();
        stage("render", files.size() + " files, " + pages + " pages", t);

        t = System.nanoTime();
        List<SiteChecker.Problem> problems = new SiteChecker(config.base()).check(files);
        stage("check", pages + " pages, " + problems.size() + " problems", t);
        if (!problems.isEmpty()) {
            problems.stream().limit(50).forEach(err::println);
            if (problems.size() > 50) {
                err.println("… and " + (problems.size() - 50) + " more");
            }
            return stopped(err);
        }

        t = System.nanoTime();
        Publisher.Published published;
        try {
            published = new Publisher(location, writer, new Publisher.Listener() {
                @Override
                public void waiting(String pid) {
                    err.println("catalogue: waiting for build PID " + pid + " to finish publishing to " + out + " …");
                    err.flush();
                }
            }, Publisher.WAIT).publish(files);
        } catch (OutputGuard.Refused e) {
            err.println("catalogue: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException | UncheckedIOException | OutOfMemoryError e) {
            return environmentFailed(err, "cannot publish to " + out + ": " + Failures.describe(e) + "; the previous site is unchanged", e);
        }
        stage("publish", out + "/ (" + published.files() + " files, " + String.format(Locale.ROOT, "%.1f MiB", published.bytes() / 1048576.0) + ")", t);
        if (!quiet) {
            progress.println(String.format(Locale.ROOT, "built %s/ in %.1f s", out, (System.nanoTime() - start) / 1e9));
            progress.flush();
        }
        return Main.OK;
    }

    private int stopped(PrintWriter err) {
        err.println("catalogue: build stopped; " + out + "/ is unchanged");
        return Main.INVALID;
    }

    private void stage(String name, String counts, long startNanos) {
        line(name, counts, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void line(String name, String counts, long millis) {
        if (!quiet) {
            progress.println(String.format(Locale.ROOT, "%-10s %-60s %6d ms", name, counts, millis));
            progress.flush();
        }
    }

    /** templates/ next to the installation ({@code -Dcatalogue.home}, set by bin/catalogue), else ./templates. */
    static Path defaultTemplates() {
        String home = System.getProperty("catalogue.home");
        if (home != null && Files.isDirectory(Path.of(home, "templates"))) {
            return Path.of(home, "templates");
        }
        return Path.of("templates");
    }
}
