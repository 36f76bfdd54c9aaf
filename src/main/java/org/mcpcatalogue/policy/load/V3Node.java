package org.mcpcatalogue.policy.load;

import java.util.List;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * A node of a YAML document as Go's yaml.v3 parser builds it, before decoding: scalars keep their text, whether
 * they were written plain and their explicit tag, and aliases stay aliases (decoding expands them, counting, as
 * yaml.v3 does).
 */
sealed interface V3Node permits V3Node.Scalar, V3Node.Mapping, V3Node.Sequence, V3Node.Alias {

    YamlNode.Position position();

    /** A scalar: {@code value} after escapes and folding; {@code tag} the explicit tag, or "" when none. */
    record Scalar(YamlNode.Position position, String value, boolean plain, String tag) implements V3Node {
    }

    /** A mapping: keys and values in document order. */
    record Mapping(YamlNode.Position position, List<V3Node> keys, List<V3Node> values) implements V3Node {
    }

    record Sequence(YamlNode.Position position, List<V3Node> items) implements V3Node {
    }

    /** Where an anchored node ends up once it is complete; an alias inside its own anchor sees it only later. */
    final class Anchor {
        V3Node node;
    }

    /** {@code *name}, pointing at its anchor (which a recursive alias sits inside). */
    record Alias(YamlNode.Position position, String name, Anchor anchor) implements V3Node {
        V3Node target() {
            return anchor.node;
        }
    }
}
