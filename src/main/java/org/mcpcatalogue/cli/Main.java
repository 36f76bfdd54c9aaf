package org.mcpcatalogue.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code catalogue} command line. Exit codes: 0 = ok, 1 = invalid input, 2 = usage error or a failure of the environment.
 */
@Command(name = "catalogue",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Catalogue of MCP servers and their tools: validate, classify, build the site, and check Intercept policies.",
        subcommands = {
                ValidateCommand.class,
                BuildCommand.class,
                ServeCommand.class,
                PolicyCommand.class,
                ClassifyCommand.class,
                ImportCommand.class,
                ImportBulkCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Everything went well. */
    public static final int OK = 0;
    /** The input (catalogue, policy, tool definitions) is invalid. */
    public static final int INVALID = 1;
    /** The command line itself is wrong, or the environment failed (disk full, read-only, out of memory). */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err, CommandLine.defaultFactory());
        return cli.execute(args);
    }

    /** Runs the CLI with commands made by {@code factory} (tests inject failures of the environment this way). */
    public static int run(PrintWriter out, PrintWriter err, CommandLine.IFactory factory, String... args) {
        return commandLine(out, err, factory).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException input) {
                commandLine.getErr().println("catalogue: " + input.getMessage());
                return INVALID;
            }
            throw e;
        });
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(INVALID);
        return cli;
    }
}
