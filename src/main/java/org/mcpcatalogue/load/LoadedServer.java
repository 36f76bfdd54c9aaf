package org.mcpcatalogue.load;

import org.mcpcatalogue.model.Server;

/**
 * A server read from its file, with the positions of its fields. When the file had errors, fields that were
 * missing or unusable hold placeholders; such a server only ever reaches the validator, never a later stage.
 */
public record LoadedServer(String file, String fileSlug, Server server, SourceMap positions) {
}
