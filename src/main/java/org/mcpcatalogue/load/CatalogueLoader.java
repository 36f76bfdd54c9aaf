package org.mcpcatalogue.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.yaml.SafeYaml;

/**
 * Loads {@code <catalogue>/servers/*.yaml}. Files are read in parallel and the result is in file-name order,
 * so the same input always gives the same output. Nothing here throws on bad input: every problem becomes a
 * diagnostic. Anything in {@code servers/} that is not a regular {@code *.yaml} file (a folder, a FIFO, a
 * device, a symbolic link, wherever it points) is reported at {@code file:1:1} and never opened or followed.
 */
public final class CatalogueLoader {

    /** What the loader read: the servers it could build, and every problem it found. */
    public record Result(List<LoadedServer> servers, List<Diagnostic> diagnostics, int files) {
        public Result {
            servers = List.copyOf(servers);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final SafeYaml yaml = new SafeYaml();

    /**
     * @param catalogue the catalogue directory
     * @param display   how that directory is named in diagnostics (usually as the user typed it)
     */
    public Result load(Path catalogue, String display) {
        Path dir = catalogue.resolve("servers");
        String displayDir = join(display, "servers");
        if (!Files.isDirectory(dir)) {
            return new Result(List.of(), List.of(Diagnostic.error(Location.ofDirectory(displayDir),
                    "no servers directory: expected one YAML file per server in " + displayDir + "/")), 0);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return new Result(List.of(), List.of(Diagnostic.error(Location.ofDirectory(displayDir),
                    "cannot list the directory: " + e.getMessage())), 0);
        }
        List<FileResult> results = files.parallelStream()
                .map(p -> loadFile(p, join(displayDir, p.getFileName().toString())))
                .toList();
        List<LoadedServer> servers = new ArrayList<>();
        Diagnostics all = new Diagnostics();
        for (FileResult r : results) {
            r.server().ifPresent(servers::add);
            all.addAll(r.diagnostics());
        }
        return new Result(servers, all.sorted(), files.size());
    }

    private record FileResult(Optional<LoadedServer> server, List<Diagnostic> diagnostics) {
    }

    private FileResult loadFile(Path path, String display) {
        String name = path.getFileName().toString();
        Diagnostics d = new Diagnostics();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            d.error(Location.ofFile(display), "unexpected directory; servers/ holds one <slug>.yaml file per server");
            return new FileResult(Optional.empty(), d.sorted());
        }
        if (!name.endsWith(".yaml")) {
            d.error(Location.ofFile(display), name.endsWith(".yml")
                    ? "server files must end in .yaml, not .yml"
                    : "unexpected file; servers/ holds one <slug>.yaml file per server");
            return new FileResult(Optional.empty(), d.sorted());
        }
        byte[] bytes;
        try {
            // Never follows a link and never opens a FIFO or a device: a pull request controls this folder.
            bytes = InputFiles.read(path, SafeYaml.Limits.DEFAULT.maxBytes(), InputFiles.Links.REFUSE);
        } catch (InputFiles.Refused e) {
            d.error(Location.ofFile(display), e.getMessage());
            return new FileResult(Optional.empty(), d.sorted());
        }
        SafeYaml.Result parsed = yaml.read(display, bytes);
        d.addAll(parsed.diagnostics());
        if (parsed.root().isEmpty() && !parsed.hasErrors()) {
            d.error(new Location(display, 1, 1), "the file is empty; expected the fields of a server");
        }
        String slug = name.substring(0, name.length() - ".yaml".length());
        Optional<LoadedServer> server = parsed.hasErrors() && parsed.root().isEmpty()
                ? Optional.empty()
                : new ServerReader(display, slug, d).read(parsed.root(), parsed.literalBlocks());
        return new FileResult(server, d.sorted());
    }

    private static String join(String dir, String name) {
        if (dir.isEmpty() || dir.equals(".")) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
