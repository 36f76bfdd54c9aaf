package org.mcpcatalogue.validate;

import java.time.LocalDate;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;

/** Whole-server facts: a server lists at least one tool, and was not verified in the future. */
final class ServerCheck implements Check.PerServer {

    private final LocalDate today;

    ServerCheck(LocalDate today) {
        this.today = today;
    }

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        s.positions().find("/tools").filter(at -> s.server().tools().isEmpty()).ifPresent(at ->
                out.warning(at, "server lists no tools"));
        s.positions().find("/verified").filter(at -> s.server().verified().isAfter(today)).ifPresent(at ->
                out.warning(at, "verified date " + s.server().verified() + " is in the future"));
    }
}
