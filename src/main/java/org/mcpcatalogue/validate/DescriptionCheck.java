package org.mcpcatalogue.validate;

import java.util.List;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.HiddenCharacter;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * Descriptions are evidence: a tool description with hidden characters is kept exactly as the server
 * publishes it (the classifier flags it as possible poisoning), but the contributor is told. A tool with no
 * description is allowed (MCP makes it optional) and reported, since thin documentation is a risk signal.
 */
final class DescriptionCheck implements Check.PerServer {

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        List<HiddenCharacter> serverHidden = HiddenText.scan(s.server().description());
        s.positions().find("/description").filter(at -> !serverHidden.isEmpty()).ifPresent(at ->
                out.warning(at, "server description contains " + count(serverHidden) + "; kept as written"));
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            String p = "/tools/" + i;
            var at = s.positions().find(p + "/description");
            if (at.isEmpty() && s.positions().findKey(p + "/description").isEmpty()) {
                s.positions().find(p).ifPresent(l -> out.warning(l, "tool " + HiddenText.quoted(t.name())
                        + " has no description; the classifier counts thin documentation as a risk signal"));
            } else if (at.isPresent() && !t.hiddenCharacters().isEmpty()) {
                out.warning(at.get(), "description of tool " + HiddenText.quoted(t.name()) + " contains "
                        + count(t.hiddenCharacters()) + "; kept as published and flagged as possible tool poisoning");
            }
        }
    }

    private static String count(List<HiddenCharacter> hidden) {
        HiddenCharacter first = hidden.get(0);
        return (hidden.size() == 1 ? "a hidden character" : hidden.size() + " hidden characters")
                + " (" + (hidden.size() == 1 ? "" : "first ") + first.describe() + " at position " + (first.index() + 1) + ")";
    }
}
