package org.mcpcatalogue.build;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build: the catalogue directory (and how to name it in messages), the templates directory, where to
 * publish, and the absolute URL the site is served from. The classification rules are the catalogue's
 * {@code rules/classification.yaml}, else the bundled ones.
 *
 * @param catalogue the catalogue directory
 * @param catalogueLabel the catalogue directory as the user wrote it, for messages
 * @param templates the templates directory
 * @param out the output path as the user wrote it (a link to the published version; see docs/publishing.md)
 * @param baseUrl the absolute URL the site is served from
 * @param clean whether to make everything anew, reusing nothing of the published version or of earlier runs
 */
public record BuildRequest(Path catalogue, String catalogueLabel, Path templates, String out, String baseUrl, boolean clean) {
    public BuildRequest {
        Objects.requireNonNull(catalogue);
        Objects.requireNonNull(catalogueLabel);
        Objects.requireNonNull(templates);
        Objects.requireNonNull(out);
        Objects.requireNonNull(baseUrl);
    }

    /** An incremental build (reusing what the inputs' changes leave valid). */
    public BuildRequest(Path catalogue, String catalogueLabel, Path templates, String out, String baseUrl) {
        this(catalogue, catalogueLabel, templates, out, baseUrl, false);
    }

    /** The classification rules file the build reads if present. */
    public Path rules() {
        return catalogue.resolve("rules/classification.yaml");
    }
}
