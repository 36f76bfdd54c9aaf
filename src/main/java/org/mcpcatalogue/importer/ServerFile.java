package org.mcpcatalogue.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.yaml.SafeYaml;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * Writes a server document as the text of {@code catalogue/servers/<slug>.yaml}: a new file in canonical
 * form, or an existing file edited in place.
 *
 * <p>Editing touches only the lines of values that changed: a changed field is rewritten (keeping an inline
 * comment on its first line), a new field goes after the field that precedes it in the documented order, a
 * removed tool goes with the comment lines directly above it, and a new tool is added after the last one.
 * Every other line, comments and blank lines included, stays byte for byte. This needs the block layout the
 * catalogue uses (top-level fields at column 1, {@code tools} a block list of block mappings); when a file
 * is laid out otherwise, the {@code tools} field (or, failing that, the file) is rewritten in canonical form.
 * The result is parsed again and must mean exactly the document asked for.
 */
public final class ServerFile {

    /** The first line of every new file: editors that speak the YAML language server check it against the schema. */
    public static final String HEADER = "# yaml-language-server: $schema=../schema/server.schema.json\n";

    /** The text, and whether comments of the old text may have been lost. */
    public record Text(String text, boolean keptLayout) {
    }

    private ServerFile() {
    }

    /** A new file in canonical form. */
    public static String render(Json.Obj doc) {
        return HEADER + YamlWriter.mapping(doc, 0);
    }

    /**
     * The old text edited to hold {@code doc}. Falls back to {@link #render} (losing comments) only when the
     * old file's layout cannot be edited line by line; {@link Text#keptLayout()} says which happened.
     */
    public static Text edit(String oldText, Json.Obj doc) {
        SafeYaml.Result parsed = new SafeYaml().read("old", oldText);
        if (parsed.root().orElse(null) instanceof YamlNode.Mapping root) {
            Optional<String> edited = new Editor(oldText, root).edit(doc);
            if (edited.isPresent() && means(edited.get(), doc)) {
                return new Text(edited.get(), true);
            }
        }
        return new Text(render(doc), false);
    }

    /** Whether YAML text reads back as exactly {@code doc}. */
    static boolean means(String text, Json doc) {
        SafeYaml.Result r = new SafeYaml().read("check", text);
        return !r.hasErrors() && r.root().isPresent()
                && JsonText.canonical(r.root().get().toJson()).equals(JsonText.canonical(doc));
    }

    /** Line-level edits of one file. */
    private static final class Editor {
        private final List<String> lines;
        private final boolean finalNewline;
        private final YamlNode.Mapping root;
        private final List<Edit> edits = new ArrayList<>();

        /** Replace lines [from, to) with text (complete lines, each ending in a newline). */
        private record Edit(int from, int to, String text, int seq) {
            boolean insert() {
                return from == to;
            }
        }

        Editor(String text, YamlNode.Mapping root) {
            this.finalNewline = text.endsWith("\n");
            List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
            if (finalNewline) {
                l.remove(l.size() - 1);
            }
            this.lines = l;
            this.root = root;
        }

        Optional<String> edit(Json.Obj doc) {
            if (!block(root, 1)) {
                return Optional.empty();
            }
            Json.Obj old = (Json.Obj) root.toJson();
            List<Span> spans = spans(root.entries(), lines.size(), 0);
            fields(spans, old, doc, Merge.SERVER_FIELDS, 1, (span, value) -> {
                if (span.entry().key().equals("tools") && value instanceof Json.Arr tools) {
                    return tools(span, tools);
                }
                return false;
            });
            return Optional.of(apply());
        }

        /** What to do with a changed value before rewriting it whole; true when handled. */
        interface Special {
            boolean handle(Span span, Json value);
        }

        /** Edits for the fields of one block mapping at column {@code column}. */
        private boolean fields(List<Span> spans, Json.Obj old, Json.Obj doc, List<String> order, int column, Special special) {
            Map<String, Span> byKey = new HashMap<>();
            spans.forEach(s -> byKey.put(s.entry().key(), s));
            Map<Integer, StringBuilder> inserts = new java.util.TreeMap<>();
            for (Map.Entry<String, Json> e : doc.members().entrySet()) {
                String key = e.getKey();
                Span span = byKey.get(key);
                if (span == null) {
                    Optional<Span> after = predecessor(spans, order, key);
                    int at;
                    if (after.isPresent()) {
                        at = after.get().contentEnd();
                    } else if (column == 1) {
                        at = spans.isEmpty() ? lines.size() : spans.get(0).start();
                    } else {
                        return false;
                    }
                    inserts.computeIfAbsent(at, k -> new StringBuilder()).append(YamlWriter.entry(key, e.getValue(), column - 1));
                    continue;
                }
                Json before = old.get(key).orElse(Json.NULL);
                if (JsonText.canonical(before).equals(JsonText.canonical(e.getValue()))) {
                    continue;
                }
                if (special.handle(span, e.getValue())) {
                    continue;
                }
                replace(span, YamlWriter.entry(key, e.getValue(), column - 1));
            }
            for (Span s : spans) {
                if (!doc.members().containsKey(s.entry().key())) {
                    if (!prefix(s.start(), column).isBlank()) {
                        return false;
                    }
                    edits.add(new Edit(s.start(), s.contentEnd(), "", edits.size()));
                }
            }
            inserts.forEach((at, text) -> edits.add(new Edit(at, at, text.toString(), edits.size())));
            return true;
        }

        /** The span of the key that comes last before {@code key} in the documented order, among those present. */
        private static Optional<Span> predecessor(List<Span> spans, List<String> order, String key) {
            int index = order.indexOf(key);
            Span best = null;
            int bestIndex = -1;
            for (Span s : spans) {
                int i = order.indexOf(s.entry().key());
                if (i >= 0 && (index < 0 || i < index) && i > bestIndex) {
                    best = s;
                    bestIndex = i;
                }
            }
            if (best == null && index < 0 && !spans.isEmpty()) {
                best = spans.get(spans.size() - 1);
            }
            return Optional.ofNullable(best);
        }

        /** Rewrites an entry, keeping what comes before its key on the first line ("- ") and an inline comment. */
        private void replace(Span span, String rendered) {
            String first = lines.get(span.start());
            int keyIndex = span.entry().keyPosition().column() - 1;
            List<String> out = new ArrayList<>(rendered.lines().toList());
            String comment = comment(first, keyIndex);
            out.set(0, first.substring(0, keyIndex) + out.get(0).substring(keyIndex) + comment);
            edits.add(new Edit(span.start(), span.contentEnd(), String.join("\n", out) + "\n", edits.size()));
        }

        /** Edits for the tools list, tool by tool; false when its layout needs a whole rewrite. */
        private boolean tools(Span span, Json.Arr desired) {
            if (!(span.entry().value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty() || !block(seq, 0)) {
                return false;
            }
            int dash = seq.position().column() - 1;
            List<YamlNode.Mapping> items = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlNode.Mapping m) || !block(m, m.position().column())
                        || !prefix(m.position().line() - 1, m.position().column()).matches(" {" + dash + "}-\\s+")) {
                    return false;
                }
                items.add(m);
            }
            Map<String, Json.Obj> wanted = new java.util.LinkedHashMap<>();
            for (Json t : desired.items()) {
                wanted.put(ToolShape.name((Json.Obj) t), (Json.Obj) t);
            }
            int end = span.regionEnd();
            int last = -1;
            List<Edit> mine = new ArrayList<>();
            java.util.Set<String> present = new java.util.HashSet<>();
            for (int j = 0; j < items.size(); j++) {
                YamlNode.Mapping m = items.get(j);
                int start = m.position().line() - 1;
                int regionEnd = j + 1 < items.size() ? items.get(j + 1).position().line() - 1 : end;
                int contentEnd = contentEnd(start, regionEnd, dash);
                last = contentEnd;
                Json.Obj old = (Json.Obj) m.toJson();
                String name = ToolShape.name(old);
                present.add(name);
                Json.Obj want = wanted.get(name);
                if (want == null) {
                    int from = start;
                    while (from > 0 && isComment(lines.get(from - 1)) && indent(lines.get(from - 1)) == dash) {
                        from--;
                    }
                    mine.add(new Edit(from, contentEnd, "", 0));
                    continue;
                }
                if (JsonText.canonical(old).equals(JsonText.canonical(want))) {
                    continue;
                }
                int before = edits.size();
                List<Span> fieldSpans = spans(m.entries(), regionEnd, m.position().column() - 1);
                if (!fields(fieldSpans, old, want, ToolShape.FIELDS, m.position().column(), (s, v) -> false)) {
                    edits.subList(before, edits.size()).clear();
                    mine.add(new Edit(start, contentEnd, YamlWriter.item(want, dash), 0));
                }
            }
            StringBuilder added = new StringBuilder();
            for (Map.Entry<String, Json.Obj> e : wanted.entrySet()) {
                if (!present.contains(e.getKey())) {
                    added.append(YamlWriter.item(e.getValue(), dash));
                }
            }
            for (Edit e : mine) {
                edits.add(new Edit(e.from(), e.to(), e.text(), edits.size()));
            }
            if (added.length() > 0) {
                edits.add(new Edit(last, last, added.toString(), edits.size()));
            }
            return true;
        }

        /** Applies the edits from the bottom up, so earlier line numbers stay valid. */
        private String apply() {
            List<Edit> sorted = new ArrayList<>(edits);
            sorted.sort(Comparator.comparingInt(Edit::from).reversed()
                    .thenComparing(Edit::insert)
                    .thenComparing(Comparator.comparingInt(Edit::seq).reversed()));
            List<String> out = new ArrayList<>(lines);
            for (Edit e : sorted) {
                List<String> replacement = e.text().isEmpty() ? List.of() : List.of(e.text().split("\n", -1));
                if (!replacement.isEmpty()) {
                    replacement = replacement.subList(0, replacement.size() - 1);
                }
                out.subList(e.from(), e.to()).clear();
                out.addAll(e.from(), replacement);
            }
            String text = String.join("\n", out);
            return finalNewline || !out.isEmpty() ? text + "\n" : text;
        }

        /** An entry of a block mapping and its lines: [start, contentEnd) its own, up to regionEnd what follows. */
        private record Span(YamlNode.Entry entry, int start, int contentEnd, int regionEnd) {
        }

        private List<Span> spans(List<YamlNode.Entry> entries, int end, int indent) {
            List<Span> out = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                int start = entries.get(i).keyPosition().line() - 1;
                int regionEnd = i + 1 < entries.size() ? entries.get(i + 1).keyPosition().line() - 1 : end;
                out.add(new Span(entries.get(i), start, contentEnd(start, regionEnd, indent), regionEnd));
            }
            return out;
        }

        /** The end of an entry's own lines: trailing blank lines and comments no deeper than its key belong to what follows. */
        private int contentEnd(int start, int regionEnd, int keyIndent) {
            int end = regionEnd;
            while (end > start + 1) {
                String line = lines.get(end - 1);
                if (line.isBlank() || (isComment(line) && indent(line) <= keyIndent)) {
                    end--;
                } else {
                    break;
                }
            }
            return end;
        }

        /** A block collection: each entry or item on its own line, keys at one column. */
        private boolean block(YamlNode node, int column) {
            int line = node.position().line() - 1;
            if (line >= lines.size()) {
                return false;
            }
            String text = lines.get(line);
            int at = node.position().column() - 1;
            if (at >= text.length() || text.charAt(at) == '{' || text.charAt(at) == '[') {
                return false;
            }
            int previous = -1;
            if (node instanceof YamlNode.Mapping m) {
                for (YamlNode.Entry e : m.entries()) {
                    if (e.keyPosition().line() <= previous || (column > 0 && e.keyPosition().column() != column)) {
                        return false;
                    }
                    previous = e.keyPosition().line();
                }
            } else if (node instanceof YamlNode.Sequence s) {
                if (text.charAt(at) != '-') {
                    return false;
                }
                for (YamlNode item : s.items()) {
                    if (item.position().line() <= previous) {
                        return false;
                    }
                    previous = item.position().line();
                }
            }
            return true;
        }

        private String prefix(int line, int column) {
            String text = lines.get(line);
            return text.substring(0, Math.min(text.length(), column - 1));
        }

        private static boolean isComment(String line) {
            return line.stripLeading().startsWith("#");
        }

        private static int indent(String line) {
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return i;
        }

        /**
         * The inline comment of a line with the white space before it ("" when none), scanning from the key:
         * a {@code #} after white space, outside quoted scalars.
         */
        static String comment(String line, int from) {
            char quote = 0;
            char previous = ' ';
            for (int i = from; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (quote == '"' && c == '\\') {
                        i++;
                    } else if (c == quote) {
                        if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                            i++;
                        } else {
                            quote = 0;
                        }
                    }
                } else if ((c == '"' || c == '\'') && " :[{,-?".indexOf(previous) >= 0) {
                    quote = c;
                } else if (c == '#' && (previous == ' ' || previous == '\t')) {
                    int start = i;
                    while (start > from && (line.charAt(start - 1) == ' ' || line.charAt(start - 1) == '\t')) {
                        start--;
                    }
                    return line.substring(start);
                }
                if (c != ' ' || quote != 0) {
                    previous = c;
                } else {
                    previous = ' ';
                }
            }
            return "";
        }
    }
}
