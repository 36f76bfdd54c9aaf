package org.mcpcatalogue.yaml;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.text.ByteSize;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * Reads one YAML 1.2 document from untrusted input into a {@link YamlNode} tree with positions.
 *
 * <p>Everything a stranger's pull request could use to hurt or confuse a reader is refused, each with a
 * diagnostic at its line and column: files over the size limit, bytes that are not UTF-8, anchors and aliases
 * (never expanded, so an alias bomb costs nothing), explicit non-core tags, several documents in one file,
 * mapping keys that are not strings, duplicate keys, nesting deeper than the limit, and non-finite numbers.
 * Scalars are resolved by the YAML 1.2 core schema: {@code NO} and {@code yes} stay strings.
 *
 * <p>Reading goes on after a problem wherever the rest of the file still means something, so a user sees all
 * problems at once; it stops at a syntax error, a second document or the depth limit.
 */
public final class SafeYaml {

    /** Size and depth limits. */
    public record Limits(int maxBytes, int maxDepth) {
        /** 1 MiB and 50 levels, the limits for catalogue and policy files. */
        public static final Limits DEFAULT = new Limits(1 << 20, 50);
    }

    /**
     * The document's root node, when the file could be read, and everything found on the way.
     *
     * @param literalBlocks for each literal block scalar ({@code |}), by the position of the scalar, where its
     *                      content starts: line {@code i} (from 0) of the value is at that line plus {@code i},
     *                      from that column on, so a position inside the value can be placed in the file
     */
    public record Result(Optional<YamlNode> root, List<Diagnostic> diagnostics,
                         Map<YamlNode.Position, YamlNode.Position> literalBlocks) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
            literalBlocks = Map.copyOf(literalBlocks);
        }

        public Result(Optional<YamlNode> root, List<Diagnostic> diagnostics) {
            this(root, diagnostics, Map.of());
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private static final Set<String> CORE_TAGS = Set.of(
            "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq");

    private final Limits limits;
    private final YAMLFactory factory;

    public SafeYaml(Limits limits) {
        this.limits = limits;
        this.factory = new ScalarAwareYamlFactory(YAMLFactory.builder()
                .yamlSchema(YAMLSchema.CORE)
                // snakeyaml-engine stops at 3 MiB of code points unless told otherwise; our byte limit decides. Given
                // settings replace Jackson's own, so the core schema is set here too; duplicate keys are left to our
                // check (which names both positions), not to Jackson's strict detection that "false" would enable.
                .loadSettings(LoadSettings.builder()
                        .setSchema(new CoreSchema())
                        .setAllowDuplicateKeys(true)
                        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(3L << 20, limits.maxBytes() * 2L)))
                        .build())
                .streamReadConstraints(StreamReadConstraints.builder()
                        // Our own depth check reports first, with a position; this is a backstop.
                        .maxNestingDepth(Math.max(limits.maxDepth() * 4, 200))
                        .maxDocumentLength(limits.maxBytes() * 2L)
                        .build()));
    }

    public SafeYaml() {
        this(Limits.DEFAULT);
    }

    /**
     * The error for a file of {@code bytes} bytes when that is over the size limit, so a caller can refuse a
     * file from its size alone, before reading it.
     */
    public Optional<Diagnostic> checkSize(String file, long bytes) {
        if (bytes <= limits.maxBytes()) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error(Location.ofFile(file),
                "file is " + ByteSize.of(bytes) + ", larger than the " + ByteSize.of(limits.maxBytes()) + " limit"));
    }

    /** Reads a file's bytes; {@code file} is how the file is named in diagnostics. */
    public Result read(String file, byte[] bytes) {
        Optional<Diagnostic> tooLarge = checkSize(file, bytes.length);
        if (tooLarge.isPresent()) {
            return new Result(Optional.empty(), List.of(tooLarge.get()));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(Optional.empty(), List.of(Diagnostic.error(invalidUtf8At(file, bytes),
                    "file is not valid UTF-8")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return read(file, text);
    }

    /** Reads text that is already decoded (for example standard input). */
    public Result read(String file, String text) {
        Optional<Diagnostic> forbidden = forbiddenCharacter(file, text);
        if (forbidden.isPresent()) {
            return new Result(Optional.empty(), List.of(forbidden.get()));
        }
        Reader reader = new Reader(file, text);
        YamlNode root = null;
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), new ShortReads(new StringReader(text)))) {
            reader.parser = (ScalarAwareYamlFactory.Parser) parser;
            JsonToken first = parser.nextToken();
            if (first != null) {
                root = reader.node(first, 1);
                if (root != null) {
                    JsonToken next = parser.nextToken();
                    if (next != null) {
                        reader.diagnostics.error(reader.at(parser.currentTokenLocation()),
                                "a file must hold a single YAML document, but a second one starts here");
                        root = null;
                    }
                }
            }
        } catch (JacksonException e) {
            reader.syntaxError(e);
            root = null;
        } catch (Stop stop) {
            root = null;
        }
        return new Result(Optional.ofNullable(root), reader.diagnostics.sorted(),
                root == null ? Map.of() : reader.literalBlocks);
    }

    /** Thrown to abandon a file after a problem that leaves the rest meaningless. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final class Reader {
        final String file;
        final Diagnostics diagnostics = new Diagnostics();
        final Map<YamlNode.Position, YamlNode.Position> literalBlocks = new HashMap<>();
        final String text;
        List<String> lines;
        ScalarAwareYamlFactory.Parser parser;

        Reader(String file, String text) {
            this.file = file;
            this.text = text;
        }

        /** Records where the content of a literal block scalar starts (see {@link Result#literalBlocks()}). */
        void literalBlock(YamlNode.Position pos) {
            parser.literalBlockHeaderLine().ifPresent(header -> {
                if (lines == null) {
                    lines = text.lines().toList(); // once per file, and only when it has a literal block
                }
                // The content starts on the line after the header; its indentation is that of its first non-blank line.
                for (int i = header + 1; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.isBlank()) {
                        int indent = 0;
                        while (indent < line.length() && line.charAt(indent) == ' ') {
                            indent++;
                        }
                        literalBlocks.put(pos, new YamlNode.Position(header + 2, indent + 1));
                        return;
                    }
                }
            });
        }

        Location at(TokenStreamLocation loc) {
            return new Location(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
        }

        YamlNode.Position position() {
            TokenStreamLocation loc = parser.currentTokenLocation();
            return new YamlNode.Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
        }

        Location location(YamlNode.Position p) {
            return new Location(file, p.line(), p.column());
        }

        /** Reads the node that starts with {@code token}; returns null where a value had to be dropped. */
        YamlNode node(JsonToken token, int depth) {
            YamlNode.Position pos = position();
            checkAnchorAndTag(pos);
            switch (token) {
                case START_OBJECT:
                    enter(pos, depth);
                    return mapping(pos, depth);
                case START_ARRAY:
                    enter(pos, depth);
                    return sequence(pos, depth);
                default:
                    return scalar(token, pos);
            }
        }

        private void enter(YamlNode.Position pos, int depth) {
            if (depth > limits.maxDepth()) {
                diagnostics.error(location(pos), "nesting is deeper than " + limits.maxDepth() + " levels");
                throw new Stop();
            }
        }

        private void checkAnchorAndTag(YamlNode.Position pos) {
            parser.anchor().ifPresent(anchor -> diagnostics.error(location(pos),
                    "YAML anchors are not allowed (&" + anchor + "); write the value out in full"));
            String tag = parser.getRawTag();
            if (tag != null && !CORE_TAGS.contains(tag)) {
                diagnostics.error(location(pos), "YAML tag " + tag + " is not allowed");
            }
        }

        private YamlNode mapping(YamlNode.Position pos, int depth) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            Map<String, YamlNode.Position> seen = new HashMap<>();
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                YamlNode.Position keyPos = position();
                checkAnchorAndTag(keyPos);
                boolean keep = true;
                Optional<String> keyType = parser.plainNonStringType();
                if (keyType.isPresent()) {
                    diagnostics.error(location(keyPos), "mapping keys must be strings, but " + key + " is "
                            + article(keyType.get()) + "; quote it if you mean the text \"" + key + "\"");
                }
                if (parser.isCurrentAlias()) {
                    diagnostics.error(location(keyPos), "YAML aliases are not allowed (*" + key + ")");
                    keep = false;
                }
                YamlNode.Position first = seen.putIfAbsent(key, keyPos);
                if (first != null && keep) {
                    diagnostics.error(location(keyPos), "duplicate key \"" + key + "\" (first defined at line "
                            + first.line() + ", column " + first.column() + ")");
                    keep = false;
                }
                YamlNode value = node(parser.nextToken(), depth + 1);
                if (keep && value != null) {
                    entries.add(new YamlNode.Entry(key, keyPos, value));
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IllegalStateException("unexpected token in mapping: " + t);
            }
            return new YamlNode.Mapping(pos, entries);
        }

        private YamlNode sequence(YamlNode.Position pos, int depth) {
            List<YamlNode> items = new ArrayList<>();
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                YamlNode item = node(t, depth + 1);
                if (item != null) {
                    items.add(item);
                }
            }
            return new YamlNode.Sequence(pos, items);
        }

        private YamlNode scalar(JsonToken token, YamlNode.Position pos) {
            if (parser.isCurrentAlias()) {
                diagnostics.error(location(pos), "YAML aliases are not allowed (*" + parser.getString()
                        + "); write the value out in full");
                return null;
            }
            switch (token) {
                case VALUE_STRING:
                    literalBlock(pos);
                    return new YamlNode.Scalar(pos, new Json.Str(parser.getString()));
                case VALUE_NUMBER_INT:
                    return new YamlNode.Scalar(pos, new Json.Num(new BigDecimal(parser.getBigIntegerValue())));
                case VALUE_NUMBER_FLOAT: {
                    String text = parser.getString().toLowerCase(Locale.ROOT);
                    if (text.contains("inf") || text.contains("nan")) {
                        diagnostics.error(location(pos), "the number " + parser.getString()
                                + " cannot be represented in JSON");
                        return null;
                    }
                    try {
                        return new YamlNode.Scalar(pos, new Json.Num(parser.getDecimalValue()));
                    } catch (JacksonException | NumberFormatException e) {
                        diagnostics.error(location(pos), "the number " + parser.getString()
                                + " is out of range: its exponent is too large to read");
                        return null;
                    }
                }
                case VALUE_TRUE:
                    return new YamlNode.Scalar(pos, Json.TRUE);
                case VALUE_FALSE:
                    return new YamlNode.Scalar(pos, Json.FALSE);
                case VALUE_NULL:
                    return new YamlNode.Scalar(pos, Json.NULL);
                default:
                    diagnostics.error(location(pos), "unsupported YAML value (" + token + ")");
                    return null;
            }
        }

        void syntaxError(JacksonException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MarkedYamlEngineException marked) {
                diagnostics.add(YamlPositions.syntaxError(file, marked, at(e.getLocation())));
                return;
            }
            String original = e.getOriginalMessage();
            Location loc = e.getLocation() == null ? Location.ofFile(file) : at(e.getLocation());
            if (original != null && original.startsWith("Expected a property name")) {
                Location keyAt = parser == null ? loc : parser.lastEventStart().map(this::location).orElse(loc);
                diagnostics.error(keyAt, "mapping keys must be strings, but this key is a list or mapping");
            } else if (original != null && original.contains("Document nesting depth")) {
                diagnostics.error(loc, "nesting is deeper than " + limits.maxDepth() + " levels");
            } else {
                diagnostics.error(loc, "invalid YAML: " + oneLine(original == null ? e.toString() : original));
            }
        }
    }

    private static String article(String type) {
        return switch (type) {
            case "int" -> "a number";
            case "float" -> "a number";
            case "bool" -> "a boolean";
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    private static String oneLine(String s) {
        return YamlPositions.oneLine(s);
    }


    /**
     * The first character that YAML does not allow in a stream (C0 controls other than tab and line breaks,
     * DEL, C1 controls other than NEL, surrogates, U+FFFE and U+FFFF), at its own line and column: the YAML
     * library reports such a character without a usable position.
     */
    static Optional<Diagnostic> forbiddenCharacter(String file, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean allowed = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
                    || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            if (!allowed) {
                String name = Character.getName(cp);
                YamlNode.Position at = YamlPositions.at(text, i);
                return Optional.of(Diagnostic.error(new Location(file, at.line(), at.column()), "invalid YAML: the character "
                        + String.format("U+%04X", cp) + (name == null ? "" : " " + name)
                        + " is not allowed in a YAML file (control characters must be written as escapes in a double-quoted string)"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** The line and column (in characters) of the first byte that is not valid UTF-8. */
    private static Location invalidUtf8At(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        out.flip();
        YamlNode.Position at = YamlPositions.at(out, out.length());
        return new Location(file, at.line(), at.column());
    }
}
