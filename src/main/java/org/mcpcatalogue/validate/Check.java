package org.mcpcatalogue.validate;

import java.util.List;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;

/** One rule about the catalogue's values. Checks report; they never change the model. */
public interface Check {

    /** Checks every server (and, where the rule needs it, the servers against each other). */
    void check(List<LoadedServer> servers, Diagnostics out);

    /** A check that looks at one server at a time. */
    interface PerServer extends Check {
        void check(LoadedServer server, Diagnostics out);

        @Override
        default void check(List<LoadedServer> servers, Diagnostics out) {
            for (LoadedServer s : servers) {
                check(s, out);
            }
        }
    }
}
