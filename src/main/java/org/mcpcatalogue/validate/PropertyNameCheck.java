package org.mcpcatalogue.validate;

import java.util.List;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.load.SourceMap;
import org.mcpcatalogue.model.HiddenCharacter;
import org.mcpcatalogue.text.HiddenText;

/**
 * A schema's property names become argument names in policies ({@code args.<name>}) and rows on the tool's
 * page, so, like tool names, they may hold no control, invisible, bidi or tag character, no line break and no
 * noncharacter: such a name would be invisible or reordered in a policy path.
 */
final class PropertyNameCheck implements Check.PerServer {

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        SourceMap pos = s.positions();
        SchemaWalk.objects(s, (o, p) -> {
            if (!(o.get("properties").orElse(null) instanceof Json.Obj props)) {
                return;
            }
            for (String name : props.members().keySet()) {
                List<HiddenCharacter> hidden = HiddenText.scanName(name);
                if (hidden.isEmpty()) {
                    continue;
                }
                String pointer = p + "/properties/" + SourceMap.segment(name);
                HiddenCharacter first = hidden.get(0);
                out.error(pos.findKey(pointer).orElse(pos.at(pointer)), "property name " + HiddenText.quoted(name)
                        + " contains " + (hidden.size() == 1 ? NameCheck.one(first.kind()) + ", " : hidden.size()
                        + " hidden characters, the first ") + first.describe() + ", at position " + (first.index() + 1)
                        + "; it would be invisible in a policy's argument path");
            }
        });
    }
}
