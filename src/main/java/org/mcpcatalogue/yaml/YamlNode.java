package org.mcpcatalogue.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;

/**
 * A node of a YAML document as {@link SafeYaml} read it: a mapping, a sequence or a scalar, each with the
 * 1-based line and column where it starts. Mapping keys are always strings (other keys are rejected while
 * reading) and keep their own positions, so that a problem with a key can point at the key itself.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where the node starts. */
    Position position();

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    /** One {@code key: value} pair of a mapping. */
    record Entry(String key, Position keyPosition, YamlNode value) {
    }

    record Mapping(Position position, List<Entry> entries) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }
    }

    record Sequence(Position position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A scalar already resolved by the YAML 1.2 core schema: a string, number, boolean or null. */
    record Scalar(Position position, Json value) implements YamlNode {
    }

    /** The node as a plain JSON value, positions dropped. */
    default Json toJson() {
        if (this instanceof Mapping m) {
            Map<String, Json> members = new LinkedHashMap<>();
            for (Entry e : m.entries()) {
                members.put(e.key(), e.value().toJson());
            }
            return new Json.Obj(members);
        } else if (this instanceof Sequence s) {
            return new Json.Arr(s.items().stream().map(YamlNode::toJson).toList());
        }
        return ((Scalar) this).value();
    }

    /** How the node is called in messages: "a mapping", "a list", "a string", "a number", … */
    default String describe() {
        if (this instanceof Mapping) {
            return "a mapping";
        } else if (this instanceof Sequence) {
            return "a list";
        }
        Json v = ((Scalar) this).value();
        if (v instanceof Json.Str) {
            return "a string";
        } else if (v instanceof Json.Num) {
            return "a number";
        } else if (v instanceof Json.Bool) {
            return "a boolean";
        }
        return "null";
    }
}
