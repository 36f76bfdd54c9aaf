package org.mcpcatalogue.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects diagnostics while a stage works through its input, so that every problem is reported, not just
 * the first. Not thread-safe: each file or stage uses its own collector and the results are merged.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void error(Location location, String message) {
        items.add(Diagnostic.error(location, message));
    }

    public void warning(Location location, String message) {
        items.add(Diagnostic.warning(location, message));
    }

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Collection<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int size() {
        return items.size();
    }

    /** The diagnostics so far, sorted by file, line, column, severity and message. */
    public List<Diagnostic> sorted() {
        return items.stream().sorted().toList();
    }
}
