package org.mcpcatalogue.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown from the catalogue (server descriptions, attack pages) made safe to put in a page: raw HTML is
 * escaped; every link and image URL is made a valid URI (or the link is reduced to its text); URLs other than
 * http, https, mailto and site-relative ones are dropped; a server description (third-party text) keeps only
 * absolute links, while the catalogue's own root-relative links are written under the site's base path; the
 * result is cleaned once more by jsoup's safelist. Link titles are attribute values, escaped by the renderer.
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

    private final String base;

    /** Markdown for a site at the root of its host. */
    public Markdown() {
        this("");
    }

    /** Markdown for a site whose internal links start with {@code base} ({@code /sub}, or empty). */
    public Markdown(String base) {
        this.base = base;
    }

    public Node parse(String markdown) {
        return parser.parse(markdown);
    }

    /**
     * Safe HTML for third-party {@code markdown} (a server's description): only absolute http, https and mailto
     * links are kept; a relative link or a fragment, which would point into this site, keeps its text only.
     */
    public String toHtml(String markdown) {
        return render(parse(markdown), false);
    }

    /**
     * Safe HTML for the catalogue's own Markdown (attack pages): a root-relative link such as
     * {@code /attacks/rug-pull/} is written under the site's base path.
     */
    public String render(Node node) {
        return render(node, true);
    }

    /**
     * Every link and image URL is made a valid URI first ({@link #normalised}); one that cannot be, or (for
     * third-party text) one that would point into the site, is removed and its text kept.
     */
    private String render(Node doc, boolean ours) {
        List<Node> unlinked = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destination(link.getDestination(), ours).ifPresentOrElse(link::setDestination, () -> unlinked.add(link));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destination(image.getDestination(), ours).ifPresentOrElse(image::setDestination, () -> unlinked.add(image));
                visitChildren(image);
            }
        });
        for (Node link : unlinked) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
        return clean(renderer.render(doc));
    }

    /** Where a link or image of {@code ours} or third-party text leads, or empty when it keeps only its text. */
    private java.util.Optional<String> destination(String raw, boolean ours) {
        return normalised(raw).filter(url -> ours || absolute(url)).map(url -> ours ? rebased(url) : url);
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private static final String URI_CHARS = "-._~:/?#[]@!$&'()*+,;=";

    /**
     * {@code url} as a valid URI (RFC 3986), or empty: the scheme in lower case, every character a URI cannot
     * hold percent-encoded as UTF-8 (a {@code %} not followed by two hex digits, a second {@code #}, brackets,
     * spaces, {@code |}, {@code ^}, backticks, non-ASCII…).
     */
    static java.util.Optional<String> normalised(String url) {
        String u = url.strip();
        java.util.regex.Matcher scheme = SCHEME.matcher(u);
        StringBuilder b = new StringBuilder();
        int start = 0;
        if (scheme.find()) {
            b.append(scheme.group().toLowerCase(Locale.ROOT));
            start = scheme.end();
        }
        boolean fragment = false;
        byte[] bytes = u.substring(start).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            boolean hexEscape = c == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
            if (c == '#' && !fragment) {
                fragment = true;
                b.append('#');
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || hexEscape
                    || (c != '#' && c != '[' && c != ']' && URI_CHARS.indexOf(c) >= 0))) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        String result = b.toString();
        try {
            new java.net.URI(result);
            return java.util.Optional.of(result);
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean hex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private String rebased(String url) {
        return url.startsWith("/") && !url.startsWith("//") ? base + url : url;
    }

    /** Whether a {@link #normalised} URL (stripped, its scheme in lower case) is absolute http, https or mailto. */
    private static boolean absolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:");
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
