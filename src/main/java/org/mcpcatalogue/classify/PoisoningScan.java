package org.mcpcatalogue.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.HiddenCharacter;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * Looks for text aimed at the model rather than the user, in the description and everywhere in the input
 * schema (property names, descriptions, defaults, enums: full-schema poisoning).
 */
final class PoisoningScan {

    private final Rules.Poisoning rules;

    PoisoningScan(Rules.Poisoning rules) {
        this.rules = rules;
    }

    void scan(Tool tool, List<Flag> flags) {
        List<HiddenCharacter> hidden = HiddenText.scan(tool.description());
        if (!hidden.isEmpty()) {
            HiddenCharacter first = hidden.get(0);
            flags.add(new Flag("invisible-text", hidden.size() + " hidden character" + (hidden.size() == 1 ? "" : "s")
                    + " in the description (first: " + first.kind() + " " + first.describe() + " at position "
                    + (first.index() + 1) + ")"));
        }
        if (tool.description().length() > rules.maxDescription()) {
            flags.add(new Flag("over-long-description", "description is " + tool.description().length()
                    + " characters long (over " + rules.maxDescription() + "): room to hide instructions"));
        }
        List<String[]> texts = new ArrayList<>();
        texts.add(new String[] {"description", tool.description()});
        collect(tool.inputSchema(), "inputSchema", texts);
        for (Rules.PoisonPattern p : rules.patterns()) {
            for (String[] text : texts) {
                var m = p.pattern().matcher(text[1]);
                if (m.find()) {
                    flags.add(new Flag("poisoning", p.why() + ": \"" + HiddenText.visible(excerpt(m.group())) + "\" in " + text[0]));
                    break;
                }
            }
        }
        for (String[] text : texts.subList(1, texts.size())) {
            if (!HiddenText.scan(text[1]).isEmpty()) {
                flags.add(new Flag("invisible-text", "hidden characters in " + text[0]));
                break;
            }
        }
    }

    private static String excerpt(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 77) + "…" : one;
    }

    private static void collect(Json node, String path, List<String[]> out) {
        if (node instanceof Json.Obj o) {
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                String p = path + "." + e.getKey();
                out.add(new String[] {p + " (name)", e.getKey()});
                collect(e.getValue(), p, out);
            }
        } else if (node instanceof Json.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                collect(a.items().get(i), path + "[" + i + "]", out);
            }
        } else if (node instanceof Json.Str s) {
            out.add(new String[] {path, s.value()});
        }
    }
}
