package org.mcpcatalogue.pipeline;

import org.mcpcatalogue.classify.Verdict;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.prove.Proof;
import org.mcpcatalogue.recommend.Recommendation;

/** Everything the catalogue knows about one tool: its definition, verdict, recommended policy and proof. */
public record ToolReport(Server server, Tool tool, Verdict verdict, Recommendation recommendation, Proof proof) {

    /** The tool page's path below the site root, with a trailing slash: {@code tools/<server>/<tool>/}. */
    public String path() {
        return "tools/" + server.slug() + "/" + tool.slug() + "/";
    }
}
