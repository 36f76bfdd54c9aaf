/**
 * Browser tests of the generated site in a real, headless Chromium: {@link org.mcpcatalogue.browser.StaticServer}
 * serves a site directory on 127.0.0.1, {@link org.mcpcatalogue.browser.Browser} drives Debian's
 * {@code chromium} and {@code chromedriver} through Selenium (no driver download, no network but the loopback),
 * and {@link org.mcpcatalogue.browser.AssetsBrowserTest} checks the shared assets in
 * {@code templates/assets/} (stylesheet, copy buttons, search) on a small fixture site.
 * {@link org.mcpcatalogue.browser.ServeBrowserTest} drives {@code catalogue serve} itself (its own server, live reload
 * and error overlay) on a copy of a fixture catalogue that the test edits.
 *
 * <p>Without Chromium the tests are skipped on a developer's machine and fail in CI ({@code CI=true}); install
 * it with {@code apt-get install -y --no-install-recommends chromium chromium-driver} ({@code .ci/run} does).
 * Screenshots land in {@code target/screenshots/}.
 */
package org.mcpcatalogue.browser;
