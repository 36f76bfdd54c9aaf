/**
 * Stage 1, load: reads {@code catalogue/servers/*.yaml} through {@link org.mcpcatalogue.yaml.SafeYaml} into the
 * model, checking field names (with "did you mean"), types, required fields, URLs and dates, and keeping the
 * position of every field in a {@link org.mcpcatalogue.load.SourceMap} for the validator.
 */
package org.mcpcatalogue.load;
