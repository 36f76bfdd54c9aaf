package org.mcpcatalogue.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a source file: the file as the user named it, and a 1-based line and column.
 * Line and column are 0 when the problem concerns the whole file (for example a file that is too large);
 * such locations print as {@code file} alone.
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

    /** A location that names a whole file. */
    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
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
