package org.mcpcatalogue.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"catalogue " + (v == null ? "(development build)" : v)};
    }
}
