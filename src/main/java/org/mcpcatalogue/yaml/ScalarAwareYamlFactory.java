package org.mcpcatalogue.yaml;

import java.io.Reader;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A {@link YAMLFactory} whose parsers also tell how the current key was written. Jackson hands every mapping
 * key over as a property name, so {@code 1: x} and {@code "1": x} look alike; the safe loader must refuse the
 * first (a number used as a key) and accept the second.
 */
final class ScalarAwareYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    ScalarAwareYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, Reader r) {
        return new Parser(readCtxt, ioCtxt, _getBufferRecycler(),
                readCtxt.getStreamReadFeatures(_streamReadFeatures),
                readCtxt.getFormatReadFeatures(_formatReadFeatures),
                _loadSettings, r);
    }

    /** A YAML parser that can say what type a plain scalar key resolves to. */
    static final class Parser extends YAMLParser {

        Parser(ObjectReadContext readCtxt, IOContext ioCtxt, BufferRecycler br, int streamReadFeatures,
               int formatReadFeatures, LoadSettings loadSettings, Reader reader) {
            super(readCtxt, ioCtxt, br, streamReadFeatures, formatReadFeatures, loadSettings, reader);
        }

        /**
         * The anchor ({@code &name}) of the node just read. Jackson's own {@code getObjectId()} reports anchors on
         * collections and keys but not on scalar values, so this reads it from the YAML event itself.
         */
        Optional<String> anchor() {
            if (_lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent)) {
                return node.getAnchor().map(Anchor::getValue);
            }
            return Optional.empty();
        }

        /** For a literal block scalar ({@code |}) just read: the 0-based line of its header, where the {@code |} is. */
        Optional<Integer> literalBlockHeaderLine() {
            if (_lastEvent instanceof ScalarEvent scalar && scalar.getScalarStyle() == ScalarStyle.LITERAL) {
                return scalar.getStartMark().map(m -> m.getLine());
            }
            return Optional.empty();
        }

        /** Where the last YAML event started (1-based), if the parser recorded it. */
        Optional<YamlNode.Position> lastEventStart() {
            if (_lastEvent == null) {
                return Optional.empty();
            }
            return _lastEvent.getStartMark().map(m -> new YamlNode.Position(m.getLine() + 1, m.getColumn() + 1));
        }

        /**
         * For the scalar just read: the core-schema type a plain (unquoted, untagged) scalar resolves to,
         * such as "int", "bool" or "null"; empty for quoted, block or explicitly tagged scalars and for strings.
         */
        Optional<String> plainNonStringType() {
            if (!(_lastEvent instanceof ScalarEvent scalar) || !scalar.isPlain() || scalar.getTag().isPresent()) {
                return Optional.empty();
            }
            Tag tag = _yamlResolver.resolve(scalar.getValue(), true);
            if (Tag.STR.equals(tag)) {
                return Optional.empty();
            }
            String value = tag.getValue();
            return Optional.of(value.substring(value.lastIndexOf(':') + 1));
        }
    }
}
