package org.mcpcatalogue.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mcpcatalogue.render.Output;

/**
 * Stage 7, check: parses every page of the rendered site with jsoup before anything is published. Every
 * internal {@code href} and {@code src} must resolve to a file of the site and every {@code #fragment} to an id
 * of its page; ids are unique; every page has a title, a meta description and exactly one {@code h1}.
 */
public final class SiteChecker {

    /** One problem, naming the page. */
    public record Problem(String page, String message) {
        @Override
        public String toString() {
            return page + ": error: " + message;
        }
    }

    private final String base;

    /** @param base the path prefix of internal links ({@code ""} or e.g. {@code /catalogue}) */
    public SiteChecker(String base) {
        this.base = base;
    }

    /** What the checks need from one page; the parsed document itself is dropped at once. */
    private record Facts(String page, Set<String> ids, List<String> duplicateIds, boolean title, boolean description,
                         int h1, List<String[]> links) {
    }

    public List<Problem> check(List<Output> files) {
        Map<String, Output> byPath = new HashMap<>();
        for (Output o : files) {
            byPath.put(o.path(), o);
        }
        List<Facts> pages = files.parallelStream().filter(o -> o.path().endsWith(".html")).map(SiteChecker::facts)
                .sorted(java.util.Comparator.comparing(Facts::page)).toList();
        Map<String, Set<String>> ids = new HashMap<>();
        for (Facts f : pages) {
            ids.put(f.page(), f.ids());
        }
        List<Problem> problems = new ArrayList<>();
        for (Facts f : pages) {
            for (String id : f.duplicateIds()) {
                problems.add(new Problem(f.page(), "duplicate id \"" + id + "\""));
            }
            if (!f.title()) {
                problems.add(new Problem(f.page(), "no <title>"));
            }
            if (!f.description()) {
                problems.add(new Problem(f.page(), "no meta description"));
            }
            if (f.h1() != 1) {
                problems.add(new Problem(f.page(), f.h1() + " h1 elements (a page has exactly one)"));
            }
            for (String[] link : f.links()) {
                checkLink(f.page(), link[0], link[1], link[2], byPath, ids).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Facts facts(Output o) {
        Document doc = Jsoup.parse(new String(o.bytes(), StandardCharsets.UTF_8));
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Element el : doc.select("[id]")) {
            if (!seen.add(el.id())) {
                duplicates.add(el.id());
            }
        }
        Element description = doc.selectFirst("meta[name=description]");
        List<String[]> links = new ArrayList<>();
        for (Element el : doc.select("[href], [src]")) {
            if (el.tagName().equals("link") && el.attr("rel").equals("canonical")) {
                continue;
            }
            String attr = el.hasAttr("href") ? "href" : "src";
            links.add(new String[] {el.tagName(), attr, el.attr(attr)});
        }
        return new Facts(o.path(), seen, duplicates, !doc.title().isBlank(),
                description != null && !description.attr("content").isBlank(), doc.select("h1").size(), links);
    }

    private java.util.Optional<Problem> checkLink(String page, String tag, String attr, String link,
                                                   Map<String, Output> files, Map<String, Set<String>> ids) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            return java.util.Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> is not a valid URL"));
        }
        if (uri.getScheme() != null || link.startsWith("//")) {
            String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!s.equals("http") && !s.equals("https") && !s.equals("mailto")) {
                return java.util.Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> uses the scheme " + s));
            }
            return java.util.Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            if (!(path + "/").startsWith(base + "/")) {
                return java.util.Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> leaves the site's base path " + base + "/"));
            }
            target = path.substring(base.length() + 1);
        } else {
            String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            target = URI.create("/" + dir).resolve(path).getPath().substring(1);
        }
        if (target.isEmpty() || target.endsWith("/")) {
            target = target + "index.html";
        }
        if (!files.containsKey(target)) {
            return java.util.Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\"> points to a file the site does not have (" + target + ")"));
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")
                && !ids.getOrDefault(target, Set.of()).contains(fragment)) {
            return java.util.Optional.of(new Problem(page, "<" + tag + " " + attr + "=\"" + link + "\">: " + target + " has no id \"" + fragment + "\""));
        }
        return java.util.Optional.empty();
    }
}
