package org.mcpcatalogue.validate;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Server;

/**
 * A server's description is what a reader decides by: one that only repeats the name ("Acme MCP server.", the
 * placeholder earlier imports wrote) or is shorter than {@value #MIN_LENGTH} characters says nothing, and is a
 * warning at the description. The real one comes from the server's own package or repository.
 */
final class ServerDescriptionCheck implements Check.PerServer {

    /** The shortest description that can say what a server does. */
    static final int MIN_LENGTH = 20;

    /** One short line ending in "MCP server": the placeholder's shape, whatever the name. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^[^\\n]{1,60} MCP server\\.$");

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        String description = s.server().description().strip();
        // A blank one is the loader's to report (missing, or not readable as text).
        s.positions().find("/description").filter(at -> !description.isEmpty()).ifPresent(at -> {
            if (placeholder(s.server())) {
                out.warning(at, "description " + quoted(description) + " is a placeholder; take the server's own"
                        + " description from its package (package.json \"description\", server.json) or repository README");
            } else if (description.codePointCount(0, description.length()) < MIN_LENGTH) {
                out.warning(at, "description " + quoted(description) + " is shorter than " + MIN_LENGTH
                        + " characters; say what the server does, from its package or repository");
            }
        });
    }

    /** Whether the server's description is the placeholder "&lt;Name&gt; MCP server." or has its shape. */
    static boolean placeholder(Server server) {
        String d = server.description().strip();
        return d.toLowerCase(Locale.ROOT).equals((server.name() + " MCP server.").toLowerCase(Locale.ROOT))
                || PLACEHOLDER.matcher(d).matches();
    }

    private static String quoted(String s) {
        return org.mcpcatalogue.text.HiddenText.quoted(s.length() > 80 ? s.substring(0, 80) + "…" : s);
    }
}
