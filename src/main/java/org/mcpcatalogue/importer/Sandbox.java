package org.mcpcatalogue.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a live server is allowed when it is started for an import (see docs/sandbox.md): no network, a read-only
 * view of the system, a private writable home and temporary folder of at most {@code scratchBytes} each, and of
 * the rest of the machine only {@code visible}, read-only: the folder the server's package is installed in.
 * Every process of the server may use at most {@code memoryBytes} of data memory (RLIMIT_DATA: the heap and
 * other private writable memory, not the address space Node and WebAssembly reserve), and the server may run
 * at most {@code processes} processes and threads together. {@link Bubblewrap} turns this into a command line.
 *
 * @param visible      the one folder of the machine the server sees (read-only, at the same path), absolute
 * @param memoryBytes  the data memory each process may use
 * @param processes    the processes and threads the server may run at once
 * @param scratchBytes the size of the private home and of the private /tmp, and the largest file it may write
 */
public record Sandbox(Path visible, long memoryBytes, int processes, long scratchBytes) {

    /** 2 GiB of data memory per process: what large Node servers use, far below what hurts the machine. */
    public static final long MEMORY = 2L << 30;
    /** 256 processes and threads: a Node server uses about a dozen. */
    public static final int PROCESSES = 256;
    /** 256 MiB of private home and of private /tmp. */
    public static final long SCRATCH = 256L << 20;
    /** Where the private home is, inside. */
    public static final String HOME = "/home/sandbox";

    public Sandbox {
        visible = visible.toAbsolutePath().normalize();
        if (memoryBytes <= 0 || processes <= 0 || scratchBytes <= 0) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
    }

    /** The default limits, with {@code visible} as the one folder the server sees. */
    public static Sandbox of(Path visible) {
        return new Sandbox(visible, MEMORY, PROCESSES, SCRATCH);
    }

    /**
     * The folder a command needs when none is given: the first of its words (the program included) that names
     * an existing file outside the system folders (its entry file, e.g. {@code dist/index.js}); if that file
     * lies in a {@code node_modules} folder, the folder that holds the outermost {@code node_modules} (the
     * install prefix, so that the package's dependencies are visible too), else the file's own folder.
     * Empty when no word names such a file (then the caller must be told to give the folder).
     */
    public static Optional<Path> folderFor(List<String> command, Path cwd) {
        for (String word : command) {
            if (word.isEmpty() || word.startsWith("-")) {
                continue;
            }
            Path p;
            try {
                p = cwd.resolve(word).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(p) || system(p)) {
                continue;
            }
            for (int i = 0; i < p.getNameCount(); i++) {
                if (p.getName(i).toString().equals("node_modules")) {
                    return Optional.of(i == 0 ? p.getRoot() : p.getRoot().resolve(p.subpath(0, i)));
                }
            }
            return Optional.of(p.getParent());
        }
        return Optional.empty();
    }

    private static boolean system(Path p) {
        for (String dir : List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc", "/opt")) {
            if (p.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    /** One line for errors and notes: what the server was allowed. */
    public String summary() {
        return "no network, a read-only system, a private home and /tmp of " + mib(scratchBytes) + ", only " + visible
                + " visible (read-only), at most " + processes + " processes and threads and " + mib(memoryBytes)
                + " of data memory per process";
    }

    private static String mib(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
