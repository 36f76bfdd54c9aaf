package org.mcpcatalogue.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
import org.mcpcatalogue.yaml.SafeYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code catalogue policy check FILE...}: for each file, {@code FILE: valid}, or one line per problem: YAML and
 * shape errors as {@code FILE:LINE:COL: error: …}, Intercept's validation errors as {@code FILE: error: <message>},
 * ignored keys as {@code FILE:LINE:COL: warning: …}, and {@code FILE: hint: …} for the public catalogue's invalid
 * dialect. Exit 0 when every file is valid, 1 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check Intercept policy files: load, validate as Intercept does, explain fixes.")
public final class PolicyCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyCheck check = new PolicyCheck();
        boolean allValid = true;
        for (Path file : files) {
            List<String> lines;
            boolean valid;
            try {
                // Never opens a FIFO or a device, and reads no more than the policy loader's size limit.
                byte[] bytes = InputFiles.read(file, SafeYaml.Limits.DEFAULT.maxBytes(), InputFiles.Links.FOLLOW);
                CheckReport report = check.check(file.toString(), bytes);
                lines = report.lines();
                valid = report.valid();
            } catch (InputFiles.Refused e) {
                lines = List.of(Diagnostic.error(Location.ofFile(file.toString()), e.getMessage()).toString());
                valid = false;
            }
            lines.forEach(out::println);
            allValid &= valid;
        }
        out.flush();
        return allValid ? Main.OK : Main.INVALID;
    }
}
