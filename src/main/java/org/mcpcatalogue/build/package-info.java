/**
 * The build's orchestration, apart from the command line (as Hugo keeps {@code hugolib} apart from
 * {@code commands}): {@link org.mcpcatalogue.build.SiteBuild} runs load → validate → classify → recommend → prove →
 * render → check → publish for a {@link org.mcpcatalogue.build.BuildRequest} and returns a
 * {@link org.mcpcatalogue.build.BuildResult}. {@code catalogue build} and {@code catalogue serve} both call it.
 */
package org.mcpcatalogue.build;
