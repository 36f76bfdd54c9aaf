package org.mcpcatalogue.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.ToolChange;

/**
 * The {@code history} entry for one tool whose definition an import changed: the date, the tool, the
 * fingerprints before and after, the parts that changed ({@link ToolChange#PARTS}) and a short summary a reader
 * can take in at a glance (properties added or removed, hints that changed).
 */
final class ToolHistory {

    private ToolHistory() {
    }

    /**
     * The entry, or empty when nothing of the definition changed.
     *
     * @param before      the tool as the file had it (its MCP fields)
     * @param after       the tool as it is now published (its MCP fields)
     * @param from        the fingerprint recorded before
     * @param to          the fingerprint recorded now
     * @param curated     whether the file's description is a curator's (then a change of the published description
     *                    shows only in the fingerprints)
     */
    static Optional<Json.Obj> entry(LocalDate date, String tool, Json.Obj before, Json.Obj after, String from, String to,
                                    boolean curated) {
        List<String> parts = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (String part : ToolChange.PARTS) {
            if (curated && part.equals("description")) {
                continue;
            }
            Optional<Json> a = before.get(part);
            Optional<Json> b = after.get(part);
            if (a.map(JsonText::canonical).equals(b.map(JsonText::canonical))) {
                continue;
            }
            parts.add(part);
            summary.add(switch (part) {
                case "inputSchema", "outputSchema" -> part + ": " + schema(a, b);
                case "annotations" -> "annotations: " + annotations(a, b);
                default -> part + (a.isEmpty() ? " added" : b.isEmpty() ? " removed" : " changed");
            });
        }
        if (curated && !from.equals(to) && parts.isEmpty()) {
            parts.add("description");
            summary.add("description changed upstream (the curated description is kept)");
        }
        if (parts.isEmpty() && from.equals(to)) {
            return Optional.empty();
        }
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("date", Json.str(date.toString()));
        m.put("tool", Json.str(tool));
        m.put("from", Json.str(from));
        m.put("to", Json.str(to));
        m.put("changed", new Json.Arr(parts.stream().map(Json::str).map(Json.class::cast).toList()));
        m.put("summary", Json.str(String.join("; ", summary)));
        return Optional.of(new Json.Obj(m));
    }

    private static String schema(Optional<Json> a, Optional<Json> b) {
        if (a.isEmpty()) {
            return "added";
        }
        if (b.isEmpty()) {
            return "removed";
        }
        Map<String, Json> pa = properties(a.get());
        Map<String, Json> pb = properties(b.get());
        List<String> out = new ArrayList<>();
        List<String> added = pb.keySet().stream().filter(k -> !pa.containsKey(k)).toList();
        List<String> removed = pa.keySet().stream().filter(k -> !pb.containsKey(k)).toList();
        List<String> changed = pa.keySet().stream().filter(pb::containsKey)
                .filter(k -> !JsonText.canonical(pa.get(k)).equals(JsonText.canonical(pb.get(k)))).toList();
        if (!added.isEmpty()) {
            out.add("added " + names(added));
        }
        if (!removed.isEmpty()) {
            out.add("removed " + names(removed));
        }
        if (!changed.isEmpty()) {
            out.add("changed " + names(changed));
        }
        LinkedHashSet<String> ra = required(a.get());
        LinkedHashSet<String> rb = required(b.get());
        if (!ra.equals(rb)) {
            List<String> nowRequired = rb.stream().filter(k -> !ra.contains(k)).toList();
            List<String> noLonger = ra.stream().filter(k -> !rb.contains(k)).toList();
            if (!nowRequired.isEmpty()) {
                out.add("now requires " + names(nowRequired));
            }
            if (!noLonger.isEmpty()) {
                out.add("no longer requires " + names(noLonger));
            }
        }
        return out.isEmpty() ? "changed" : String.join(", ", out);
    }

    private static String names(List<String> names) {
        return (names.size() == 1 ? "property " : "properties ") + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    private static Map<String, Json> properties(Json schema) {
        if (schema instanceof Json.Obj o && o.get("properties").orElse(null) instanceof Json.Obj p) {
            return p.members();
        }
        return Map.of();
    }

    private static LinkedHashSet<String> required(Json schema) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (schema instanceof Json.Obj o && o.get("required").orElse(null) instanceof Json.Arr r) {
            r.items().stream().filter(Json.Str.class::isInstance).map(j -> ((Json.Str) j).value()).forEach(out::add);
        }
        return out;
    }

    private static String annotations(Optional<Json> a, Optional<Json> b) {
        Map<String, Json> ma = a.orElse(null) instanceof Json.Obj o ? o.members() : Map.of();
        Map<String, Json> mb = b.orElse(null) instanceof Json.Obj o ? o.members() : Map.of();
        LinkedHashSet<String> keys = new LinkedHashSet<>(ma.keySet());
        keys.addAll(mb.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String x = ma.containsKey(k) ? JsonText.canonical(ma.get(k)) : "absent";
            String y = mb.containsKey(k) ? JsonText.canonical(mb.get(k)) : "absent";
            if (!x.equals(y)) {
                out.add(k + " " + x + " → " + y);
            }
        }
        return out.isEmpty() ? "changed" : String.join(", ", out);
    }
}
