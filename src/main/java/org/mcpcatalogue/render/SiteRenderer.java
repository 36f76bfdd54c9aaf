package org.mcpcatalogue.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mcpcatalogue.concurrent.Parallel;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;

/**
 * Stage 6, render: turns the assessed catalogue into the site's files, handing each to a sink as soon as it is
 * rendered (the build writes and checks it there); pages are rendered in parallel by the templates compiled
 * once; static assets are copied from {@code templates/assets/}.
 */
public final class SiteRenderer {

    private final Path templatesDir;
    private final Templates templates;
    private final Content content;
    private final SiteConfig config;
    private final Markdown markdown;

    public SiteRenderer(Path templatesDir, SiteConfig config) {
        this.templatesDir = templatesDir;
        this.templates = new Templates(templatesDir);
        this.content = new Content(templatesDir);
        this.config = config;
        this.markdown = new Markdown(config.base());
    }

    public Markdown markdown() {
        return markdown;
    }

    /** Where rendered files go, one by one, from several threads at once. */
    @FunctionalInterface
    public interface Sink {
        void accept(Output file) throws IOException;
    }

    /**
     * Which servers' own files (tool pages, server page, API file, policy) an incremental build renders. Every file
     * across servers is always rendered (the build compares it with the published one).
     */
    public interface Plan {
        /**
         * Whether to render {@code server}'s own files.
         *
         * @param dependencies what those files take from other servers (each tool page's "other tools in this
         *                     category" and the category's size), as text: equal text, equal pages
         */
        boolean render(ServerReport server, String dependencies);

        /** The HTML pages of a server not rendered, kept from an earlier build (for the sitemap). */
        List<String> keptPages(ServerReport server);

        /** Render everything. */
        Plan ALL = new Plan() {
            @Override
            public boolean render(ServerReport server, String dependencies) {
                return true;
            }

            @Override
            public List<String> keptPages(ServerReport server) {
                return List.of();
            }
        };
    }

    /** Where rendered files go, each with the server it belongs to ({@code null} for a file across servers). */
    @FunctionalInterface
    public interface UnitSink {
        void accept(ServerReport server, Output file) throws IOException;
    }

    /** Renders the whole site into memory, sorted by path (tests; the build streams with {@link #render(CatalogueReport, List, Sink)}). */
    public List<Output> render(CatalogueReport report, List<Attack> attacks) {
        List<Output> out = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            render(report, attacks, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Output> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Output::path));
        return sorted;
    }

    /**
     * Renders the site and hands every file to {@code sink} as soon as it is made, server by server (a server's
     * tool pages, its page, its API file and policy), then the pages across servers, the data files and the
     * assets. Nothing rendered is kept: memory holds the assessed catalogue and one page per worker. Servers are
     * rendered in parallel; if the sink fails, no further file is rendered and the first failure is thrown once no
     * call to the sink is in flight.
     */
    public void render(CatalogueReport report, List<Attack> attacks, Sink sink) throws IOException {
        render(report, attacks, Plan.ALL, (server, o) -> sink.accept(o));
    }

    /**
     * As {@link #render(CatalogueReport, List, Sink)}, rendering a server's own files only if {@code plan} says so
     * (it computes first what they take from other servers, cheaply: no page is rendered for it).
     */
    public void render(CatalogueReport report, List<Attack> attacks, Plan plan, UnitSink unitSink) throws IOException {
        ToolPages tools = new ToolPages(config, content, attacks, report);
        ServerPages servers = new ServerPages(config, markdown, attacks);
        OtherPages other = new OtherPages(config);
        DataFiles data = new DataFiles(config);
        List<String> htmlPaths = java.util.Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(report.servers(), s -> {
            if (!plan.render(s, tools.dependencies(s))) {
                htmlPaths.addAll(plan.keptPages(s));
                return;
            }
            for (PageJob j : tools.jobs(s)) {
                Output o = page(j);
                htmlPaths.add(o.path());
                unitSink.accept(s, o);
            }
            Output serverPage = page(servers.page(s));
            htmlPaths.add(serverPage.path());
            unitSink.accept(s, serverPage);
            for (Output o : data.serverFiles(s)) {
                unitSink.accept(s, o);
            }
        });
        Sink sink = o -> unitSink.accept(null, o);
        Sink pages = o -> {
            htmlPaths.add(o.path());
            sink.accept(o);
        };
        List<PageJob> jobs = new ArrayList<>();
        jobs.addAll(servers.index(report));
        jobs.addAll(new ListingPages(config, content).jobs(report));
        jobs.add(other.home(report, attacks, servers));
        jobs.addAll(other.attacks(attacks));
        jobs.add(other.search(report));
        jobs.add(other.notFound());
        Changes changes = new Changes(config);
        jobs.add(changes.page(report));
        Parallel.forEach(jobs, j -> pages.accept(page(j)));
        List<Output> rest = new ArrayList<>(data.catalogue(report, htmlPaths, attacks));
        rest.add(changes.feed(report));
        rest.addAll(assets());
        Parallel.forEach(rest, sink::accept);
    }

    private Output page(PageJob j) {
        return Output.text(j.path(), templates.render(j.template(), j.context()));
    }

    private List<Output> assets() {
        Path dir = templatesDir.resolve("assets");
        try (Stream<Path> files = Files.walk(dir)) {
            List<Output> out = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(new Output("assets/" + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
