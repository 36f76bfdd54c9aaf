package org.mcpcatalogue.importer.bulk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of a bulk run that lets an interrupted run resume: one {@link ServerResult#line()} per finished entry,
 * appended and forced to disk as each one ends. A line cut short by a kill is ignored when read back (that entry
 * runs again); a later line for the same key wins.
 */
public final class StateFile {

    /** The first line of every state file. */
    static final String HEADER = "# catalogue import-bulk state: key, outcome, tools, file, date, detail";

    private final Path path;
    private final Map<String, ServerResult> done = new LinkedHashMap<>();

    private StateFile(Path path) {
        this.path = path;
    }

    /** Reads the state file at {@code path}; missing is empty. */
    public static StateFile open(Path path) throws IOException {
        StateFile state = new StateFile(path);
        if (Files.exists(path)) {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            boolean complete = Files.size(path) == 0 || endsWithNewline(path);
            for (int i = 0; i < lines.size(); i++) {
                if (i == lines.size() - 1 && !complete) {
                    break; // cut short by an interruption
                }
                ServerResult.parse(lines.get(i)).ifPresent(r -> state.done.put(r.key(), r));
            }
        }
        return state;
    }

    private static boolean endsWithNewline(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            return b.get(0) == '\n';
        }
    }

    public synchronized java.util.Optional<ServerResult> get(String key) {
        return java.util.Optional.ofNullable(done.get(key));
    }

    /** Records a finished entry, on disk before this returns. */
    public synchronized void record(ServerResult result) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(path) || Files.size(path) == 0;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            String text = (fresh ? HEADER + "\n" : (endsWithNewline(path) ? "" : "\n")) + result.line() + "\n";
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
        done.put(result.key(), result);
    }

    public Path path() {
        return path;
    }
}
