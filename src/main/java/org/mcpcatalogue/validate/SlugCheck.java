package org.mcpcatalogue.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.text.HiddenText;

/** A server's slug is its URL and its file name: lower-case words joined by "-", at most 64, unique. */
final class SlugCheck implements Check {

    @Override
    public void check(List<LoadedServer> servers, Diagnostics out) {
        Map<String, LoadedServer> seen = new HashMap<>();
        for (LoadedServer s : servers) {
            var at = s.positions().find("/slug");
            if (at.isEmpty()) {
                continue;
            }
            String slug = s.server().slug();
            if (!Server.SLUG.matcher(slug).matches()) {
                out.error(at.get(), "slug " + HiddenText.quoted(slug) + " must be lower-case letters and digits in words"
                        + " joined by \"-\" (" + Server.SLUG.pattern() + ")");
            } else if (slug.length() > Server.MAX_SLUG) {
                out.error(at.get(), "slug is " + slug.length() + " characters long; the limit is " + Server.MAX_SLUG);
            }
            if (!slug.equals(s.fileSlug())) {
                out.error(at.get(), "slug " + HiddenText.quoted(slug) + " must equal the file name "
                        + HiddenText.quoted(s.fileSlug()) + " (rename the file to " + HiddenText.visible(slug)
                        + ".yaml or change the slug)");
            }
            LoadedServer first = seen.putIfAbsent(slug, s);
            if (first != null) {
                out.error(at.get(), "slug " + HiddenText.quoted(slug) + " is also used by " + first.file());
            }
        }
    }
}
