package org.mcpcatalogue.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;

/**
 * Stage 6, render: turns the assessed catalogue into the site's files. Page contexts are built first, then
 * every page is rendered in parallel by the templates compiled once; static assets are copied from
 * {@code templates/assets/}. The result is sorted by path.
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

    public List<Output> render(CatalogueReport report, List<Attack> attacks) {
        List<PageJob> jobs = new ArrayList<>();
        ToolPages tools = new ToolPages(config, content, attacks, report);
        ServerPages servers = new ServerPages(config, markdown, attacks);
        OtherPages other = new OtherPages(config);
        for (ServerReport s : report.servers()) {
            jobs.addAll(tools.jobs(s));
        }
        jobs.addAll(servers.jobs(report));
        jobs.addAll(new ListingPages(config, content).jobs(report));
        jobs.add(other.home(report, attacks, servers));
        jobs.addAll(other.attacks(attacks));
        jobs.add(other.search(report));
        jobs.add(other.notFound());
        List<Output> out = new ArrayList<>(jobs.parallelStream()
                .map(j -> Output.text(j.path(), templates.render(j.template(), j.context())))
                .toList());
        out.addAll(new DataFiles(config).all(report, jobs.stream().map(PageJob::path).toList(), attacks));
        out.addAll(assets());
        out.sort(Comparator.comparing(Output::path));
        return out;
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
