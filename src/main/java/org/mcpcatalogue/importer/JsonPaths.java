package org.mcpcatalogue.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/** Small look-ups into JSON values that sources share. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Parses JSON text, naming {@code origin} and the first line of the parser's message when it is not JSON. */
    static Json parse(String text, String origin) throws ImportException {
        try {
            return JsonText.parse(text);
        } catch (RuntimeException e) {
            throw new ImportException(origin + ": not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The value at a path of object keys. */
    static Optional<Json> at(Json value, String... keys) {
        Json v = value;
        for (String k : keys) {
            if (!(v instanceof Json.Obj o)) {
                return Optional.empty();
            }
            v = o.get(k).orElse(null);
            if (v == null) {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }

    /** A non-blank string at a path. */
    static Optional<String> string(Json value, String... keys) {
        return at(value, keys).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value().strip())
                .filter(s -> !s.isEmpty());
    }

    /** The strings of a list at a path. */
    static List<String> strings(Json value, String... keys) {
        List<String> out = new ArrayList<>();
        if (at(value, keys).orElse(null) instanceof Json.Arr a) {
            for (Json v : a.items()) {
                if (v instanceof Json.Str s && !s.value().isBlank()) {
                    out.add(s.value().strip());
                }
            }
        }
        return out;
    }

    /** {@code https://github.com/owner/repo} of a GitHub URL that may point deeper into the repository. */
    static Optional<String> githubRepository(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^https://github\\.com/([A-Za-z0-9-]+)/([A-Za-z0-9_.-]+?)(\\.git)?(/.*)?$").matcher(url);
        return m.matches() ? Optional.of("https://github.com/" + m.group(1) + "/" + m.group(2)) : Optional.empty();
    }
}
