package org.mcpcatalogue.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A risk that comes from a server's tools together rather than from one tool.
 *
 * @param kind    {@code toxic-flow} or {@code destructive-flow}
 * @param summary one sentence for people
 * @param roles   the tools in each role, by role name ("reads untrusted content", …), in tool order
 */
public record ServerFlag(String kind, String summary, Map<String, List<String>> roles) {
    public ServerFlag {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        roles.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        roles = java.util.Collections.unmodifiableMap(copy);
    }
}
