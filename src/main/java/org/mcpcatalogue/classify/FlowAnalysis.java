package org.mcpcatalogue.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Tool;

/**
 * Finds dangerous combinations of a server's tools. A <em>toxic flow</em> needs a tool that brings content
 * written by others into the agent's context, one that reads private data, and one that can send data out:
 * injected text in the first can make the agent leak the second through the third. A <em>destructive flow</em>
 * needs untrusted content and a destructive tool.
 */
public final class FlowAnalysis {

    public static final String UNTRUSTED = "reads untrusted content";
    public static final String PRIVATE = "reads private data";
    public static final String OUTBOUND = "can send data out";
    public static final String DESTRUCTIVE = "destroys data";

    private final Rules.Flows flows;

    public FlowAnalysis(Rules rules) {
        this.flows = rules.flows();
    }

    /** The flags of a server whose tools have the given verdicts (same order). */
    public List<ServerFlag> analyse(List<Tool> tools, List<Verdict> verdicts) {
        List<String> untrusted = new ArrayList<>();
        List<String> sensitive = new ArrayList<>();
        List<String> outbound = new ArrayList<>();
        List<String> destructive = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            Verdict v = verdicts.get(i);
            List<String> words = NameTokens.split(t.name());
            boolean reads = v.category() == Category.READ;
            if (reads && (words.stream().anyMatch(flows.untrustedNouns()::contains)
                    || words.stream().anyMatch(flows.untrustedVerbs()::contains)
                    || hasSignal(v, "URL"))) {
                untrusted.add(t.name());
            }
            if (reads && words.stream().anyMatch(flows.privateNouns()::contains)) {
                sensitive.add(t.name());
            }
            boolean changes = v.category() == Category.WRITE || v.category() == Category.EXECUTE
                    || v.category() == Category.FINANCIAL;
            if (changes && (words.stream().anyMatch(flows.outboundVerbs()::contains)
                    || hasSignal(v, "recipients") || hasSignal(v, "URL"))) {
                outbound.add(t.name());
            }
            if (v.category() == Category.DESTRUCTIVE) {
                destructive.add(t.name());
            }
        }
        List<ServerFlag> flags = new ArrayList<>();
        if (!untrusted.isEmpty() && !sensitive.isEmpty() && !outbound.isEmpty()) {
            Map<String, List<String>> roles = new LinkedHashMap<>();
            roles.put(UNTRUSTED, untrusted);
            roles.put(PRIVATE, sensitive);
            roles.put(OUTBOUND, outbound);
            flags.add(new ServerFlag("toxic-flow", "Text planted in content that " + name(untrusted)
                    + " returns can make the agent read private data with " + name(sensitive)
                    + " and send it out with " + name(outbound) + ".", roles));
        }
        if (!untrusted.isEmpty() && !destructive.isEmpty()) {
            Map<String, List<String>> roles = new LinkedHashMap<>();
            roles.put(UNTRUSTED, untrusted);
            roles.put(DESTRUCTIVE, destructive);
            flags.add(new ServerFlag("destructive-flow", "Text planted in content that " + name(untrusted)
                    + " returns can make the agent call " + name(destructive) + ".", roles));
        }
        return flags;
    }

    private static boolean hasSignal(Verdict v, String word) {
        return v.signals().stream().anyMatch(s -> s.source().equals("schema") && s.detail().contains(word));
    }

    private static String name(List<String> tools) {
        String first = "`" + tools.get(0) + "`";
        return tools.size() == 1 ? first : first + " (or " + (tools.size() - 1) + " other tool" + (tools.size() == 2 ? "" : "s") + ")";
    }
}
