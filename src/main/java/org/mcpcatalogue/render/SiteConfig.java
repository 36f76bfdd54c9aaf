package org.mcpcatalogue.render;

import java.net.URI;

/**
 * Where the site will live. {@code baseUrl} is absolute, without a trailing slash
 * (e.g. {@code https://example.org/catalogue}); {@code base} is its path ({@code /catalogue}, or empty), put in
 * front of every internal link so the site works under a sub-path.
 */
public record SiteConfig(String name, String baseUrl, String base) {

    public static SiteConfig of(String baseUrl) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri = URI.create(trimmed.isEmpty() ? "/" : trimmed);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("--base-url must be an absolute http or https URL, got " + baseUrl);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new SiteConfig("MCP Tool Catalogue", trimmed, path.equals("/") ? "" : path);
    }

    /** A site-relative link to {@code path} ({@code tools/a/b/} → {@code /base/tools/a/b/}). */
    public String link(String path) {
        return base + "/" + path;
    }

    /** The absolute URL of {@code path}. */
    public String absolute(String path) {
        return baseUrl + "/" + path;
    }
}
