package org.mcpcatalogue.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.check.StreamingChecker;
import org.mcpcatalogue.pipeline.ServerReport;

/**
 * What a {@link SiteBuild} keeps from its last successful run to the next (in {@code catalogue serve}, where the
 * JVM lives on): each server's assessment by its key, and, for the version it published, each server's files with
 * what the checker kept of them, so an unchanged server is neither assessed, rendered, written nor read again.
 *
 * @param reports each server's assessment, by {@link SiteBuild#reportKey the key of what it was made from}
 * @param version the version these units are in (real path); empty if none
 * @param units   each server file's own files in that version
 */
record BuildMemory(Map<String, ServerReport> reports, Optional<Path> version, Map<String, Unit> units) {

    static final BuildMemory EMPTY = new BuildMemory(Map.of(), Optional.empty(), Map.of());

    BuildMemory {
        reports = Map.copyOf(reports);
        units = Map.copyOf(units);
    }

    /**
     * @param key     the unit key ({@link Manifest.Unit#key()})
     * @param outputs the files, by path in the site
     * @param records what the checker kept of each
     * @param pages   the HTML pages among them
     */
    record Unit(String key, List<String> outputs, List<StreamingChecker.Record> records, List<String> pages) {
        Unit {
            outputs = List.copyOf(outputs);
            records = List.copyOf(records);
            pages = List.copyOf(pages);
        }
    }
}
