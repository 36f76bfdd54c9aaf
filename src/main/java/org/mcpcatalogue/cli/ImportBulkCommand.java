package org.mcpcatalogue.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.importer.Bubblewrap;
import org.mcpcatalogue.importer.ImportException;
import org.mcpcatalogue.importer.bulk.BulkImport;
import org.mcpcatalogue.importer.bulk.BulkList;
import org.mcpcatalogue.importer.bulk.Installer;
import org.mcpcatalogue.importer.bulk.Outcome;
import org.mcpcatalogue.importer.bulk.StateFile;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.text.HiddenText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code catalogue import-bulk}: import every server of a pinned list of npm packages, live, in the sandbox. */
@Command(name = "import-bulk",
        mixinStandardHelpOptions = true,
        description = {"Install each npm package of a pinned list (install scripts disabled), start it in the sandbox"
                + " (docs/sandbox.md), and import its live tools/list into the catalogue, JOBS at a time.",
                "An interrupted run resumes: entries already in the state file are skipped (--force redoes them).",
                "Writes a report with one line per server: imported, unchanged, changed, needs credentials, crashed,"
                + " timed out, not an MCP server, install failed, invalid.",
                "Exit 0 when the run completed (even if servers failed: the report says), 1 when the list is invalid,"
                + " 2 on a usage or environment error."},
        footer = {"", "The list (tab-separated, # comments; - for none; only the first two columns are required):",
                "  package@version  slug  name  repository  arguments  environment  publisher  entry",
                "", "Example:",
                "  catalogue import-bulk --jobs 2 scripts/bulk-servers.tsv"})
public final class ImportBulkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LIST", description = "The pinned list (scripts/npm-servers.tsv is one).")
    String list;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Servers installed and imported at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--install-jobs", paramLabel = "N",
            description = "Packages installed at once, ahead of the imports (default: twice --jobs).")
    Integer installJobs;

    @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "catalogue",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    String catalogue;

    @Option(names = "--install-dir", paramLabel = "DIR", defaultValue = "target/npm-servers",
            description = "Where each package is installed, in a folder of its own (default: ${DEFAULT-VALUE}).")
    String installDir;

    @Option(names = "--no-install", description = "Install nothing: every package must be in --install-dir already.")
    boolean noInstall;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The state file that makes a run resumable (default: target/bulk-import/LISTNAME.state.tsv).")
    String stateFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the report (default: target/bulk-import/LISTNAME.report.tsv).")
    String reportFile;

    @Option(names = "--force", description = "Import every entry again, even those the state file has.")
    boolean force;

    @Option(names = "--retry-failed", description = "Import again the entries the state file has as failed.")
    boolean retryFailed;

    @Option(names = "--status", description = "Run nothing: write the report and the summary of what the state file has"
            + " (how far an interrupted or running import has got).")
    boolean status;



    @Mixin
    LiveImportOptions live;

    @Option(names = "--npm", paramLabel = "COMMAND", defaultValue = "npm", hidden = true,
            description = "The npm program (tests give a stand-in).")
    String npm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (jobs < 1 || jobs > 64) {
                throw usage("--jobs must be from 1 to 64, got " + jobs);
            }
            if (installJobs != null && (installJobs < 1 || installJobs > 64)) {
                throw usage("--install-jobs must be from 1 to 64, got " + installJobs);
            }
            if (force && retryFailed) {
                throw usage("give --force or --retry-failed, not both");
            }
            Duration perRequest = live.perRequest();
            Duration overall = live.overall();
            LocalDate date = live.date();
            Path listPath = Path.of(list);
            String text;
            try {
                text = new String(InputFiles.read(listPath, InputFiles.MAX_TOOL_INPUT_BYTES, InputFiles.Links.FOLLOW),
                        StandardCharsets.UTF_8);
            } catch (InputFiles.Refused e) {
                throw usage("cannot read the list " + HiddenText.visible(list) + ": " + e.getMessage());
            }
            BulkList.Result parsed = BulkList.parse(list, text);
            if (!parsed.ok()) {
                parsed.diagnostics().forEach(d -> err.println(d));
                err.println("catalogue import-bulk: " + parsed.diagnostics().size() + " error(s) in " + HiddenText.visible(list)
                        + "; nothing was imported");
                err.flush();
                return Main.INVALID;
            }
            if (!Files.isDirectory(Path.of(catalogue))) {
                throw usage("--catalogue " + HiddenText.visible(catalogue) + " is not a folder");
            }
            Optional<String> why = Bubblewrap.unavailable();
            if (why.isPresent() && !status) {
                throw usage(why.get());
            }
            String base = listPath.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path state = Path.of(stateFile != null ? stateFile : "target/bulk-import/" + base + ".state.tsv");
            Path report = Path.of(reportFile != null ? reportFile : "target/bulk-import/" + base + ".report.tsv");
            StateFile st;
            try {
                st = StateFile.open(state);
            } catch (IOException e) {
                throw usage("cannot read the state file " + state + ": " + e.getMessage());
            }
            Installer installer = new Installer(List.of(npm), Path.of(installDir), !noInstall, 900);
            BulkImport.Options options = new BulkImport.Options(Path.of(catalogue), catalogue, jobs,
                    installJobs != null ? installJobs : 2 * jobs, force, retryFailed, status,
                    date, perRequest, overall);
            out.println("catalogue import-bulk: " + parsed.entries().size() + " servers in " + HiddenText.visible(list)
                    + ", state " + state + ", " + jobs + (jobs == 1 ? " job" : " jobs"));
            out.flush();
            BulkImport.Run run;
            try {
                run = new BulkImport(installer, st, options, out).run(parsed.entries());
                BulkImport.writeReport(report, run);
            } catch (IOException e) {
                throw usage("cannot write the state or the report: " + e.getMessage());
            }
            summary(run, report, out);
            return Main.OK;
        } catch (ImportException e) {
            err.println("catalogue import-bulk: " + ImportCommand.terminal(e.getMessage()));
            err.flush();
            return Main.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("catalogue import-bulk: interrupted; run it again to resume");
            err.flush();
            return Main.USAGE;
        }
    }

    private static void summary(BulkImport.Run run, Path report, PrintWriter out) {
        Map<Outcome, Integer> counts = run.counts();
        StringBuilder b = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(counts.getOrDefault(o, 0)).append(' ').append(o.label());
        }
        long inCatalogue = run.results().stream().filter(r -> r.outcome().inCatalogue()).count();
        out.println("summary: " + run.results().size() + " servers: " + b
                + (run.pending() > 0 ? "; " + run.pending() + " not run yet" : ""));
        out.println("in the catalogue: " + inCatalogue + " servers with " + run.tools() + " tools; this run imported "
                + run.ran() + ", skipped " + run.skipped() + " done before (--force redoes them)"
                + (run.pending() > 0 ? "; run it without --status to go on" : ""));
        out.println("report: " + report);
        out.flush();
    }

    private static ImportException usage(String message) {
        return new ImportException(message, true);
    }
}
