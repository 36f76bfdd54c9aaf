package org.mcpcatalogue.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
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
                CheckReport report = check.check(file.toString(), Files.readAllBytes(file));
                lines = report.lines();
                valid = report.valid();
            } catch (IOException e) {
                lines = List.of(file + ": error: cannot read the file (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")");
                valid = false;
            }
            lines.forEach(out::println);
            allValid &= valid;
        }
        out.flush();
        return allValid ? Main.OK : Main.INVALID;
    }
}
