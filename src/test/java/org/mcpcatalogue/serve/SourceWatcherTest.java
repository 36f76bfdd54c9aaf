package org.mcpcatalogue.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SourceWatcher}: the changes are made before {@link SourceWatcher#awaitChanges()} is called, so their events
 * are already queued and the call returns them without any timing in the test.
 */
class SourceWatcherTest {

    @TempDir
    Path tmp;

    @Test
    void aSaveInANestedFolderIsOneBatchAndAnEditorsScratchFilesAreNot() throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("catalogue/servers"));
        Path templates = Files.createDirectories(tmp.resolve("templates/assets"));
        Path file = Files.writeString(servers.resolve("a.yaml"), "slug: a\n");
        try (SourceWatcher watcher = new SourceWatcher(List.of(tmp.resolve("catalogue"), tmp.resolve("templates")))) {
            // as an editor saves: a scratch file, a swap file, a temporary file made and gone, then the file itself
            Files.writeString(servers.resolve(".a.yaml.swp"), "x");
            Files.writeString(servers.resolve("a.yaml~"), "x");
            Path temp = Files.writeString(servers.resolve("sedAbC123"), "slug: b\n");
            Files.delete(temp);
            Files.writeString(file, "slug: a\nname: A\n");
            assertEquals(Set.of(file.toAbsolutePath()), watcher.awaitChanges());

            Files.writeString(templates.resolve("site.css"), "body{}");
            assertEquals(Set.of(templates.resolve("site.css").toAbsolutePath()), watcher.awaitChanges());
        }
    }

    @Test
    void aFolderCreatedLaterIsWatchedToo() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("catalogue"));
        try (SourceWatcher watcher = new SourceWatcher(List.of(root))) {
            Path attacks = Files.createDirectories(root.resolve("attacks"));
            assertTrue(watcher.awaitChanges().contains(attacks.toAbsolutePath()));
            Path page = Files.writeString(attacks.resolve("new.md"), "# New\n");
            assertEquals(Set.of(page.toAbsolutePath()), watcher.awaitChanges());
        }
    }

    @Test
    void scratchFilesAreNotSources() {
        for (String name : List.of(".a.yaml.swp", "a.yaml~", "4913", ".#a.yaml", "a.yaml.swx", "x.tmp")) {
            assertFalse(SourceWatcher.isSource(Path.of(name)), name);
        }
        for (String name : List.of("a.yaml", "classification.yaml", "tool.mustache", "site.css", "README.md")) {
            assertTrue(SourceWatcher.isSource(Path.of(name)), name);
        }
    }
}
