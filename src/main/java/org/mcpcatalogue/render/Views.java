package org.mcpcatalogue.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.pipeline.ToolReport;

/** Small view pieces shared by the page builders. Views are plain maps; templates read them strictly. */
final class Views {

    private Views() {
    }

    /** A map built in insertion order: {@code map("a", 1, "b", 2)}. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static final List<String[]> NAV = List.of(
            new String[] {"", "Home"}, new String[] {"servers/", "Servers"}, new String[] {"categories/", "Categories"},
            new String[] {"risk/", "Risk levels"}, new String[] {"attacks/", "Attacks"}, new String[] {"changes/", "Changes"}, new String[] {"search/", "Search"});

    static Map<String, Object> site(SiteConfig config, String section) {
        List<Map<String, Object>> nav = new ArrayList<>();
        for (String[] item : NAV) {
            nav.add(map("url", config.link(item[0]), "label", item[1], "current", item[0].equals(section)));
        }
        return map("name", config.name(), "base", config.base(), "home", config.link(""), "nav", nav,
                "searchUrl", config.link("search/"), "feedUrl", config.link("feed.xml"), "apiUrl", config.link("api/catalogue.json"),
                "changesUrl", config.link("changes/"), "changesFeedUrl", config.link("changes/feed.xml"), "plural", PLURAL);
    }

    /**
     * The templates' plural helper: {@code {{#site.plural}}{{count}} tool|tools{{/site.plural}}} renders its body, then
     * keeps the word before {@code |} when the number it starts with is 1, the word after it otherwise
     * ({@code "1 tool"}, {@code "0 tools"}, {@code "2 tools"}). A body without a number and a {@code |} is left as it is.
     */
    static final java.util.function.Function<String, String> PLURAL = Views::pluralText;

    static String pluralText(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)^(\\s*)([0-9][0-9,]*)(\\s+)([^|]*)\\|(.*)$").matcher(text);
        if (!m.matches()) {
            return text;
        }
        boolean one = m.group(2).replace(",", "").equals("1");
        return m.group(1) + m.group(2) + m.group(3) + (one ? m.group(4) : m.group(5)).strip();
    }

    /** {@code s} ending as a sentence: a full stop added unless it already ends with one (or ? ! … :). */
    static String sentence(String s) {
        String t = s.strip();
        if (t.isEmpty() || ".?!…:".indexOf(t.charAt(t.length() - 1)) >= 0
                || (t.length() > 1 && ".?!".indexOf(t.charAt(t.length() - 2)) >= 0 && "\"')”’".indexOf(t.charAt(t.length() - 1)) >= 0)) {
            return t;
        }
        return t + ".";
    }

    /**
     * The catalogue's own short texts (flow summaries) as inline HTML: escaped, with {@code `code`} spans as
     * {@code <code>} elements, so that a callout never shows raw Markdown.
     */
    static String inlineCode(String s) {
        StringBuilder out = new StringBuilder();
        String[] parts = s.split("`", -1);
        boolean balanced = parts.length % 2 == 1;
        for (int i = 0; i < parts.length; i++) {
            boolean code = balanced && i % 2 == 1;
            if (!balanced && i > 0) {
                out.append('`');
            }
            out.append(code ? "<code>" : "").append(org.jsoup.nodes.Entities.escape(parts[i])).append(code ? "</code>" : "");
        }
        return out.toString();
    }

    /**
     * The page's head: title, meta description, canonical URL, OpenGraph type, optional JSON-LD (a list of
     * zero or one JSON text, safe to put in a script element), scripts and body attributes.
     */
    static Map<String, Object> page(SiteConfig config, String path, String title, String description, String ogType,
                                    List<Json> jsonLd, List<String> scripts) {
        // JsonText.quote already writes U+2028 and U+2029 as escapes; < > & end or open markup in a script element.
        List<String> ld = jsonLd.stream().map(j -> JsonText.write(j).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026")).toList();
        return map("title", title, "description", description, "canonical", config.absolute(path), "ogType", ogType,
                "jsonLd", ld, "scripts", scripts);
    }

    static Map<String, Object> category(SiteConfig config, Category c) {
        return map("label", c.label(), "slug", c.slug(), "cls", "cat-" + c.slug(), "url", config.link("categories/" + c.slug() + "/"));
    }

    static Map<String, Object> risk(SiteConfig config, RiskLevel level, int score) {
        return map("label", level.label(), "score", score, "text", level.label() + " · " + score + "/5",
                "cls", "risk-" + level.slug(), "url", config.link("risk/" + level.slug() + "/"));
    }

    static Map<String, Object> riskLevel(SiteConfig config, RiskLevel level) {
        return map("label", level.label(), "slug", level.slug(), "cls", "risk-" + level.slug(), "url", config.link("risk/" + level.slug() + "/"));
    }

    /** A row of a tool table. */
    static Map<String, Object> toolRow(SiteConfig config, ToolReport t) {
        return map("name", t.tool().name(), "url", config.link(t.path()),
                "server", t.server().name(), "serverUrl", config.link("servers/" + t.server().slug() + "/"),
                "category", category(config, t.verdict().category()),
                "risk", risk(config, t.verdict().riskLevel(), t.verdict().riskScore()),
                "summary", oneLine(t.tool().description(), 160));
    }

    /** The first sentence or line of a text, at most {@code max} characters. */
    static String oneLine(String text, int max) {
        String s = text.strip().replaceAll("\\s+", " ");
        int dot = s.indexOf(". ");
        if (dot > 0 && dot < max) {
            s = s.substring(0, dot + 1);
        }
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Pages listed around the current one in a pagination bar (besides the first and the last). */
    static final int PAGINATION_WINDOW = 3;

    /**
     * The links of a pagination bar for page {@code p} of {@code pages} of the listing at {@code path} (page 1 at
     * {@code path}, page N at {@code path/page/N/}): the first, the last, and those within
     * {@link #PAGINATION_WINDOW} of the current, so that a page's size does not grow with the listing's. None
     * for a single page.
     */
    static List<Map<String, Object>> pagination(SiteConfig config, String path, int p, int pages) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (int q = 1; q <= pages && pages > 1; q++) {
            if (q == 1 || q == pages || Math.abs(q - p) <= PAGINATION_WINDOW) {
                links.add(map("number", q, "url", config.link(q == 1 ? path : path + "page/" + q + "/"), "current", q == p));
            }
        }
        return links;
    }
}
