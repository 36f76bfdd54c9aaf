package org.mcpcatalogue.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.text.HiddenText;

/** Tags are lower-case words (with "-" between parts), each listed once. */
final class TagCheck implements Check.PerServer {

    static final Pattern TAG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        List<String> tags = s.server().tags();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            var at = s.positions().find("/tags/" + i);
            if (at.isEmpty()) {
                continue;
            }
            String tag = tags.get(i);
            if (!TAG.matcher(tag).matches()) {
                out.error(at.get(), "tag " + HiddenText.quoted(tag) + " must be a lower-case word (a-z, 0-9, words joined by \"-\")");
            } else if (!seen.add(tag)) {
                out.warning(at.get(), "tag " + HiddenText.quoted(tag) + " is listed twice");
            }
        }
    }
}
