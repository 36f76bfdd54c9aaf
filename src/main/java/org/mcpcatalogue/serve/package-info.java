/**
 * {@code catalogue serve}: builds the site into a private temporary folder, serves it on 127.0.0.1 only, watches
 * the catalogue (servers, rules, attacks) and the templates, rebuilds on every saved change and reloads the open
 * pages through server-sent events; a failed build is printed in the terminal and shown as an overlay in the page
 * while the last good build stays served.
 *
 * <p>The build itself is behind {@link org.mcpcatalogue.serve.SiteBuilder}: {@link org.mcpcatalogue.serve.DevServer}
 * knows nothing of the pipeline (the builder runs the incremental build of {@code org.mcpcatalogue.build}).
 * See docs/serve.md.
 */
package org.mcpcatalogue.serve;
