package org.mcpcatalogue.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Builds the site for {@link DevServer}. The implementation ({@code cli/BuildCommandSiteBuilder}) runs the incremental
 * {@code SiteBuild}, which finds what changed by the inputs' digests; {@link Request#changed()} is there for the
 * messages and for a builder that wants it.
 */
@FunctionalInterface
public interface SiteBuilder {

    /**
     * Builds (or rebuilds) the site. Must publish atomically: until it returns successfully, {@code outDir} keeps
     * showing the previous good build, because it is being served meanwhile.
     *
     * @param request what to build, where, and what changed since the last call
     * @return whether it succeeded, and the messages for the terminal and the page
     */
    Result build(Request request);

    /**
     * @param catalogue the catalogue directory
     * @param templates the templates directory
     * @param outDir    where to publish (inside the server's private temporary folder)
     * @param baseUrl   the URL the site is served from, {@code http://127.0.0.1:PORT/}
     * @param changed   the files changed since the previous call; empty for the first build
     */
    record Request(Path catalogue, Path templates, Path outDir, String baseUrl, Set<Path> changed) {
        public Request {
            changed = Set.copyOf(changed);
        }
    }

    /**
     * @param ok       whether a new site was published
     * @param problems the errors (and warnings) as {@code file:line:col: error: …} lines, as the build printed them
     * @param progress the build's progress lines (its stages and their times)
     */
    record Result(boolean ok, List<String> problems, List<String> progress) {
        public Result {
            problems = List.copyOf(problems);
            progress = List.copyOf(progress);
        }
    }
}
