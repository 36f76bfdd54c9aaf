package org.mcpcatalogue.pipeline;

import java.util.List;
import java.util.Map;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;

/**
 * The assessed catalogue: every server report, in slug order, and the level floor of each category that the
 * rules judged it with ({@code levels.floors} of the classification rules).
 */
public record CatalogueReport(List<ServerReport> servers, Map<Category, RiskLevel> floors) {
    public CatalogueReport {
        servers = List.copyOf(servers);
        floors = Map.copyOf(floors);
    }

    public List<ToolReport> tools() {
        return servers.stream().flatMap(s -> s.tools().stream()).toList();
    }
}
