/**
 * Stage 1, load: reads {@code catalogue/servers/*.yaml} through {@link org.mcpcatalogue.yaml.SafeYaml} into the
 * model, checking field names (with "did you mean"), types, required fields, URLs and dates, and keeping the
 * position of every field in a {@link org.mcpcatalogue.load.SourceMap} for the validator. Files are opened only
 * after {@link org.mcpcatalogue.load.InputFiles} has seen that they are regular files (no FIFO, device or link)
 * within the size limit; the commands that read a file named on the command line use it too.
 */
package org.mcpcatalogue.load;
