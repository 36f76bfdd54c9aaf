package org.mcpcatalogue.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * What the checks need from one page, read in one pass over its text without building a document: the ids in
 * document order, whether the first {@code <title>} has text, the first {@code <meta name="description">}'s
 * content, the number of {@code h1} elements, and every {@code href} or {@code src} (the canonical link
 * excepted). It reads HTML as the build's templates write it: tags, attributes (quoted or not, entities
 * decoded, the first of a repeated name kept), comments, a doctype, and the raw text of {@code script} and
 * {@code style}; {@code PageScannerTest} compares it with jsoup on every page of the fixture sites. About ten
 * times cheaper than parsing the page, which at registry scale is most of the check's time.
 */
final class PageScanner {

    /** One link: the element's tag name, the attribute ({@code href} or {@code src}) and its value. */
    record Link(String tag, String attr, String value) {
    }

    /** The facts of a page. */
    record Facts(List<String> ids, boolean title, String description, int h1, List<Link> links) {
    }

    private PageScanner() {
    }

    static Facts scan(String html) {
        List<String> ids = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Boolean title = null;
        String description = null;
        int h1 = 0;
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            char c = html.charAt(lt + 1);
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
            } else if (c == '!' || c == '?') {
                int end = html.indexOf('>', lt);
                i = end < 0 ? n : end + 1;
            } else if (c == '/') {
                int end = html.indexOf('>', lt);
                i = end < 0 ? n : end + 1;
            } else if (isLetter(c)) {
                int j = lt + 1;
                while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') {
                    j++;
                }
                String tag = html.substring(lt + 1, j).toLowerCase(Locale.ROOT);
                Map<String, String> attrs = new LinkedHashMap<>();
                j = attributes(html, j, attrs);
                i = j;
                if (attrs.containsKey("id")) {
                    ids.add(attrs.get("id"));
                }
                if (tag.equals("h1")) {
                    h1++;
                } else if (tag.equals("meta") && description == null && "description".equalsIgnoreCase(attrs.get("name"))) {
                    description = attrs.getOrDefault("content", "");
                } else if (tag.equals("title") || tag.equals("script") || tag.equals("style")) {
                    int close = indexOfIgnoreCase(html, "</" + tag, i);
                    int end = close < 0 ? n : close;
                    if (tag.equals("title") && title == null) {
                        title = !Parser.unescapeEntities(html.substring(i, end), false).isBlank();
                    }
                    i = end;
                }
                if (!(tag.equals("link") && "canonical".equals(attrs.get("rel")))) {
                    if (attrs.containsKey("href")) {
                        links.add(new Link(tag, "href", attrs.get("href")));
                    } else if (attrs.containsKey("src")) {
                        links.add(new Link(tag, "src", attrs.get("src")));
                    }
                }
            } else {
                i = lt + 1;
            }
        }
        return new Facts(ids, title != null && title, description, h1, links);
    }

    /** Reads the attributes from {@code j} to the end of the tag; returns the index after its {@code >}. */
    private static int attributes(String html, int j, Map<String, String> attrs) {
        int n = html.length();
        while (j < n) {
            char c = html.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (isSpace(c) || c == '/') {
                j++;
                continue;
            }
            int start = j;
            while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '=' && html.charAt(j) != '>'
                    && !(html.charAt(j) == '/' && j > start)) {
                j++;
            }
            String name = html.substring(start, j).toLowerCase(Locale.ROOT);
            while (j < n && isSpace(html.charAt(j))) {
                j++;
            }
            String value = "";
            if (j < n && html.charAt(j) == '=') {
                j++;
                while (j < n && isSpace(html.charAt(j))) {
                    j++;
                }
                if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                    char q = html.charAt(j);
                    int end = html.indexOf(q, j + 1);
                    end = end < 0 ? n : end;
                    value = html.substring(j + 1, end);
                    j = Math.min(n, end + 1);
                } else {
                    int vs = j;
                    while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '>') {
                        j++;
                    }
                    value = html.substring(vs, j);
                }
                if (value.indexOf('&') >= 0) {
                    value = Parser.unescapeEntities(value, true);
                }
            }
            attrs.putIfAbsent(name, value);
        }
        return n;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int n = s.length() - what.length();
        for (int i = from; i <= n; i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
