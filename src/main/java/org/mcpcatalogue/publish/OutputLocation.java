package org.mcpcatalogue.publish;

import java.nio.file.Path;

/**
 * Where a site is published, every path already resolved to its real location (symbolic links of the parent
 * folders followed): the output path itself ({@code site}), which readers open and which is a symbolic link to
 * the current version; the folder of versions beside it ({@code .site-versions/}); and the lock file beside it
 * ({@code .site-lock}). See docs/publishing.md.
 *
 * @param path     the output path as the build will write it (its parent is a real, resolved path)
 * @param shown    the output path as the user gave it, for messages
 * @param versions the folder of versions beside the output
 * @param lock     the lock file beside the output
 */
public record OutputLocation(Path path, String shown, Path versions, Path lock) {

    /** The file every version of the site carries, written last: a folder with it is complete and ours. */
    public static final String MARKER = ".catalogue-site";
    /** The file that marks the folder of versions as made by a build. */
    public static final String VERSIONS_MARKER = ".catalogue-site-versions";

    static OutputLocation of(Path path, String shown) {
        String name = path.getFileName().toString();
        Path parent = path.getParent();
        return new OutputLocation(path, shown, parent.resolve("." + name + "-versions"), parent.resolve("." + name + "-lock"));
    }

    /** The link target a build writes for version {@code id}: relative, so the pair can be moved together. */
    String linkTarget(String id) {
        return versions.getFileName() + "/" + id;
    }
}
