package org.mcpcatalogue.validate;

import java.util.List;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.ToolChange;
import org.mcpcatalogue.text.HiddenText;

/**
 * The {@code history} of tool changes is the record of what imports saw: its entries are in date order, and an
 * entry records a change ({@code from} differs from {@code to}, or {@code changed} names a part). The loader has
 * already checked the fields (dates, fingerprints, the parts named).
 */
final class HistoryCheck implements Check.PerServer {

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        List<ToolChange> history = s.server().history();
        for (int i = 0; i < history.size(); i++) {
            ToolChange c = history.get(i);
            var at = s.positions().find("/history/" + i).orElse(c.location());
            if (i > 0 && c.date().isBefore(history.get(i - 1).date())) {
                out.error(at, "history entry for tool " + HiddenText.quoted(c.tool()) + " dated " + c.date()
                        + " comes after one dated " + history.get(i - 1).date() + "; keep the history oldest first");
            }
            if (c.from().equals(c.to()) && c.changed().isEmpty()) {
                out.error(at, "history entry for tool " + HiddenText.quoted(c.tool()) + " records no change (same"
                        + " fingerprint, nothing under \"changed\")");
            }
        }
    }
}
