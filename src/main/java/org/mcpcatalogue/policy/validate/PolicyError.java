package org.mcpcatalogue.policy.validate;

import java.util.List;

/**
 * One validation error: Intercept's message, character for character, and the path of the node it is about
 * (mapping keys as strings, list indexes as integers) for {@link org.mcpcatalogue.policy.load.LoadResult#locate}.
 */
public record PolicyError(String message, List<Object> path) {
    public PolicyError {
        path = List.copyOf(path);
    }
}
