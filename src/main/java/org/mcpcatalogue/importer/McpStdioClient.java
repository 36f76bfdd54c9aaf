package org.mcpcatalogue.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/**
 * A minimal MCP client over stdio (newline-delimited JSON-RPC 2.0 messages, specification 2025-11-25) that
 * starts a server, initializes it and lists its tools, following {@code nextCursor}.
 *
 * <p>Server-to-client notifications (log messages, list changes) are ignored; server-to-client requests are
 * answered so that the server never waits on us: {@code ping} with an empty result, {@code roots/list} with no
 * roots, anything else with "method not found". Lines of standard output that are not JSON-RPC messages
 * (banners, log lines) are skipped, counted and reported with the first of them, as the TypeScript and Python
 * SDK clients do. Every request has a deadline, and so has the whole exchange.
 * The last 64 KiB of the server's standard error are kept and shown in every error; when the server exits or
 * stops reading, its standard error is read to the end before the error is made. {@link #close()} always ends
 * the server and its descendants: standard input closed, then a polite termination, then a forced one. With
 * a {@link Sandbox} the server runs inside it ({@link Bubblewrap}), and every error says so and what it allowed.
 *
 * <p>The deadlines are measured by a {@link Clock}: the system's, or in tests one that moves only when the test
 * says, so that a test can make a timeout happen at a moment it chooses (after the server has said what it
 * has to say) rather than racing it.
 */
public final class McpStdioClient implements AutoCloseable {

    /** The protocol version this client asks for. */
    public static final String PROTOCOL_VERSION = "2025-11-25";
    /** How much of the server's standard error is kept. */
    static final int STDERR_KEPT = 64 * 1024;
    /** The longest line (message) the server may write. */
    static final int MAX_LINE = 32 * 1024 * 1024;
    /** How long the server gets to exit after its input is closed, and again after a polite termination. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /**
     * A safety net only: how long to wait for a server that closed its output or stopped reading its input to
     * exit and for the rest of its standard error, and for a forcibly killed server to be gone. Normally these
     * take milliseconds; the bound matters only for a server that closes its output and lives on.
     */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Object EOF = new Object();

    /**
     * What the server said: its {@code serverInfo}, the negotiated version, and its tools; {@code warnings} says
     * what was skipped on the way (lines of standard output that are not JSON-RPC messages).
     */
    public record Listing(Json.Obj serverInfo, String protocolVersion, List<Json> tools, List<String> warnings) {
        public Listing {
            tools = List.copyOf(tools);
            warnings = List.copyOf(warnings);
        }
    }

    /** The lines of standard output that were not JSON-RPC messages: how many, and the first. */
    private static final class Noise {
        private int count;
        private String first;

        synchronized void skip(String line) {
            if (count++ == 0) {
                first = line;
            }
            notifyAll();
        }

        synchronized boolean await(int atLeast, Duration atMost) throws InterruptedException {
            long until = System.nanoTime() + atMost.toNanos();
            while (count < atLeast) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized Optional<String> describe() {
            if (count == 0) {
                return Optional.empty();
            }
            return Optional.of("the server wrote " + count + (count == 1 ? " line" : " lines")
                    + " to standard output that " + (count == 1 ? "is" : "are") + " not JSON-RPC (skipped); the first: "
                    + JsonText.quote(abbreviate(first)));
        }
    }

    /**
     * What the client's deadlines are measured in, and how it waits for the server's next message until one.
     * {@link #SYSTEM} in use; tests substitute a clock that moves only when they advance it.
     */
    interface Clock {
        /** The current time, in nanoseconds from an arbitrary origin. */
        long nanoTime();

        /**
         * The next message, waiting for one until {@code deadline} (in this clock's time); {@code null} when
         * none came by then.
         */
        Object poll(BlockingQueue<Object> messages, long deadline) throws InterruptedException;

        /** The system's monotonic clock. */
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Object poll(BlockingQueue<Object> messages, long deadline) throws InterruptedException {
                long left = deadline - System.nanoTime();
                return left <= 0 ? messages.poll() : messages.poll(left, TimeUnit.NANOSECONDS);
            }
        };
    }

    private final List<String> command;
    private final Optional<Sandbox> sandbox;
    private final Optional<Integer> sandboxUid;
    private final Clock clock;
    private final Duration requestTimeout;
    private final long deadline;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final TailBuffer stderr = new TailBuffer(STDERR_KEPT);
    private final Thread stderrReader;
    private final Thread stdoutReader;
    private final List<ProcessHandle> family = new ArrayList<>();
    private final Noise noise = new Noise();
    private long nextId = 1;

    /**
     * Starts the server.
     *
     * @param requestTimeout the most one request may take
     * @param timeout        the most the whole exchange may take, from now
     */
    public McpStdioClient(List<String> command, Duration requestTimeout, Duration timeout) throws ImportException {
        this(command, Optional.empty(), requestTimeout, timeout, Clock.SYSTEM);
    }

    /**
     * Starts the server in {@code sandbox} ({@link Bubblewrap}), or directly when it is empty.
     *
     * @param requestTimeout the most one request may take
     * @param timeout        the most the whole exchange may take, from now
     */
    public McpStdioClient(List<String> command, Optional<Sandbox> sandbox, Duration requestTimeout, Duration timeout)
            throws ImportException {
        this(command, sandbox, requestTimeout, timeout, Clock.SYSTEM);
    }

    /** Starts the server, with the deadlines measured by {@code clock} (for tests). */
    McpStdioClient(List<String> command, Duration requestTimeout, Duration timeout, Clock clock) throws ImportException {
        this(command, Optional.empty(), requestTimeout, timeout, clock);
    }

    /** Starts the server, in {@code sandbox} when there is one, with the deadlines measured by {@code clock}. */
    McpStdioClient(List<String> command, Optional<Sandbox> sandbox, Duration requestTimeout, Duration timeout, Clock clock)
            throws ImportException {
        this.command = List.copyOf(command);
        this.sandbox = sandbox;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.deadline = clock.nanoTime() + timeout.toNanos();
        List<String> argv = command;
        Optional<Integer> uid = Optional.empty();
        if (sandbox.isPresent()) {
            Bubblewrap.Launch launch = Bubblewrap.wrap(sandbox.get(), command, Path.of("").toAbsolutePath());
            argv = launch.argv();
            uid = launch.uid();
        }
        this.sandboxUid = uid;
        try {
            this.process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            uid.ifPresent(Bubblewrap::release);
            throw new ImportException("cannot start the server " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        family.add(process.toHandle());
        this.stdin = process.getOutputStream();
        this.stderrReader = daemon("mcp-stderr", () -> stderr.drain(process.getErrorStream()));
        this.stdoutReader = daemon("mcp-stdout", this::readMessages);
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** {@code initialize}, {@code notifications/initialized}, then {@code tools/list} until there is no next cursor. */
    public Listing listTools(String clientVersion) throws ImportException {
        Json.Obj init = request("initialize", Json.obj(
                "protocolVersion", Json.str(PROTOCOL_VERSION),
                "capabilities", Json.obj(),
                "clientInfo", Json.obj("name", Json.str("mcp-tool-catalogue"), "version", Json.str(clientVersion))));
        Json.Obj serverInfo = init.get("serverInfo").filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast)
                .orElse(Json.obj());
        String version = init.get("protocolVersion").filter(Json.Str.class::isInstance)
                .map(v -> ((Json.Str) v).value()).orElse("");
        notify("notifications/initialized");
        List<Json> tools = new ArrayList<>();
        java.util.Set<String> cursors = new java.util.HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            Json.Obj page = request("tools/list", cursor.map(c -> Json.obj("cursor", Json.str(c))).orElse(Json.obj()));
            if (!(page.get("tools").orElse(null) instanceof Json.Arr a)) {
                throw failure("answered tools/list without a \"tools\" list: " + abbreviate(JsonText.write(page)));
            }
            tools.addAll(a.items());
            cursor = page.get("nextCursor").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                    .filter(c -> !c.isEmpty());
            if (cursor.isPresent() && !cursors.add(cursor.get())) {
                throw failure("repeated the tools/list cursor " + JsonText.quote(cursor.get()) + "; stopping rather than looping");
            }
        } while (cursor.isPresent());
        return new Listing(serverInfo, version, tools, noise.describe().stream().toList());
    }

    private Json.Obj request(String method, Json.Obj params) throws ImportException {
        long id = nextId++;
        send(Json.obj("jsonrpc", Json.str("2.0"), "id", Json.Num.of(id), "method", Json.str(method), "params", params));
        long requestDeadline = Math.min(deadline, clock.nanoTime() + requestTimeout.toNanos());
        while (true) {
            Object next;
            try {
                next = clock.poll(messages, requestDeadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("was interrupted while waiting for the answer to " + method);
            }
            if (next == null) {
                boolean overall = requestDeadline == deadline;
                throw failure("did not answer " + method + " within " + seconds(overall ? null : requestTimeout)
                        + (overall ? " (the --timeout for the whole import ran out)" : ""));
            }
            if (next == EOF) {
                throw failure("closed its output before answering " + method + exitStatus());
            }
            if (next instanceof ImportException e) {
                throw e;
            }
            Json.Obj message = (Json.Obj) next;
            Optional<Json> method2 = message.get("method");
            Optional<Json> msgId = message.get("id");
            if (method2.isPresent()) {
                if (msgId.isPresent()) {
                    answer(msgId.get(), method2.get());
                }
                continue; // a notification: logging, list changes, progress
            }
            if (msgId.isEmpty() || !(msgId.get() instanceof Json.Num n) || n.value().longValue() != id) {
                continue;
            }
            if (message.get("error").orElse(null) instanceof Json.Obj error) {
                throw failure("answered " + method + " with an error: " + JsonText.write(error));
            }
            if (message.get("result").orElse(null) instanceof Json.Obj result) {
                return result;
            }
            throw failure("answered " + method + " without a result object: " + abbreviate(JsonText.write(message)));
        }
    }

    /** Answers a server-to-client request minimally, so the server does not wait for us. */
    private void answer(Json id, Json method) throws ImportException {
        String m = method instanceof Json.Str s ? s.value() : "";
        Json.Obj reply = switch (m) {
            case "ping" -> Json.obj("jsonrpc", Json.str("2.0"), "id", id, "result", Json.obj());
            case "roots/list" -> Json.obj("jsonrpc", Json.str("2.0"), "id", id, "result", Json.obj("roots", new Json.Arr(List.of())));
            default -> Json.obj("jsonrpc", Json.str("2.0"), "id", id, "error", Json.obj(
                    "code", Json.Num.of(-32601), "message", Json.str("Method not found: the catalogue importer only lists tools")));
        };
        send(reply);
    }

    private void notify(String method) throws ImportException {
        send(Json.obj("jsonrpc", Json.str("2.0"), "method", Json.str(method)));
    }

    private void send(Json.Obj message) throws ImportException {
        try {
            stdin.write((JsonText.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw failure("stopped reading its input (" + e.getMessage() + ")" + exitStatus());
        }
    }

    /**
     * Reads one JSON-RPC message per line. A line that is not one (not JSON, or not an object with
     * {@code "jsonrpc": "2.0"}: a banner, a log line) is skipped and counted, as the reference SDK clients do;
     * a line longer than {@link #MAX_LINE} ends the exchange with an error.
     */
    private void readMessages() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int c;
            while (true) {
                line.setLength(0);
                while ((c = in.read()) != -1 && c != '\n') {
                    if (line.length() >= MAX_LINE) {
                        messages.add(failure("wrote a line longer than " + (MAX_LINE >> 20) + " MiB to standard output"));
                        return;
                    }
                    line.append((char) c);
                }
                if (c == -1 && line.length() == 0) {
                    break;
                }
                String text = line.toString().strip();
                if (!text.isEmpty()) {
                    Json message = null;
                    try {
                        message = JsonText.parse(text);
                    } catch (RuntimeException e) {
                        // not JSON at all: a banner or a log line
                    }
                    if (message instanceof Json.Obj obj && obj.get("jsonrpc").filter(new Json.Str("2.0")::equals).isPresent()) {
                        messages.add(obj);
                    } else {
                        noise.skip(text);
                    }
                }
                if (c == -1) {
                    break;
                }
            }
        } catch (IOException e) {
            // the stream closed under us: treated as the end of output
        }
        messages.add(EOF);
    }

    private ImportException failure(String problem) {
        StringBuilder b = new StringBuilder("the server (" + String.join(" ", command) + ") " + problem);
        sandbox.ifPresent(box -> b.append("\n(it ran in the sandbox: ").append(box.summary()).append(')'));
        noise.describe().ifPresent(n -> b.append("\n(").append(n.replace("the server wrote", "it wrote")).append(')'));
        String err = stderr.text();
        if (err.isBlank()) {
            b.append("\n(it wrote nothing to standard error)");
        } else {
            b.append("\n--- its standard error").append(stderr.truncated() ? " (the last 64 KiB)" : "").append(" ---\n")
                    .append(err.endsWith("\n") ? err : err + "\n").append("---");
        }
        return new ImportException(b.toString());
    }

    /**
     * After the server closed its output or stopped reading its input, it is exiting: waits for that, and for its
     * standard error to be read to the end, so that the error shows its last words and its status.
     */
    private String exitStatus() {
        try {
            if (process.waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
                stderrReader.join(SETTLE.toMillis());
                return " (it exited with status " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "the time allowed";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** Whether the server process is still running (for tests). */
    public boolean alive() {
        return process.isAlive();
    }

    /** Completes when the server process has exited (for tests). */
    java.util.concurrent.CompletableFuture<Process> exited() {
        return process.onExit();
    }

    /** The server's exit status; only once it has exited (for tests). */
    int exitValue() {
        return process.exitValue();
    }

    /**
     * Waits until the server's standard error, as kept, contains {@code text}, or its standard error has ended,
     * or {@code atMost} has passed (a safety net for tests, which wait for what the server announces).
     *
     * @return whether the text is there
     */
    boolean awaitStderr(String text, Duration atMost) throws InterruptedException {
        return stderr.await(text, atMost);
    }

    /**
     * Waits until at least {@code count} lines of standard output that are not JSON-RPC have been skipped, or
     * {@code atMost} has passed (a safety net for tests).
     */
    boolean awaitSkipped(int count, Duration atMost) throws InterruptedException {
        return noise.await(count, atMost);
    }

    /** The server's standard error as kept (for tests). */
    String stderrText() {
        return stderr.text();
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Ends the server: standard input closed, a grace period, then termination, then a forced kill (descendants
     * too). Returns once the server is gone.
     */
    @Override
    public void close() {
        process.descendants().forEach(family::add);
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already closed by the server's exit
        }
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(family::add);
                family.forEach(ProcessHandle::destroy);
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    family.forEach(ProcessHandle::destroyForcibly);
                }
            }
            for (ProcessHandle h : family) {
                if (h.isAlive()) {
                    h.destroy();
                    h.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            family.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            family.forEach(ProcessHandle::destroyForcibly);
        } finally {
            if (process.isAlive()) {
                family.forEach(ProcessHandle::destroyForcibly);
            }
            awaitGone();
            sandboxUid.ifPresent(this::endEveryProcessOf);
        }
    }

    /**
     * The sandbox's processes die with it (its process namespace ends with its first process); should any be
     * left, they are killed by their user id, which no other process has, and waited for.
     */
    private void endEveryProcessOf(int uid) {
        List<ProcessHandle> left = Bubblewrap.processesOf(uid).stream().map(ProcessHandle::of)
                .flatMap(Optional::stream).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : left) {
            try {
                h.onExit().get(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // gone in the meantime, or not ours to wait for
            }
        }
        Bubblewrap.release(uid);
    }

    /** The user id the sandboxed server runs as, when it is not this program's (for tests). */
    Optional<Integer> sandboxUid() {
        return sandboxUid;
    }

    /** The server's processes now, the sandbox's included (for tests). */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** A forced kill cannot be refused: waits for the server to be gone (SETTLE is only a safety net). */
    private void awaitGone() {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Keeps the last {@code limit} bytes written to it. */
    static final class TailBuffer {
        private final byte[] ring;
        private long total;
        private boolean ended;

        TailBuffer(int limit) {
            this.ring = new byte[limit];
        }

        void drain(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) != -1) {
                    write(buf, n);
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                end();
            }
        }

        synchronized void write(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (total++ % ring.length)] = buf[i];
            }
            notifyAll();
        }

        private synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Waits until the text kept contains {@code text}, the stream has ended, or {@code atMost} has passed. */
        synchronized boolean await(String text, Duration atMost) throws InterruptedException {
            long until = System.nanoTime() + atMost.toNanos();
            while (!text().contains(text) && !ended) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return text().contains(text);
        }

        synchronized boolean truncated() {
            return total > ring.length;
        }

        synchronized String text() {
            if (total <= ring.length) {
                return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
            }
            int start = (int) (total % ring.length);
            byte[] out = new byte[ring.length];
            System.arraycopy(ring, start, out, 0, ring.length - start);
            System.arraycopy(ring, 0, out, ring.length - start, start);
            return new String(out, StandardCharsets.UTF_8);
        }
    }
}
