package org.mcpcatalogue.importer.bulk;

import java.util.List;
import java.util.Optional;

/**
 * One line of a bulk list: an npm package pinned to a version, the slug of its catalogue file, and how to start it.
 *
 * @param line        the line of the list it came from (1-based)
 * @param packageName the npm package, e.g. {@code @scope/name}
 * @param version     the exact version
 * @param slug        the catalogue file's slug
 * @param name        display name (empty: the existing file's, or the server's own)
 * @param repository  source repository (empty: the existing file's, or the package's)
 * @param arguments   arguments after the entry file; {@code {work}} stands for the sandbox's private home
 * @param environment placeholder variables NAME=value the server needs only to start
 * @param publisher   publisher (empty: the owner of a GitHub repository)
 * @param entry       the bin to start (a bin name, or a path inside the package); empty: the package's only or
 *                    main bin
 */
public record BulkEntry(int line, String packageName, String version, String slug, Optional<String> name,
                        Optional<String> repository, List<String> arguments, List<String> environment,
                        Optional<String> publisher, Optional<String> entry) {

    public BulkEntry {
        arguments = List.copyOf(arguments);
        environment = List.copyOf(environment);
    }

    /** {@code package@version}. */
    public String spec() {
        return packageName + "@" + version;
    }

    /**
     * What the state file and the report know the entry by: the pinned package and its slug, and how it is started
     * when that is not the default (so that giving a server a placeholder key makes it a new entry, run again).
     */
    public String key() {
        List<String> launch = new java.util.ArrayList<>(environment);
        launch.addAll(arguments);
        entry.ifPresent(e -> launch.add("entry=" + e));
        return spec() + " " + slug + (launch.isEmpty() ? "" : " [" + String.join(" ", launch) + "]");
    }

    /** The install folder's name: the spec with {@code @} and {@code /} made {@code _} (as scripts/import-npm-servers.sh did). */
    public String folderName() {
        return spec().replace('@', '_').replace('/', '_');
    }
}
