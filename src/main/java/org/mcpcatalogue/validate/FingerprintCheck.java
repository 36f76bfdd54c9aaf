package org.mcpcatalogue.validate;

import java.util.List;
import java.util.regex.Pattern;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * A stored fingerprint must be one ({@code sha256:} and 64 hex digits, an error otherwise) and should still
 * match the definition beside it: a mismatch is a warning, since the definition changed after it was
 * verified, whether by an edit or by the server (a rug pull). {@code catalogue import} rewrites it.
 */
final class FingerprintCheck implements Check.PerServer {

    static final Pattern FORMAT = Pattern.compile("^sha256:[0-9a-f]{64}$");

    @Override
    public void check(LoadedServer s, Diagnostics out) {
        List<Tool> tools = s.server().tools();
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            var at = s.positions().find("/tools/" + i + "/fingerprint");
            if (at.isEmpty() || t.storedFingerprint().isEmpty()) {
                continue;
            }
            String stored = t.storedFingerprint().get();
            if (!FORMAT.matcher(stored).matches()) {
                out.error(at.get(), "fingerprint " + HiddenText.quoted(stored) + " must be sha256: and 64 lower-case hex digits");
            } else if (!stored.equals(t.fingerprint())) {
                out.warning(at.get(), "fingerprint of tool " + HiddenText.quoted(t.name()) + " no longer matches its definition"
                        + " (now " + t.fingerprint() + "): the definition changed after it was recorded; if that is"
                        + " intended, re-import the server or update the fingerprint");
            }
        }
    }
}
