package org.mcpcatalogue.validate;

import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.HiddenCharacter;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * Names are what people and policies match on, so they must show exactly what they are: no control,
 * invisible, bidi or tag characters anywhere in a server's name or publisher or in a tool's name or title,
 * and tool names within MCP's alphabet.
 */
final class NameCheck implements Check.PerServer {

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        visibleText(s, "/name", "server name", s.server().name(), out);
        visibleText(s, "/publisher", "publisher", s.server().publisher(), out);
        s.server().license().ifPresent(license -> visibleText(s, "/license", "license", license, out));
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            String p = "/tools/" + i;
            Optional<Location> at = s.positions().find(p + "/name");
            if (at.isPresent() && !visibleText(s, p + "/name", "tool name", t.name(), out)
                    && !Tool.NAME.matcher(t.name()).matches()) {
                out.error(at.get(), "tool name " + HiddenText.quoted(t.name())
                        + (t.name().length() > 128 ? " is " + t.name().length() + " characters long; the limit is 128"
                        : " may only contain letters, digits, \"_\", \".\" and \"-\""));
            }
            t.title().ifPresent(title -> visibleText(s, p + "/title", "tool title", title, out));
            t.annotations().title().ifPresent(title ->
                    visibleText(s, p + "/annotations/title", "annotation title", title, out));
        }
    }

    /** One character of {@code kind} (see {@link HiddenText#nameKindOf(int)}), as a message says it. */
    static String one(String kind) {
        return switch (kind) {
            case "line break" -> "a line break";
            case "noncharacter" -> "a noncharacter";
            case "unpaired surrogate" -> "an unpaired surrogate";
            default -> "a hidden " + kind + " character";
        };
    }

    /** Reports hidden characters in {@code text}; returns whether there were any. */
    private static boolean visibleText(LoadedServer s, String pointer, String what, String text, Diagnostics out) {
        Optional<Location> at = s.positions().find(pointer);
        if (at.isEmpty()) {
            return false;
        }
        List<HiddenCharacter> hidden = HiddenText.scanName(text);
        if (hidden.isEmpty()) {
            return false;
        }
        HiddenCharacter first = hidden.get(0);
        out.error(at.get(), what + " " + HiddenText.quoted(text) + " contains " + (hidden.size() == 1
                ? one(first.kind()) + ", " + first.describe() + ", at position " + (first.index() + 1)
                : hidden.size() + " hidden characters, the first " + first.describe() + " at position " + (first.index() + 1)));
        return true;
    }
}
