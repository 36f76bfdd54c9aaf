package org.mcpcatalogue.render;

import static org.mcpcatalogue.render.Views.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.model.ToolChange;
import org.mcpcatalogue.pipeline.CatalogueReport;
import org.mcpcatalogue.pipeline.ServerReport;

/**
 * {@code /changes/} and {@code /changes/feed.xml}: the tool definitions that changed, from the {@code history} of the
 * server files, newest first. Every date comes from the data (the entries' dates, else the servers' {@code verified}),
 * never from the clock, so that a build is reproducible.
 */
final class Changes {

    /** Entries on the page; the feed carries fewer. */
    static final int PAGE_LIMIT = 500;
    static final int FEED_LIMIT = 100;

    private final SiteConfig config;

    Changes(SiteConfig config) {
        this.config = config;
    }

    /** One change with the server and (when it still has it) the tool it concerns. */
    record Entry(ServerReport server, ToolChange change, Optional<Tool> tool) {
    }

    /** Every change of the catalogue, newest first, then by server slug and tool name (stable across builds). */
    static List<Entry> entries(CatalogueReport report) {
        List<Entry> out = new ArrayList<>();
        for (ServerReport s : report.servers()) {
            for (ToolChange c : s.server().history()) {
                out.add(new Entry(s, c, s.server().tools().stream().filter(t -> t.name().equals(c.tool())).findFirst()));
            }
        }
        out.sort(Comparator.comparing((Entry e) -> e.change().date()).reversed()
                .thenComparing(e -> e.server().server().slug()).thenComparing(e -> e.change().tool())
                .thenComparing(e -> e.change().to()));
        return out;
    }

    /** The fragment of an entry on {@code /changes/}: server slug, tool slug and date. */
    static String anchor(String serverSlug, String toolName, java.time.LocalDate date) {
        return "change-" + serverSlug + "--" + Tool.slugOf(toolName) + "--" + date;
    }

    PageJob page(CatalogueReport report) {
        List<Entry> all = entries(report);
        Set<String> anchors = new HashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : all.subList(0, Math.min(all.size(), PAGE_LIMIT))) {
            Map<String, Object> row = row(e);
            String anchor = (String) row.get("anchor");
            for (int i = 2; !anchors.add(anchor); i++) {
                anchor = row.get("anchor") + "-" + i;
            }
            row.put("anchor", anchor);
            rows.add(row);
        }
        int n = all.size();
        String description = n == 0 ? "No tool definition in the catalogue has changed since it was first imported."
                : Views.plural(n, "tool definition", "tool definitions") + " changed between imports, newest first, with what changed.";
        return new PageJob("changes/index.html", "changes", map(
                "site", Views.site(config, "changes/"),
                "page", Views.page(config, "changes/", "Tool definition changes · " + config.name(), description, "website",
                        List.of(), List.of()),
                "breadcrumbs", List.of(),
                "crumb", "Changes",
                "count", n,
                "none", n == 0,
                "shown", rows.size(),
                "truncated", n > rows.size(),
                "changes", rows,
                "feedUrl", config.link("changes/feed.xml")));
    }

    /** A change as the page and the feed show it. */
    Map<String, Object> row(Entry e) {
        ToolChange c = e.change();
        Server s = e.server().server();
        List<Map<String, Object>> parts = new ArrayList<>();
        Map<String, List<String>> details = details(c);
        for (var d : details.entrySet()) {
            boolean description = d.getKey().equals("description");
            String now = description ? e.tool().map(Tool::description).filter(x -> !x.isBlank()).orElse("") : "";
            parts.add(map("label", label(d.getKey()), "items", d.getValue(),
                    "now", now.isEmpty() || !isLatest(e) ? List.of() : List.of(ToolPages.shown(now))));
        }
        return map("anchor", anchor(s.slug(), c.tool(), c.date()),
                "date", c.date().toString(),
                "server", map("name", s.name(), "url", config.link(e.server().path())),
                "tool", c.tool(),
                "toolUrl", e.tool().map(t -> List.of(config.link("tools/" + s.slug() + "/" + t.slug() + "/"))).orElse(List.of()),
                "gone", e.tool().isEmpty(),
                "parts", parts,
                "from", c.from(), "to", c.to());
    }

    /** Whether {@code e} is the tool's last recorded change (only then is its current text what the change made). */
    private static boolean isLatest(Entry e) {
        return e.server().server().lastChanged(e.change().tool()).map(d -> d.equals(e.change().date())).orElse(false);
    }

    /**
     * What changed, part by part ({@link ToolChange#PARTS} order), each as readable lines taken from the entry's
     * summary: a schema's {@code added property "x"}, {@code removed property "y"}, {@code now requires "z"}, an
     * annotation's {@code destructiveHint absent → true}. A part listed under {@code changed} without a summary of its
     * own reads "changed".
     */
    static Map<String, List<String>> details(ToolChange c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String part : c.changed()) {
            out.put(part, new ArrayList<>());
        }
        for (String item : c.summary().split("; ")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            String part = ToolChange.PARTS.stream().filter(p -> s.startsWith(p + ":") || s.startsWith(p + " "))
                    .findFirst().orElse("");
            String rest = part.isEmpty() ? s : s.substring(part.length()).replaceFirst("^:?\\s*", "");
            List<String> lines = out.computeIfAbsent(part.isEmpty() ? "other" : part, k -> new ArrayList<>());
            String splitter = part.equals("annotations") ? ", (?=[A-Za-z]+Hint |title )"
                    : ", (?=(added|removed|changed|now requires|no longer requires) )";
            for (String line : rest.split(splitter)) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        out.replaceAll((k, v) -> v.isEmpty() ? List.of("changed") : List.copyOf(v));
        return out;
    }

    private static String label(String part) {
        return switch (part) {
            case "title" -> "Title";
            case "description" -> "Description";
            case "inputSchema" -> "Input schema";
            case "outputSchema" -> "Output schema";
            case "annotations" -> "Annotations";
            default -> "Other";
        };
    }

    /** {@code /changes/feed.xml}: Atom 1.0, one entry per change, newest first. */
    Output feed(CatalogueReport report) {
        List<Entry> all = entries(report);
        String updated = !all.isEmpty() ? all.get(0).change().date().toString()
                : report.servers().stream().map(s -> s.server().verified()).max(java.time.LocalDate::compareTo)
                .map(Object::toString).orElse("1970-01-01");
        Set<String> ids = new HashSet<>();
        String xml = Xml.document(w -> {
            Xml.atomHead(w, config.name() + ": tool definition changes", config.absolute("changes/"),
                    config.absolute("changes/feed.xml"), config.absolute("changes/"), updated, config.name());
            for (Entry e : all.subList(0, Math.min(all.size(), FEED_LIMIT))) {
                Map<String, Object> row = row(e);
                String anchor = (String) row.get("anchor");
                for (int i = 2; !ids.add(anchor); i++) {
                    anchor = row.get("anchor") + "-" + i;
                }
                Server s = e.server().server();
                String link = e.tool().map(t -> config.absolute("tools/" + s.slug() + "/" + t.slug() + "/"))
                        .orElse(config.absolute("changes/") + "#" + anchor);
                w.writeCharacters("  ");
                w.writeStartElement("entry");
                w.writeCharacters("\n    ");
                Xml.element(w, "title", s.name() + ": " + e.change().tool() + " changed on " + e.change().date());
                w.writeCharacters("\n    ");
                Xml.element(w, "id", config.absolute("changes/") + "#" + anchor);
                w.writeCharacters("\n    ");
                w.writeEmptyElement("link");
                w.writeAttribute("href", Xml.text(link));
                w.writeCharacters("\n    ");
                Xml.element(w, "updated", e.change().date() + "T00:00:00Z");
                w.writeCharacters("\n    ");
                w.writeStartElement("content");
                w.writeAttribute("type", "html");
                w.writeCharacters(Xml.text(contentHtml(row)));
                w.writeEndElement();
                w.writeCharacters("\n  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
        });
        return Output.text("changes/feed.xml", xml);
    }

    /** The entry's content as HTML (escaped once more by the feed's XML). */
    @SuppressWarnings("unchecked")
    private static String contentHtml(Map<String, Object> row) {
        StringBuilder b = new StringBuilder("<dl>");
        for (Map<String, Object> part : (List<Map<String, Object>>) row.get("parts")) {
            b.append("<dt>").append(esc((String) part.get("label"))).append("</dt>");
            for (String item : (List<String>) part.get("items")) {
                b.append("<dd>").append(esc(item)).append("</dd>");
            }
            for (String now : (List<String>) part.get("now")) {
                b.append("<dd>Now reads: ").append(esc(now)).append("</dd>");
            }
        }
        return b.append("</dl><p>Fingerprint ").append(esc((String) row.get("from"))).append(" → ")
                .append(esc((String) row.get("to"))).append("</p>").toString();
    }

    private static String esc(String s) {
        return org.jsoup.nodes.Entities.escape(s);
    }
}
