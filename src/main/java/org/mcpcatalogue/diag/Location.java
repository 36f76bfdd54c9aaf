package org.mcpcatalogue.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a source file: the file as the user named it, and a 1-based line and column.
 * A problem with a whole file (too large, a special file, a stray file) is placed at line 1, column 1, so
 * that every tool that places {@code file:line:col} (GitHub annotations, editors) can show it. Line and
 * column are 0 only for a directory (a missing {@code servers/} folder); such locations print as
 * {@code dir} alone.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /** A location for a problem with a whole file: its line 1, column 1. */
    public static Location ofFile(String file) {
        return new Location(file, 1, 1);
    }

    /** A location that names a directory, with no line or column. */
    public static Location ofDirectory(String dir) {
        return new Location(dir, 0, 0);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:col}, or just {@code file} when there is no position. */
    @Override
    public String toString() {
        return hasPosition() ? file + ":" + line + ":" + column : file;
    }
}
