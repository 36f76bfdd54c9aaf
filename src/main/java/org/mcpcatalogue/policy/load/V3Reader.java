package org.mcpcatalogue.policy.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.yaml.ShortReads;
import org.mcpcatalogue.yaml.YamlPositions;
import org.mcpcatalogue.yaml.YamlNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses the first YAML document of a text into {@link V3Node}s, as Go's yaml.v3 {@code Unmarshal} does: anchors
 * and aliases are kept (decoding expands them), tags are kept, and later documents are never looked at. What
 * yaml.v3's scanner refuses and snakeyaml-engine's accepts is refused here too: a {@code \\u} or {@code \\U} escape of
 * a surrogate or of a value past U+10FFFF in a double-quoted scalar. Nesting deeper than the limit is refused (a
 * safety limit of this reader; yaml.v3's own is 10,000).
 */
final class V3Reader {

    /** The first document's root, or the error that stops reading. */
    record Result(Optional<V3Node> root, Optional<Diagnostic> error) {
    }

    private final String file;
    private final String text;
    private final int maxDepth;
    private int[] codePoints;
    private final Map<String, V3Node.Anchor> anchors = new HashMap<>();
    private Iterator<Event> events;

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;

        Stop(Diagnostic diagnostic) {
            super(null, null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    V3Reader(String file, String text, int maxDepth) {
        this.file = file;
        this.text = text;
        this.maxDepth = maxDepth;
    }

    Result read() {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setCodePointLimit(Integer.MAX_VALUE).build();
        try {
            events = new Parse(settings).parseReader(new ShortReads(new java.io.StringReader(text))).iterator();
            Event e = next(); // stream start
            e = next();
            if (e.getEventId() != Event.ID.DocumentStart) {
                return new Result(Optional.empty(), Optional.empty());
            }
            Event first = next();
            if (first.getEventId() == Event.ID.DocumentEnd) {
                return new Result(Optional.empty(), Optional.empty());
            }
            V3Node root = node(first, 1);
            // yaml.v3 reads one document; whatever follows its end is never parsed.
            return new Result(Optional.of(root), Optional.empty());
        } catch (Stop stop) {
            return new Result(Optional.empty(), Optional.of(stop.diagnostic));
        } catch (MarkedYamlEngineException e) {
            return new Result(Optional.empty(), Optional.of(YamlPositions.syntaxError(file, e, Location.ofFile(file))));
        } catch (org.snakeyaml.engine.v2.exceptions.ReaderException e) {
            // A character YAML does not allow in a stream; yaml.v3 says "control characters are not allowed".
            YamlNode.Position at = YamlPositions.atCodePoint(text, e.getPosition());
            return new Result(Optional.empty(), Optional.of(Diagnostic.error(location(at),
                    "invalid YAML: control characters are not allowed (" + String.format("U+%04X", e.getCodePoint())
                            + "); Intercept cannot load this file")));
        } catch (YamlEngineException e) {
            return new Result(Optional.empty(), Optional.of(Diagnostic.error(Location.ofFile(file),
                    "invalid YAML: " + YamlPositions.oneLine(e.getMessage()))));
        }
    }

    private Event next() {
        return events.next();
    }

    private static YamlNode.Position position(Event e) {
        return e.getStartMark().map(m -> new YamlNode.Position(m.getLine() + 1, m.getColumn() + 1))
                .orElse(new YamlNode.Position(1, 1));
    }

    private V3Node node(Event e, int depth) {
        YamlNode.Position pos = position(e);
        if (e instanceof AliasEvent alias) {
            String name = alias.getAlias().getValue();
            V3Node.Anchor anchor = anchors.get(name);
            if (anchor == null) {
                throw new Stop(Diagnostic.error(location(pos), "yaml: unknown anchor '" + name
                        + "' referenced; Intercept cannot load this file"));
            }
            return new V3Node.Alias(pos, name, anchor);
        }
        V3Node.Anchor anchor = null;
        if (e instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
            anchor = new V3Node.Anchor();
            anchors.put(ne.getAnchor().get().getValue(), anchor);
        }
        V3Node built;
        if (e instanceof ScalarEvent s) {
            if (s.isDQuoted()) {
                checkEscapes(s);
            }
            built = new V3Node.Scalar(pos, s.getValue(), s.isPlain(), explicitTag(s.getTag()));
        } else if (e instanceof MappingStartEvent) {
            enter(pos, depth);
            List<V3Node> keys = new ArrayList<>();
            List<V3Node> values = new ArrayList<>();
            Event k;
            while ((k = next()).getEventId() != Event.ID.MappingEnd) {
                keys.add(node(k, depth + 1));
                values.add(node(next(), depth + 1));
            }
            built = new V3Node.Mapping(pos, keys, values);
        } else if (e instanceof SequenceStartEvent) {
            enter(pos, depth);
            List<V3Node> items = new ArrayList<>();
            Event i;
            while ((i = next()).getEventId() != Event.ID.SequenceEnd) {
                items.add(node(i, depth + 1));
            }
            built = new V3Node.Sequence(pos, items);
        } else {
            throw new Stop(Diagnostic.error(location(pos), "invalid YAML: unexpected " + e.getEventId()));
        }
        if (anchor != null) {
            anchor.node = built;
        }
        return built;
    }

    private static String explicitTag(Optional<String> tag) {
        return tag.filter(t -> !t.equals("!")).orElse("");
    }

    private void enter(YamlNode.Position pos, int depth) {
        if (depth > maxDepth) {
            throw new Stop(Diagnostic.error(location(pos), "nesting is deeper than " + maxDepth + " levels"));
        }
    }

    private Location location(YamlNode.Position p) {
        return new Location(file, p.line(), p.column());
    }

    /**
     * yaml.v3's scanner refuses {@code \\u}/{@code \\U} escapes of surrogates (U+D800 to U+DFFF) and of values past
     * U+10FFFF, which snakeyaml-engine turns into lone UTF-16 surrogates. Its message names a line: the line of the
     * scalar's start (yaml.v3 counts it from the scanner's context mark), or of the escape when the scalar starts
     * on the first line.
     */
    private void checkEscapes(ScalarEvent s) {
        // A surrogate escape always leaves a UTF-16 surrogate, paired or not, in the value.
        if (s.getValue().chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            return;
        }
        if (s.getStartMark().isEmpty() || s.getEndMark().isEmpty()) {
            return;
        }
        if (codePoints == null) {
            codePoints = text.codePoints().toArray();
        }
        int start = s.getStartMark().get().getIndex();
        int end = Math.min(s.getEndMark().get().getIndex(), codePoints.length);
        for (int i = start + 1; i < end - 1; i++) {
            int c = codePoints[i];
            if (c != '\\' || i + 1 >= end) {
                continue;
            }
            int kind = codePoints[i + 1];
            int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
            if (digits == 0 || i + 2 + digits > end) {
                i++;
                continue;
            }
            long value = 0;
            for (int d = 0; d < digits; d++) {
                value = value * 16 + Character.digit(codePoints[i + 2 + d], 16);
            }
            if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
                YamlNode.Position at = YamlPositions.atCodePoint(text, i);
                int startLine = s.getStartMark().get().getLine();
                int reported = startLine != 0 ? startLine + 1 : at.line() != 1 ? at.line() : 0;
                throw new Stop(Diagnostic.error(location(at), "yaml: " + (reported == 0 ? "" : "line " + reported + ": ")
                        + "found invalid Unicode character escape code; Intercept cannot load this file"));
            }
            i += 1 + digits;
        }
    }
}
