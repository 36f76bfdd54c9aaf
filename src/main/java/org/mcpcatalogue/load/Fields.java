package org.mcpcatalogue.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.text.HiddenText;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Reads the fields of one YAML mapping (a server, a tool, its annotations, …): reports unknown and missing
 * fields and wrong types, and records every field's position in the {@link SourceMap}. Getters return empty
 * when a field is absent or unusable; the problem has been reported by then.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final String what;
    private final String pointer;
    private final SourceMap positions;
    private final Diagnostics diagnostics;

    /**
     * @param what    how the mapping is called in messages: "server", "tool", "annotations", …
     * @param pointer its JSON Pointer in the file
     * @param allowed the fields it may have, in the order they are documented
     */
    Fields(YamlNode.Mapping mapping, String what, String pointer, List<String> allowed, SourceMap positions,
           Diagnostics diagnostics) {
        this.mapping = mapping;
        this.what = what;
        this.pointer = pointer;
        this.positions = positions;
        this.diagnostics = diagnostics;
        positions.put(pointer, location(mapping.position()));
        Set<String> known = new LinkedHashSet<>(allowed);
        for (YamlNode.Entry e : mapping.entries()) {
            String p = pointer + "/" + SourceMap.segment(e.key());
            positions.put(p + "#key", location(e.keyPosition()));
            positions.put(p, location(e.value().position()));
            if (!known.contains(e.key())) {
                String hint = Suggest.closest(e.key(), known)
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(" (allowed: " + String.join(", ", known) + ")");
                diagnostics.error(location(e.keyPosition()),
                        "unknown field " + HiddenText.quoted(e.key()) + " in " + what + hint);
            }
        }
    }

    Location location(YamlNode.Position p) {
        return new Location(positions.file(), p.line(), p.column());
    }

    String pointer(String key) {
        return pointer + "/" + SourceMap.segment(key);
    }

    YamlNode.Mapping mapping() {
        return mapping;
    }

    Optional<YamlNode> node(String key) {
        return mapping.get(key);
    }

    /** Reports a required field that is missing (or null) at the mapping's own position. */
    private Optional<YamlNode> present(String key, boolean required) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isPresent() && node.get() instanceof YamlNode.Scalar s && s.value() instanceof Json.Null) {
            positions.forget(pointer(key));
            if (required) {
                diagnostics.error(location(s.position()), "\"" + key + "\" of " + what + " must not be empty");
            }
            return Optional.empty();
        }
        if (node.isEmpty() && required) {
            diagnostics.error(location(mapping.position()), "missing required field \"" + key + "\" in " + what);
        }
        return node;
    }

    private void wrongType(String key, YamlNode node, String expected) {
        positions.forget(pointer(key));
        diagnostics.error(location(node.position()),
                "\"" + key + "\" of " + what + " must be " + expected + ", found " + node.describe());
    }

    Optional<String> string(String key, boolean required) {
        Optional<YamlNode> node = present(key, required);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar s && s.value() instanceof Json.Str str) {
            if (required && str.value().isBlank()) {
                positions.forget(pointer(key));
                diagnostics.error(location(s.position()), "\"" + key + "\" of " + what + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(str.value());
        }
        wrongType(key, node.get(), "a string");
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        Optional<YamlNode> node = present(key, false);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar s && s.value() instanceof Json.Bool b) {
            return Optional.of(b.value());
        }
        wrongType(key, node.get(), "true or false");
        return Optional.empty();
    }

    Optional<Integer> integer(String key) {
        Optional<YamlNode> node = present(key, false);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar s && s.value() instanceof Json.Num n && n.isIntegral()
                && n.value().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return Optional.of(n.value().intValueExact());
        }
        wrongType(key, node.get(), "a whole number");
        return Optional.empty();
    }

    Optional<YamlNode.Mapping> mapping(String key, boolean required) {
        Optional<YamlNode> node = present(key, required);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        wrongType(key, node.get(), "a mapping");
        return Optional.empty();
    }

    Optional<YamlNode.Sequence> sequence(String key, boolean required) {
        Optional<YamlNode> node = present(key, required);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Sequence s) {
            return Optional.of(s);
        }
        wrongType(key, node.get(), "a list");
        return Optional.empty();
    }

    /** A list of strings; non-string items are reported and skipped. Absent means empty. */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        Optional<YamlNode.Sequence> seq = sequence(key, false);
        if (seq.isEmpty()) {
            return out;
        }
        List<YamlNode> items = seq.get().items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            positions.put(pointer(key) + "/" + i, location(item.position()));
            if (item instanceof YamlNode.Scalar s && s.value() instanceof Json.Str str) {
                out.add(str.value());
            } else {
                diagnostics.error(location(item.position()),
                        "items of \"" + key + "\" must be strings, found " + item.describe());
            }
        }
        return out;
    }

    /** A string that must be one of {@code allowed}; suggests the closest on a near miss. */
    Optional<String> choice(String key, List<String> allowed, boolean required) {
        Optional<String> value = string(key, required);
        if (value.isPresent() && !allowed.contains(value.get())) {
            String hint = Suggest.closest(value.get(), allowed).map(s -> "; did you mean \"" + s + "\"?").orElse("");
            Location at = positions.at(pointer(key));
            positions.forget(pointer(key));
            diagnostics.error(at, "\"" + key + "\" of " + what + " must be one of "
                    + String.join(", ", allowed) + ", got " + HiddenText.quoted(value.get()) + hint);
            return Optional.empty();
        }
        return value;
    }
}
