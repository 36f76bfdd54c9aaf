package org.mcpcatalogue.render.search;

import java.util.Objects;

/**
 * One entry of the search index: a server or a tool, with what a result line shows.
 *
 * @param kind        server or tool
 * @param name        the tool's name (e.g. {@code generate_image}) or the server's name
 * @param serverSlug  the server's slug (a tool's server, or the server itself)
 * @param serverName  the server's name
 * @param category    the tool's category label ({@code Read} …); empty for a server
 * @param riskLevel   the risk level label ({@code Low} … {@code Critical}); a server's is its riskiest tool's, empty if it has none
 * @param score       the 1–5 risk score (a server: its riskiest tool's; 0 if none)
 * @param description a short description, one line
 * @param url         the page, root-relative without the site's base path (e.g. {@code /tools/a/b/})
 */
public record SearchRecord(Kind kind, String name, String serverSlug, String serverName, String category, String riskLevel,
        int score, String description, String url) {

    /** What a record stands for. */
    public enum Kind { SERVER, TOOL }

    public SearchRecord {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        Objects.requireNonNull(serverSlug);
        Objects.requireNonNull(serverName);
        Objects.requireNonNull(category);
        Objects.requireNonNull(riskLevel);
        Objects.requireNonNull(description);
        Objects.requireNonNull(url);
        if (!url.startsWith("/") || url.startsWith("//")) {
            throw new IllegalArgumentException("search record URL must be root-relative: " + url);
        }
    }
}
