package org.mcpcatalogue.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mcpcatalogue.build.BuildListener;
import org.mcpcatalogue.build.BuildRequest;
import org.mcpcatalogue.build.BuildResult;
import org.mcpcatalogue.build.SiteBuild;
import org.mcpcatalogue.build.StageTiming;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.publish.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;


/**
 * {@code catalogue build}: a thin shell over {@link SiteBuild} (load → validate → classify → recommend → prove →
 * render → check → publish). Any error stops the build before the output changes; the site is swapped in whole,
 * only after every check passed.
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

    @Option(names = "--clean", description = "Make every file anew: reuse nothing of the published site (by default a build"
            + " redoes only what changed since it; see docs/publishing.md).")
    boolean clean;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "With an error of the environment (disk full, out of memory …), also print its stack trace.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Publisher.FileWriter writer;

    public BuildCommand() {
        this(Publisher.FileWriter.FILES);
    }

    /** @param writer writes the site's files (tests pass one that fails as a full disk does) */
    public BuildCommand(Publisher.FileWriter writer) {
        this.writer = writer;
    }

    /** Runs {@link SiteBuild} and prints what it reports; the exit code follows its status. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter progress = spec.commandLine().getOut();
        Path templatesDir = templates != null ? templates : defaultTemplates();
        BuildResult result = new SiteBuild(writer).run(new BuildRequest(Path.of(catalogue), catalogue, templatesDir, out, baseUrl, clean),
                new BuildListener() {
                    @Override
                    public void stage(StageTiming s) {
                        if (!quiet) {
                            progress.println(String.format(Locale.ROOT, "%-10s %-60s %6d ms", s.name(), s.counts(), s.millis()));
                            progress.flush();
                        }
                    }

                    @Override
                    public void warning(Diagnostic d) {
                        if (!quiet) {
                            err.println(d);
                        }
                    }

                    @Override
                    public void waiting(String pid) {
                        err.println("catalogue: waiting for build PID " + pid + " to finish publishing to " + out + " …");
                        err.flush();
                    }
                });
        result.errors().forEach(err::println);
        if (verbose) {
            result.cause().ifPresent(e -> e.printStackTrace(err));
        }
        err.flush();
        if (result.ok() && !quiet) {
            progress.println(String.format(Locale.ROOT, "built %s/ in %.1f s", out, result.millis() / 1e3));
            progress.flush();
        }
        return switch (result.status()) {
            case OK -> Main.OK;
            case INVALID -> Main.INVALID;
            case USAGE, ENVIRONMENT -> Main.USAGE;
        };
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
