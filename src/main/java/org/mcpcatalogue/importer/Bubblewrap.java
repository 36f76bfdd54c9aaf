package org.mcpcatalogue.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command in a {@link Sandbox} with Debian's bubblewrap ({@code bwrap}), under limits set by
 * {@code prlimit}; as root, also as an unprivileged user id of its own ({@code setpriv}), because the kernel
 * does not hold root to the process limit. The command line, as root:
 *
 * <pre>
 * prlimit --nproc=256 --data=2147483648 --fsize=268435456 --core=0 --
 *   setpriv --reuid=U --regid=U --clear-groups --no-new-privs --
 *   bwrap --unshare-all --unshare-user --disable-userns --die-with-parent --new-session --hostname sandbox
 *     --clearenv --setenv PATH /usr/local/bin:/usr/bin:/bin --setenv HOME /home/sandbox --setenv TMPDIR /tmp
 *     --setenv LANG C.UTF-8 --setenv USER sandbox
 *     --ro-bind /usr /usr --symlink usr/bin /bin ... (or --ro-bind for real folders) --ro-bind-try /etc/... ...
 *     --proc /proc --dev /dev --size 268435456 --tmpfs /tmp --size 268435456 --tmpfs /home/sandbox
 *     --ro-bind VISIBLE VISIBLE --remount-ro / --chdir DIR -- COMMAND...
 * </pre>
 *
 * U is a user id from {@value #FIRST_UID} to {@value #LAST_UID} that no process uses, different for every
 * server this program starts, so that the process limit of one server is not shared with another.
 */
public final class Bubblewrap {

    static final int FIRST_UID = 61000;
    static final int LAST_UID = 64999;
    /** The files of /etc that programs read to start (dynamic linker, alternatives, certificates, time zone). */
    private static final List<String> ETC = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/ssl", "/etc/ca-certificates", "/etc/localtime", "/etc/nsswitch.conf");
    /** The top-level system folders other than /usr: symbolic links into /usr on a merged-/usr system. */
    private static final List<String> TOP = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    private static final Set<Integer> GIVEN = new HashSet<>();
    private static int nextUid = FIRST_UID + ThreadLocalRandom.current().nextInt(LAST_UID - FIRST_UID + 1);
    private static volatile Optional<String> checked;

    private Bubblewrap() {
    }

    /** The command line that runs {@code command} in {@code sandbox}, in {@code cwd} (inside the visible folder, else it). */
    public static Launch wrap(Sandbox sandbox, List<String> command, Path cwd) throws ImportException {
        return wrap(sandbox, command, cwd, root() ? Optional.of(freshUid()) : Optional.empty());
    }

    /** A sandboxed command line and the user id its processes run as, when it is not this program's. */
    public record Launch(List<String> argv, Optional<Integer> uid) {
        public Launch {
            argv = List.copyOf(argv);
        }
    }

    private static Launch wrap(Sandbox sandbox, List<String> command, Path cwd, Optional<Integer> uid) throws ImportException {
        Path visible = sandbox.visible();
        if (visible.getNameCount() == 0) {
            throw new ImportException("the sandbox cannot make the whole file system visible; give --sandbox-dir the"
                    + " folder the server is installed in", true);
        }
        if (!Files.isDirectory(visible)) {
            throw new ImportException("--sandbox-dir " + visible + " is not a folder", true);
        }
        Path here = cwd.toAbsolutePath().normalize();
        Path dir = here.startsWith(visible) ? here : visible;
        if (!dir.equals(here)) {
            // The server starts in the visible folder: its relative file arguments are made absolute.
            command = command.stream().map(w -> absoluteIfInside(w, here, visible)).toList();
        }
        List<String> argv = new ArrayList<>();
        int processes = sandbox.processes();
        if (uid.isEmpty()) {
            // Not root: the limit counts every process of this user, so it is raised by what they run already.
            processes += tasksOf(currentUid());
        }
        argv.addAll(List.of(tool("prlimit"), "--nproc=" + processes, "--data=" + sandbox.memoryBytes(),
                "--fsize=" + sandbox.scratchBytes(), "--core=0", "--"));
        if (uid.isPresent()) {
            argv.addAll(List.of(tool("setpriv"), "--reuid=" + uid.get(), "--regid=" + uid.get(), "--clear-groups",
                    "--no-new-privs", "--"));
        }
        argv.addAll(List.of(tool("bwrap"), "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
                "--hostname", "sandbox", "--clearenv",
                "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
                "--setenv", "HOME", Sandbox.HOME, "--setenv", "TMPDIR", "/tmp", "--setenv", "LANG", "C.UTF-8",
                "--setenv", "USER", "sandbox",
                "--ro-bind", "/usr", "/usr"));
        for (String top : TOP) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    argv.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    throw new ImportException("cannot read the link " + top + ": " + e.getMessage(), e);
                }
            } else if (Files.isDirectory(p)) {
                argv.addAll(List.of("--ro-bind", top, top));
            }
        }
        for (String etc : ETC) {
            argv.addAll(List.of("--ro-bind-try", etc, etc));
        }
        String scratch = Long.toString(sandbox.scratchBytes());
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", scratch, "--tmpfs", "/tmp", "--size", scratch, "--tmpfs", Sandbox.HOME,
                "--ro-bind", visible.toString(), visible.toString(),
                // The root is bwrap's own tmpfs, holding the folders made for the mounts (/etc, the parents of
                // the visible folder): read-only too, so that only the home and /tmp can be written.
                "--remount-ro", "/", "--chdir", dir.toString(), "--"));
        argv.addAll(command);
        return new Launch(argv, uid);
    }

    private static String absoluteIfInside(String word, Path cwd, Path visible) {
        if (word.isEmpty() || word.startsWith("-") || word.startsWith("/")) {
            return word;
        }
        try {
            Path p = cwd.resolve(word).normalize();
            return p.startsWith(visible) && Files.exists(p) ? p.toString() : word;
        } catch (java.nio.file.InvalidPathException e) {
            return word;
        }
    }

    /**
     * Empty when sandboxes can be made here (checked once, by starting {@code true} in one); else why not and
     * how to fix it, in one line.
     */
    public static synchronized Optional<String> unavailable() {
        if (checked == null) {
            checked = check(searchPath());
        }
        return checked;
    }

    /** Why sandboxes cannot be made, looking for the tools in {@code searchPath} (colon-separated folders). */
    static Optional<String> check(String searchPath) {
        for (String t : List.of("bwrap", "prlimit", "setpriv")) {
            if (find(t, searchPath).isEmpty()) {
                String pkg = t.equals("bwrap") ? "bubblewrap" : "util-linux";
                return Optional.of("the sandbox for live servers needs " + t + ", which is not installed; install it"
                        + " with: sudo apt-get install " + pkg);
            }
        }
        try {
            Path tmp = Files.createTempDirectory("catalogue-sandbox-check");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                Launch launch = wrap(Sandbox.of(tmp), List.of("/usr/bin/true"), tmp);
                Process p = new ProcessBuilder(launch.argv()).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.of("the sandbox check (bwrap running true) did not finish");
                }
                if (p.exitValue() != 0) {
                    String first = out.lines().findFirst().orElse("exit status " + p.exitValue());
                    return Optional.of("bubblewrap cannot make a sandbox here (" + first + "); it needs unprivileged user"
                            + " namespaces: allow them (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04"
                            + " kernel.apparmor_restrict_unprivileged_userns=0; in a container --security-opt"
                            + " seccomp=unconfined) or reinstall it with: sudo apt-get install bubblewrap");
                }
                return Optional.empty();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | ImportException e) {
            return Optional.of("the sandbox check failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the sandbox check was interrupted");
        }
    }

    private static String tool(String name) throws ImportException {
        return find(name, searchPath()).orElseThrow(() -> new ImportException(name + " is not installed", true)).toString();
    }

    /** Where the tools are looked for: the PATH, then the system folders. */
    private static String searchPath() {
        return System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin:/bin:/sbin";
    }

    private static Optional<Path> find(String name, String path) {
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    static boolean root() {
        return currentUid() == 0;
    }

    /** The real user id of this process, from /proc/self/status. */
    static int currentUid() {
        return uidOf(Path.of("/proc/self/status")).orElse(-1);
    }

    /** A user id that no process has and that this program has not given to another sandbox. */
    private static synchronized int freshUid() throws ImportException {
        Set<Integer> used = uidsInUse();
        int span = LAST_UID - FIRST_UID + 1;
        for (int i = 0; i < span; i++) {
            int uid = FIRST_UID + Math.floorMod(nextUid - FIRST_UID + i, span);
            if (!used.contains(uid) && !GIVEN.contains(uid)) {
                GIVEN.add(uid);
                nextUid = uid + 1;
                return uid;
            }
        }
        throw new ImportException("no free user id from " + FIRST_UID + " to " + LAST_UID + " for the sandbox");
    }

    /** Gives a user id back once its sandbox is gone. */
    static synchronized void release(int uid) {
        GIVEN.remove(uid);
    }

    private static Set<Integer> uidsInUse() {
        Set<Integer> used = new HashSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> uidOf(p.resolve("status")).ifPresent(used::add));
        } catch (IOException e) {
            // no /proc: nothing known to be in use
        }
        return used;
    }

    /** The processes and threads of user {@code uid} now. */
    private static int tasksOf(int uid) {
        int[] n = {0};
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                Path status = p.resolve("status");
                if (uidOf(status).orElse(-2) == uid) {
                    try {
                        n[0] += field(status, "Threads:").map(Integer::parseInt).orElse(1);
                    } catch (NumberFormatException e) {
                        n[0]++;
                    }
                }
            });
        } catch (IOException e) {
            // no /proc
        }
        return n[0];
    }

    /** The real user id of the process whose status file this is. */
    static Optional<Integer> uidOf(Path status) {
        try {
            return field(status, "Uid:").map(v -> Integer.parseInt(v.split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> field(Path status, String name) {
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith(name)).findFirst().map(l -> l.substring(name.length()).strip());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The processes whose real user id is {@code uid}, now (for tests: none should outlive a sandbox). */
    static List<Long> processesOf(int uid) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> uidOf(p.resolve("status")).orElse(-2) == uid)
                    .forEach(p -> pids.add(Long.parseLong(p.getFileName().toString())));
        } catch (IOException e) {
            // no /proc
        }
        return pids;
    }
}
