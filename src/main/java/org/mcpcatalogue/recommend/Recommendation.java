package org.mcpcatalogue.recommend;

import java.util.List;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;

/**
 * The policy the catalogue recommends for one tool.
 *
 * @param tool        the tool name
 * @param summary     one line, e.g. "Rate-limit to 10 calls a minute and require prompt"
 * @param rules       the tool's rules (empty for read-only tools: listed, allowed)
 * @param explanation why this policy, in a sentence or two
 * @param notes       what the policy deliberately leaves out, and why (e.g. optional inputs not bounded)
 * @param snippet     the minimal complete document: {@code version} and {@code tools.<tool>}
 * @param snippetYaml {@code snippet} written as YAML
 */
public record Recommendation(String tool, String summary, List<Rule> rules, String explanation, List<String> notes,
                             Policy snippet, String snippetYaml) {
    public Recommendation {
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }
}
