package org.mcpcatalogue.check;

import java.util.List;
import org.mcpcatalogue.render.Output;


/**
 * Stage 7, check: reads every page of the rendered site once, before anything is published (see
 * {@link StreamingChecker}, which the build feeds as it writes, and {@link PageScanner}). Every
 * internal {@code href} and {@code src} must resolve to a file of the site and every {@code #fragment} to an id
 * of its page; ids are unique; every page has a title, a meta description and exactly one {@code h1}.
 */
public final class SiteChecker {

    /** One problem, naming the page. */
    public record Problem(String page, String message) {
        @Override
        public String toString() {
            return page + ": error: " + message;
        }
    }

    private final String base;

    /** @param base the path prefix of internal links ({@code ""} or e.g. {@code /catalogue}) */
    public SiteChecker(String base) {
        this.base = base;
    }

    /** Checks a whole site at once (the build feeds a {@link StreamingChecker} file by file instead). */
    public List<Problem> check(List<Output> files) {
        StreamingChecker checker = new StreamingChecker(base);
        files.parallelStream().forEach(checker::accept);
        java.util.Map<String, Output> byPath = new java.util.HashMap<>();
        files.forEach(o -> byPath.put(o.path(), o));
        try {
            return checker.finish(page -> new String(byPath.get(page).bytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
