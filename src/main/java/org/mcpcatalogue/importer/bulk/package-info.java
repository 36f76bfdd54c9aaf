/**
 * Bulk import ({@code catalogue import-bulk}): a pinned list of npm packages installed (install scripts off),
 * each started in the sandbox and imported, in parallel, resumably, with one outcome per server.
 */
package org.mcpcatalogue.importer.bulk;
