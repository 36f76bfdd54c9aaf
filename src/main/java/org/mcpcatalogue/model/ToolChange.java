package org.mcpcatalogue.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.mcpcatalogue.diag.Location;

/**
 * One change of a tool's definition seen by an import, from the server file's {@code history}: a definition
 * that changes after a reader approved it is what a "rug pull" looks like, so the catalogue keeps every change.
 *
 * @param date     the import that saw it
 * @param tool     the tool's name
 * @param from     the fingerprint before ({@link Fingerprint})
 * @param to       the fingerprint after
 * @param changed  what changed, in {@link #PARTS} order: {@code title}, {@code description}, {@code inputSchema},
 *                 {@code outputSchema}, {@code annotations}
 * @param summary  a short readable account, e.g. {@code inputSchema: added property "force"}
 * @param location where the entry is written
 */
public record ToolChange(LocalDate date, String tool, String from, String to, List<String> changed, String summary,
                         Location location) {

    /** The parts of a definition a change can touch, in the order they are listed. */
    public static final List<String> PARTS = List.of("title", "description", "inputSchema", "outputSchema", "annotations");

    public ToolChange {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(summary, "summary");
        changed = List.copyOf(changed);
    }
}
