package org.mcpcatalogue.classify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * Finds tools that run code, commands, scripts or queries the caller writes ({@code caller_code} in the rules):
 * an input field said to be executed, a name such as {@code execute_sql}, or a description such as "Execute
 * arbitrary Python code". A tool that says its code can only read is found too, but marked exempt.
 */
final class CallerCodeScan {

    /**
     * What was found.
     *
     * @param source  where: schema, name or description
     * @param detail  the evidence, quoted
     * @param exempt  empty, or why the tool is not blocked (it says the code can only read)
     */
    record Match(String source, String detail, Optional<String> exempt) {
    }

    private static final int QUOTE = 80;

    private final Rules.CallerCode rules;
    /** Rules out, before RE2/J runs, the texts a pattern of these rules cannot match. */
    private final Prefilter prefilter;

    CallerCodeScan(Rules.CallerCode rules) {
        this.rules = rules;
        List<com.google.re2j.Pattern> patterns = new java.util.ArrayList<>(rules.phrases());
        patterns.addAll(List.of(rules.executed(), rules.language(), rules.unless()));
        this.prefilter = new Prefilter(patterns);
    }

    Optional<Match> scan(Tool tool, List<String> tokens) {
        String description = tool.description();
        for (Map.Entry<String, Json> p : tool.inputProperties().members().entrySet()) {
            boolean code = NameTokens.named(p.getKey(), rules.fields());
            if (!(p.getValue() instanceof Json.Obj prop) || !(code || NameTokens.named(p.getKey(), rules.genericFields())) || !freeText(prop)) {
                continue;
            }
            String said = prop.get("description").orElse(null) instanceof Json.Str s ? s.value() : "";
            if (prefilter.find(rules.executed(), said) && (code || prefilter.find(rules.language(), said))) {
                return Optional.of(new Match("schema", "\"" + p.getKey() + "\" is run as given (its description: \""
                        + quote(said) + "\")", exempt(tool, tokens, said)));
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!rules.verbs().contains(tokens.get(i))) {
                continue;
            }
            for (String noun : tokens.subList(i + 1, tokens.size())) {
                if (rules.nouns().contains(noun)) {
                    return Optional.of(new Match("name", "\"" + tokens.get(i) + "\" acting on \"" + noun + "\"",
                            exempt(tool, tokens, "")));
                }
            }
        }
        Prefilter.Text read = prefilter.text(description);
        for (var pattern : rules.phrases()) {
            if (!prefilter.mayMatch(pattern, read)) {
                continue;
            }
            var m = pattern.matcher(description);
            if (m.find()) {
                return Optional.of(new Match("description", "\"" + quote(m.group()) + "\"", exempt(tool, tokens, "")));
            }
        }
        return Optional.empty();
    }

    /** A string or an array of strings, with no {@code enum}: text the caller writes, not a choice. */
    private static boolean freeText(Json.Obj prop) {
        if (prop.get("enum").isPresent()) {
            return false;
        }
        Json type = prop.get("type").orElse(Json.NULL);
        if (type instanceof Json.Str s && s.value().equals("string")) {
            return true;
        }
        if (type instanceof Json.Str s && s.value().equals("array")) {
            return prop.get("items").orElse(null) instanceof Json.Obj items
                    && items.get("type").orElse(null) instanceof Json.Str t && t.value().equals("string")
                    && items.get("enum").isEmpty();
        }
        return false;
    }

    /** Why the tool is not blocked: its name, description or field says the code can only read. */
    private Optional<String> exempt(Tool tool, List<String> tokens, String field) {
        for (String text : List.of(String.join(" ", tokens), tool.description(), field)) {
            if (!prefilter.mayMatch(rules.unless(), prefilter.text(text))) {
                continue;
            }
            var m = rules.unless().matcher(text);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /**
     * The evidence on one line, at most {@value #QUOTE} characters before escaping, with its hidden characters
     * (controls, bidi, zero-width and tag characters) written as escapes by {@link HiddenText#visible}.
     */
    private static String quote(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        if (one.codePointCount(0, one.length()) > QUOTE) {
            one = one.substring(0, one.offsetByCodePoints(0, QUOTE - 1)) + "…";
        }
        return HiddenText.visible(one);
    }
}
