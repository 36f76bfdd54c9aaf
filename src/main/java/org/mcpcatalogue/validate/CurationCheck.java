package org.mcpcatalogue.validate;

import java.util.List;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Curation;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.model.Category;
import java.util.Map;

/**
 * A curated classification may raise a tool's risk, never hide it: the level is at least the floor of its
 * category in the classification rules ({@code levels.floors}: Read Low, Write Medium, Execute High,
 * Destructive and Financial Critical) and the score is 1–5.
 */
final class CurationCheck implements Check.PerServer {

    private final Map<Category, RiskLevel> floors;

    CurationCheck(Map<Category, RiskLevel> floors) {
        this.floors = Map.copyOf(floors);
    }

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            if (tools.get(i).curation().isEmpty()) {
                continue;
            }
            Curation c = tools.get(i).curation().get();
            String p = "/tools/" + i + "/classification";
            RiskLevel floor = floors.get(c.category());
            c.riskLevel().filter(level -> level.compareTo(floor) < 0).ifPresent(level ->
                    out.error(s.positions().at(p + "/risk_level"), "risk_level " + level.label() + " is below "
                            + floor.label() + ", the level of every " + c.category().label()
                            + " tool; a curated level can raise the risk, not lower it"));
            c.riskScore().filter(score -> score < 1 || score > 5).ifPresent(score ->
                    out.error(s.positions().at(p + "/risk_score"), "risk_score must be from 1 to 5, got " + score));
            if (c.rationale().isBlank()) {
                out.error(s.positions().at(p + "/rationale"), "rationale must say why the classification is curated");
            }
        }
    }
}
