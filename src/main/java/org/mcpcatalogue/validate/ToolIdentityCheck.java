package org.mcpcatalogue.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * Within a server, a tool name identifies one tool (policies match names exactly), and a tool slug
 * identifies one page: {@code get_file} and {@code get-file} would share {@code /tools/<server>/get-file/}.
 */
final class ToolIdentityCheck implements Check.PerServer {

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> slugs = new HashMap<>();
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            var at = s.positions().find("/tools/" + i + "/name");
            if (at.isEmpty() || t.name().isEmpty()) {
                continue;
            }
            Integer first = names.putIfAbsent(t.name(), i);
            if (first != null) {
                out.error(at.get(), "duplicate tool name " + HiddenText.quoted(t.name()) + " (first defined at "
                        + lineOf(s, first) + ")");
                continue;
            }
            Integer sameSlug = slugs.putIfAbsent(t.slug(), i);
            if (sameSlug != null) {
                out.error(at.get(), "tool " + HiddenText.quoted(t.name()) + " has the same page slug \""
                        + HiddenText.visible(t.slug()) + "\" as tool " + HiddenText.quoted(tools.get(sameSlug).name())
                        + " (" + lineOf(s, sameSlug) + "); their pages would collide");
            }
        }
    }

    private static String lineOf(LoadedServer s, int index) {
        Location l = s.positions().at("/tools/" + index + "/name");
        return "line " + l.line() + ", column " + l.column();
    }
}
