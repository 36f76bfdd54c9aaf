package org.mcpcatalogue.pipeline;

import java.util.List;
import org.mcpcatalogue.classify.ServerFlag;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.prove.Proof;
import org.mcpcatalogue.recommend.ServerPolicy;

/** One server with its tools' reports, its flags, and its complete policy and proof. */
public record ServerReport(Server server, List<ToolReport> tools, List<ServerFlag> flags, ServerPolicy policy,
                           Proof proof) {
    public ServerReport {
        tools = List.copyOf(tools);
        flags = List.copyOf(flags);
    }

    public String path() {
        return "servers/" + server.slug() + "/";
    }

    /** Tools that can change or destroy data: anything but Read. */
    public long changing() {
        return tools.stream().filter(t -> t.verdict().category() != Category.READ).count();
    }
}
