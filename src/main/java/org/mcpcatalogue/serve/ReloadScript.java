package org.mcpcatalogue.serve;

import java.nio.charset.StandardCharsets;

/**
 * The small script {@link SiteHandler} adds to each HTML page it serves (never to the built files): it listens to
 * {@link LiveReload#EVENTS}, reloads the page when a newer build than its own was published, and shows the build
 * error, if any, in an overlay (set as text, so nothing in it is interpreted as HTML) until the error is fixed.
 */
final class ReloadScript {

    /** The overlay's id, for tests and for styling. */
    static final String OVERLAY_ID = "catalogue-serve-error";

    private static final String SCRIPT = """
            <script data-catalogue-serve>(function () {
              var built = %d;
              var events = new EventSource("%s");
              events.addEventListener("state", function (e) {
                var state = JSON.parse(e.data);
                if (state.generation !== built) { events.close(); location.reload(); return; }
                var overlay = document.getElementById("%s");
                if (state.error === null) { if (overlay) { overlay.remove(); } return; }
                if (!overlay) {
                  overlay = document.createElement("div");
                  overlay.id = "%s";
                  overlay.setAttribute("role", "alert");
                  overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;"
                    + "background:rgba(20,20,20,.93);color:#fff;font:14px/1.5 ui-monospace,monospace;";
                  var title = document.createElement("h2");
                  title.textContent = "Build failed (the page below is the last good build)";
                  title.style.cssText = "margin:0 0 1rem;color:#ff8a80;font:bold 1.2rem sans-serif;";
                  var text = document.createElement("pre");
                  text.style.cssText = "margin:0;white-space:pre-wrap;";
                  overlay.append(title, text);
                  document.body.appendChild(overlay);
                }
                overlay.querySelector("pre").textContent = state.error;
              });
            })();</script>
            """;

    private ReloadScript() {
    }

    /** @return the script for a page of build {@code generation} */
    static String script(long generation) {
        return SCRIPT.formatted(generation, LiveReload.EVENTS, OVERLAY_ID, OVERLAY_ID);
    }

    /** @return {@code html} with the script inserted before its last {@code </body>} (or appended if it has none) */
    static byte[] inject(byte[] html, long generation) {
        String page = new String(html, StandardCharsets.UTF_8);
        String script = script(generation);
        int at = page.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? page + script : page.substring(0, at) + script + page.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }
}
