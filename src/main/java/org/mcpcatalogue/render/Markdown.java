package org.mcpcatalogue.render;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown from the catalogue (server descriptions, attack pages) made safe to put in a page: raw HTML is
 * escaped, link and image URLs other than http, https, mailto and site-relative ones are dropped, and the
 * result is cleaned once more by jsoup's safelist.
 */
public final class Markdown {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SchemeSanitizer())
            .build();
    private final Safelist safelist = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("code", "class")
            .addAttributes("a", "rel")
            .addProtocols("a", "href", "http", "https", "mailto")
            .preserveRelativeLinks(true);

    public Node parse(String markdown) {
        return parser.parse(markdown);
    }

    /** Safe HTML for {@code markdown}. */
    public String toHtml(String markdown) {
        return clean(renderer.render(parse(markdown)));
    }

    public String render(Node node) {
        return clean(renderer.render(node));
    }

    private String clean(String html) {
        // A base URI lets jsoup keep site-relative links; they are written back as they were.
        return Jsoup.clean(html, "https://site.invalid/", safelist,
                new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false))
                .replace("https://site.invalid/", "/");
    }

    private static final class SchemeSanitizer implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowed(url) ? url : "";
        }

        private static boolean allowed(String url) {
            String u = url.strip();
            int colon = u.indexOf(':');
            int slash = u.indexOf('/');
            if (colon < 0 || (slash >= 0 && slash < colon)) {
                return !u.startsWith("//");
            }
            return SCHEMES.contains(u.substring(0, colon).toLowerCase(Locale.ROOT));
        }
    }
}
