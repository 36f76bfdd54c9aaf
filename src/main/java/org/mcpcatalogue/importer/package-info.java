/**
 * {@code catalogue import}: reads a server's tools and facts from a source (a {@code tools/list} result, an MCP
 * registry {@code server.json}, a Docker MCP catalog entry, an Intercept policy scaffold, or a live server
 * over stdio, run in a {@link org.mcpcatalogue.importer.Sandbox}), merges them into {@code catalogue/servers/<slug>.yaml} without losing curated fields or
 * comments, and writes the file only when it validates.
 */
package org.mcpcatalogue.importer;
