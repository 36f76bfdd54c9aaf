package org.mcpcatalogue.importer.bulk;

import java.util.Optional;

/**
 * What became of one entry: its key ({@link BulkEntry#key()}), the outcome, the number of tools in its catalogue
 * file (0 when it failed), the file, the date, and one line of detail (the changes, or why it failed).
 */
public record ServerResult(String key, Outcome outcome, int tools, String file, String date, String detail) {

    /** One line of the state file and of the report: tab-separated, tabs and newlines in the detail made spaces. */
    public String line() {
        return String.join("\t", key, outcome.label(), Integer.toString(tools), file.isEmpty() ? "-" : file, date,
                oneLine(detail));
    }

    /** A line written by {@link #line()}, or empty when it is not one (a line cut short by an interruption). */
    public static Optional<ServerResult> parse(String line) {
        String[] cells = line.split("\t", -1);
        if (cells.length != 6) {
            return Optional.empty();
        }
        Optional<Outcome> outcome = Outcome.ofLabel(cells[1]);
        if (outcome.isEmpty() || !cells[2].matches("\\d{1,9}") || !cells[4].matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        return Optional.of(new ServerResult(cells[0], outcome.get(), Integer.parseInt(cells[2]),
                cells[3].equals("-") ? "" : cells[3], cells[4], cells[5]));
    }

    static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
