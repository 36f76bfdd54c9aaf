package org.mcpcatalogue.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.importer.Bubblewrap;
import org.mcpcatalogue.importer.DockerSource;
import org.mcpcatalogue.importer.ImportException;
import org.mcpcatalogue.importer.ImportSource;
import org.mcpcatalogue.importer.Imported;
import org.mcpcatalogue.importer.Importer;
import org.mcpcatalogue.importer.Sandbox;
import org.mcpcatalogue.importer.ScaffoldSource;
import org.mcpcatalogue.importer.ServerFacts;
import org.mcpcatalogue.importer.ServerJsonSource;
import org.mcpcatalogue.importer.StdioSource;
import org.mcpcatalogue.importer.ToolsListSource;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.text.HiddenText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code catalogue import}: write or update {@code catalogue/servers/<slug>.yaml} from a source. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {"Write or update catalogue/servers/<slug>.yaml from a tools/list result, an MCP registry server.json,"
                + " a Docker MCP catalog entry, an Intercept policy scaffold, or a live server over stdio.",
                "Curated fields and comments of an existing file are kept; the file is written only when it validates.",
                "Exit 0 when written or unchanged, 1 when the input or the resulting file is invalid, 2 on a usage error."},
        footer = {"", "Examples:",
                "  catalogue import --from tools-list --slug acme-files --name \"Acme Files\" --publisher acme \\",
                "      --repository https://github.com/acme/files tools.json",
                "  npm install --prefix target/npm-servers/memory @modelcontextprotocol/server-memory",
                "  catalogue import --stdio --name Memory --repository https://github.com/modelcontextprotocol/servers \\",
                "      -- node target/npm-servers/memory/node_modules/@modelcontextprotocol/server-memory/dist/index.js",
                "  catalogue import --from docker path/to/mcp-registry/servers/buildkite",
                "  catalogue import --from scaffold path/to/intercept/policies/asana.yaml"})
public final class ImportCommand implements Callable<Integer> {

    /** The kinds of input file. */
    public enum From {
        TOOLS_LIST("tools-list"), SERVER_JSON("server-json"), DOCKER("docker"), SCAFFOLD("scaffold");

        private final String label;

        From(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Option(names = "--from", paramLabel = "KIND", converter = FromConverter.class,
            description = "What INPUT is: tools-list (a tools/list result, or - for standard input), server-json (an MCP"
                    + " registry server.json), docker (a Docker MCP catalog entry: a directory with server.yaml and"
                    + " tools.json), scaffold (an Intercept policy scaffold).")
    From from;

    @Option(names = "--stdio", description = "Start the server given after -- in a sandbox (no network, read-only system,"
            + " only --sandbox-dir visible; see docs/sandbox.md) and ask it for its tools over stdio.")
    boolean stdio;

    @Option(names = "--sandbox-dir", paramLabel = "DIR",
            description = "With --stdio: the one folder of the machine the server sees, read-only (default: the install"
                    + " folder holding node_modules of the first argument that names a file, else that file's folder).")
    String sandboxDir;

    @Option(names = "--no-sandbox",
            description = "With --stdio: start the server directly on this machine, with all your rights. Only for a server"
                    + " you wrote yourself; never for somebody else's.")
    boolean noSandbox;

    @Parameters(paramLabel = "INPUT", description = "The input file or directory; with --stdio, the server's command and arguments (after --).")
    List<String> input = new ArrayList<>();

    @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "catalogue",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    String catalogue;

    @Option(names = "--slug", description = "The server's slug (default: made from its name).")
    String slug;
    @Option(names = "--name", description = "Display name.")
    String name;
    @Option(names = "--publisher", description = "Publisher (default: the owner of a GitHub repository).")
    String publisher;
    @Option(names = "--repository", paramLabel = "URL", description = "Source repository (https).")
    String repository;
    @Option(names = "--description", description = "Description (Markdown).")
    String description;
    @Option(names = "--homepage", paramLabel = "URL", description = "Home page.")
    String homepage;
    @Option(names = "--license", description = "Licence, e.g. an SPDX identifier.")
    String license;
    @Option(names = "--transport", description = "stdio, streamable-http or sse.")
    String transport;
    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable); replaces the file's tags.")
    List<String> tags = new ArrayList<>();
    @Option(names = "--source", paramLabel = "TEXT", description = "What to record in source for this import (default: named after the input).")
    String source;
    @Option(names = "--skip-invalid-tools",
            description = "Leave out tools whose names are not valid MCP names (or collide), naming each in a note and in"
                    + " source, instead of refusing the whole server.")
    boolean skipInvalidTools;

    @Mixin
    LiveImportOptions live;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ImportSource source = source();
            Imported imported = source.read();
            if (skipInvalidTools) {
                imported = Importer.withoutInvalidTools(imported);
            }
            Importer.Options options = new Importer.Options(Path.of(catalogue), catalogue, Optional.ofNullable(slug),
                    facts(), live.date());
            Importer.Report report = new Importer().run(imported, options);
            print(report, out, err);
            return report.outcome() == Importer.Outcome.INVALID ? Main.INVALID : Main.OK;
        } catch (ImportException e) {
            err.println("catalogue import: " + terminal(e.getMessage()));
            err.flush();
            return e.usage() ? Main.USAGE : Main.INVALID;
        }
    }

    private ImportSource source() throws ImportException {
        if (stdio == (from != null)) {
            throw usage("give either --from KIND INPUT or --stdio -- COMMAND [ARGS...]");
        }
        if (stdio) {
            if (input.isEmpty()) {
                throw usage("--stdio needs the server's command after --, e.g. --stdio -- node path/to/node_modules/@scope/server/dist/index.js");
            }
            Duration perRequest = live.perRequest();
            Duration overall = live.overall();
            return new StdioSource(input, sandbox(), perRequest, overall, Optional.ofNullable(source));
        }
        if (noSandbox || sandboxDir != null) {
            throw usage((noSandbox ? "--no-sandbox" : "--sandbox-dir") + " goes with --stdio only");
        }
        if (input.size() != 1) {
            throw usage("--from " + from + " needs exactly one INPUT, got " + input.size());
        }
        String in = input.get(0);
        Optional<String> label = Optional.ofNullable(source);
        return switch (from) {
            case TOOLS_LIST -> new ToolsListSource(text(in), in.equals("-") ? "stdin" : in, label);
            case SERVER_JSON -> new ServerJsonSource(text(in), in, label);
            case DOCKER -> new DockerSource(Path.of(in), label);
            case SCAFFOLD -> new ScaffoldSource(text(in), in, label);
        };
    }

    /** The sandbox for --stdio, or none with --no-sandbox (and a warning); refused when sandboxes cannot be made here. */
    private Optional<Sandbox> sandbox() throws ImportException {
        if (noSandbox) {
            if (sandboxDir != null) {
                throw usage("give --sandbox-dir or --no-sandbox, not both");
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("catalogue import: warning: --no-sandbox: the server runs unconfined, with your rights, network"
                    + " and files; use it only for a server you wrote yourself");
            err.flush();
            return Optional.empty();
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path visible;
        if (sandboxDir != null) {
            visible = cwd.resolve(sandboxDir).normalize();
            if (!Files.isDirectory(visible)) {
                throw usage("--sandbox-dir " + HiddenText.visible(sandboxDir) + " is not a folder");
            }
        } else {
            visible = Sandbox.folderFor(input, cwd).orElseThrow(() -> usage("cannot tell which folder the server is"
                    + " installed in (no argument names its entry file); give it with --sandbox-dir DIR"));
        }
        Optional<String> why = Bubblewrap.unavailable();
        if (why.isPresent()) {
            throw usage(why.get());
        }
        return Optional.of(Sandbox.of(visible));
    }

    private ServerFacts facts() {
        return new ServerFacts(Optional.empty(), Optional.ofNullable(name), Optional.ofNullable(publisher),
                Optional.ofNullable(repository), Optional.ofNullable(homepage), Optional.ofNullable(description), tags,
                Optional.ofNullable(license), Optional.ofNullable(transport));
    }

    private String text(String in) throws ImportException {
        try {
            byte[] bytes;
            if (in.equals("-")) {
                bytes = InputFiles.readBounded(System.in, InputFiles.MAX_TOOL_INPUT_BYTES);
            } else {
                // A FIFO or a device named as INPUT is refused, never opened.
                bytes = InputFiles.read(Path.of(in), InputFiles.MAX_TOOL_INPUT_BYTES, InputFiles.Links.FOLLOW);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (InputFiles.Refused e) {
            throw new ImportException("cannot read " + HiddenText.visible(in) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ImportException("cannot read " + HiddenText.visible(in) + ": " + e.getMessage(), e);
        }
    }


    /**
     * Text for the terminal: each line with its control, bidi and other hidden characters escaped (as
     * diagnostics are), so that a file or tool name from the input cannot forge a line or drive the terminal.
     */
    static String terminal(String text) {
        return String.join("\n", text.lines().map(HiddenText::visible).toList());
    }

    private static ImportException usage(String message) {
        return new ImportException(message, true);
    }

    private static void print(Importer.Report report, PrintWriter out, PrintWriter err) {
        report.notes().forEach(n -> err.println("note: " + terminal(n)));
        report.changes().forEach(c -> out.println(terminal(c)));
        report.diagnostics().forEach(out::println);
        long added = report.changes().stream().filter(c -> c.startsWith("added: ")).count();
        long removed = report.changes().stream().filter(c -> c.startsWith("removed: ")).count();
        long changed = report.changes().stream().filter(c -> c.startsWith("changed: ")).count();
        String tools = report.tools() + (report.tools() == 1 ? " tool" : " tools");
        switch (report.outcome()) {
            case CREATED -> out.println(report.file() + ": created with " + tools);
            case UNCHANGED -> out.println(report.file() + ": unchanged (" + tools + ")");
            case UPDATED -> out.println(report.file() + ": updated, " + added + " added, " + removed + " removed, "
                    + changed + " changed (" + tools + ")");
            case INVALID -> out.println(report.file() + ": not written: the new file has "
                    + report.diagnostics().stream().filter(Diagnostic::isError).count()
                    + " error(s); the previous file is left as it was");
        }
        out.flush();
        err.flush();
    }

    /** Reads --from values by their labels. */
    static final class FromConverter implements CommandLine.ITypeConverter<From> {
        @Override
        public From convert(String value) {
            for (From f : From.values()) {
                if (f.label.equals(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("expected tools-list, server-json, docker or scaffold, got " + value);
        }
    }
}
