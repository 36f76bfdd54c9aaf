package org.mcpcatalogue.classify;

import org.mcpcatalogue.diag.Location;

/** The rules file is not valid; the message names the place. */
public final class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public RulesException(Location location, String message) {
        super(location + ": error: " + message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
