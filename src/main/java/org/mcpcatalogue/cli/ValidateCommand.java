package org.mcpcatalogue.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code catalogue validate}: placeholder until the loader lands. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate the catalogue.")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.OK;
    }
}
