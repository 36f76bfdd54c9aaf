package org.mcpcatalogue.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mcpcatalogue.build.BuildListener;
import org.mcpcatalogue.build.BuildRequest;
import org.mcpcatalogue.build.BuildResult;
import org.mcpcatalogue.build.SiteBuild;
import org.mcpcatalogue.build.StageTiming;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.serve.SiteBuilder;

/**
 * {@code catalogue serve}'s builder: runs {@link SiteBuild} directly in this JVM, one instance for the whole session,
 * so its caches (each server's assessment, each server's rendered pages) survive between rebuilds and a save redoes
 * only what it affects. Messages are the build's own, as {@code catalogue build} prints them.
 */
public final class BuildCommandSiteBuilder implements SiteBuilder {

    private final SiteBuild build = new SiteBuild();

    @Override
    public Result build(Request request) {
        List<String> problems = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        BuildResult result = build.run(new BuildRequest(request.catalogue(), request.catalogue().toString(), request.templates(),
                request.outDir().toString(), request.baseUrl()), new BuildListener() {
                    @Override
                    public void stage(StageTiming s) {
                        synchronized (progress) {
                            progress.add(String.format(Locale.ROOT, "%-10s %-60s %6d ms", s.name(), s.counts(), s.millis()));
                        }
                    }

                    @Override
                    public void warning(Diagnostic d) {
                        synchronized (problems) {
                            problems.add(d.toString());
                        }
                    }
                });
        problems.addAll(result.errors());
        return new Result(result.ok(), problems, progress);
    }
}
