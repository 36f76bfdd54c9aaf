package org.mcpcatalogue.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcpcatalogue.serve.DevServer;
import org.mcpcatalogue.serve.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code catalogue serve}: a thin shell over {@link DevServer}. Builds the site into a temporary folder (never
 * {@code site/}), serves it on 127.0.0.1, rebuilds on every saved change and reloads the open pages; Ctrl-C stops it
 * and deletes the folder. See docs/serve.md.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Build the site into a temporary folder and serve it on 127.0.0.1 for previewing: every saved change",
                "to the catalogue (servers, rules, attacks) or the templates rebuilds it and reloads the open pages;",
                "a build error is printed here and shown over the page. Never touches site/. Ctrl-C stops."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "catalogue",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    Path catalogue;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "The templates directory (default: templates/ of the installation, else ./templates).")
    Path templates;

    @Option(names = "--verbose", description = "Also print the stages of each build and their times.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final SiteBuilder builder;

    public ServeCommand() {
        this(new BuildCommandSiteBuilder());
    }

    /** @param builder builds the site (tests may pass another) */
    public ServeCommand(SiteBuilder builder) {
        this.builder = builder;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("catalogue: --port must be between 0 and 65535, got " + port);
            return Main.USAGE;
        }
        Path templatesDir = templates != null ? templates : BuildCommand.defaultTemplates();
        for (Path dir : new Path[] {catalogue, templatesDir}) {
            if (!Files.isDirectory(dir)) {
                err.println("catalogue: " + dir + ": no such directory");
                return Main.USAGE;
            }
        }
        DevServer server = new DevServer(new DevServer.Options(catalogue, templatesDir, port, verbose), builder, out, err);
        Thread hook = new Thread(server::close, "catalogue-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.start();
        } catch (BindException e) {
            server.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("catalogue: cannot serve on 127.0.0.1:" + port + ": " + e.getMessage() + " (choose another --port, or 0 for any free one)");
            return Main.USAGE;
        } catch (IOException e) {
            server.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("catalogue: cannot serve: " + e.getMessage());
            return Main.USAGE;
        }
        server.awaitClosed();
        return Main.OK;
    }
}
