/**
 * The {@code catalogue} command line (picocli): one class per subcommand, each a thin shell over a pipeline
 * stage. Exit codes: 0 ok, 1 invalid input, 2 usage error.
 */
package org.mcpcatalogue.cli;
