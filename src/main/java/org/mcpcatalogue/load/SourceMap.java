package org.mcpcatalogue.load;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mcpcatalogue.diag.Location;

/**
 * Where each field of a loaded file was written, by JSON Pointer ({@code /tools/0/name}). Only fields present
 * in the file with a usable value have an entry, so a check that finds no position for a field knows the
 * loader already reported it as missing or wrong (or that it is optional and absent). Keys of mappings are recorded under the pointer with a {@code #key} suffix.
 */
public final class SourceMap {

    private final String file;
    private final Map<String, Location> positions = new TreeMap<>();

    public SourceMap(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    void put(String pointer, Location location) {
        positions.putIfAbsent(pointer, location);
    }

    /**
     * Forgets the value position of a field whose value could not be used (wrong type, bad URL, …), so that
     * checks treat it as absent: the loader has reported it, and nothing should report it again.
     */
    void forget(String pointer) {
        positions.remove(pointer);
    }

    /** Where the value at {@code pointer} starts, if the file has it. */
    public Optional<Location> find(String pointer) {
        return Optional.ofNullable(positions.get(pointer));
    }

    /** Where the key of the field at {@code pointer} is written, falling back to its value. */
    public Optional<Location> findKey(String pointer) {
        return Optional.ofNullable(positions.get(pointer + "#key")).or(() -> find(pointer));
    }

    /** The position of {@code pointer}, or of the nearest enclosing node that has one, or the file itself. */
    public Location at(String pointer) {
        String p = pointer;
        while (true) {
            Location l = positions.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return Location.ofFile(file);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** A JSON Pointer segment, escaped as RFC 6901 requires. */
    public static String segment(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
