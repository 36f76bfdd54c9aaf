package org.mcpcatalogue.cli;

import picocli.CommandLine.Command;

/** {@code catalogue policy}: check and evaluate Intercept policy files with the embedded engine. */
@Command(name = "policy",
        mixinStandardHelpOptions = true,
        description = "Check and evaluate Intercept policy files with the embedded engine.",
        subcommands = {PolicyCheckCommand.class, PolicyEvalCommand.class})
public final class PolicyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
