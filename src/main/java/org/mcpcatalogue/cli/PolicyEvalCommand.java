package org.mcpcatalogue.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.policy.check.CheckReport;
import org.mcpcatalogue.policy.check.PolicyCheck;
import org.mcpcatalogue.policy.engine.Decision;
import org.mcpcatalogue.policy.engine.InMemoryStateStore;
import org.mcpcatalogue.policy.engine.PolicyEngine;
import org.mcpcatalogue.yaml.SafeYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code catalogue policy eval FILE}: decides the calls read from standard input, one JSON object a line,
 * {@code {"tool": "name", "args": {…}, "at": "2026-01-01T00:00:05Z", "upstream_error": false}} ({@code args},
 * {@code at} and {@code upstream_error} optional; {@code args} that are not an object are forwarded unevaluated and so
 * allowed, as Intercept does), and prints one JSON line per call: {@code {"allowed": true}} or
 * {@code {"allowed": false, "rule": "…", "message": "…"}}. Counters live for the whole input. A policy that does not
 * validate is refused with the check's output on standard error (exit 1); a bad input line stops with
 * {@code stdin:LINE: error: …} (exit 1). Empty lines are skipped.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Decide the calls on standard input (JSON lines) against a policy, as Intercept would.")
public final class PolicyEvalCommand implements Callable<Integer> {

    /** Where calls are read from; tests replace it. */
    static Supplier<InputStream> stdin = () -> System.in;
    /** The clock for calls without {@code at}; tests replace it. */
    static Supplier<Clock> clock = Clock::systemUTC;

    private static final Set<String> KEYS = Set.of("tool", "args", "at", "upstream_error");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML).")
    Path file;

    /** A problem with one input line. */
    private static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    private record Call(String tool, Json args, Instant at, boolean upstreamError) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckReport report;
        try {
            // As policy check: never opens a FIFO or a device, and reads no more than the loader's size limit.
            byte[] bytes = InputFiles.read(file, SafeYaml.Limits.DEFAULT.maxBytes(), InputFiles.Links.FOLLOW);
            report = new PolicyCheck().check(file.toString(), bytes);
        } catch (InputFiles.Refused e) {
            err.println(Diagnostic.error(Location.ofFile(file.toString()), e.getMessage()));
            err.flush();
            return Main.INVALID;
        }
        if (!report.valid()) {
            report.lines().forEach(err::println);
            err.flush();
            return Main.INVALID;
        }
        report.lines().stream().filter(l -> !l.equals(file + ": valid")).forEach(err::println);
        err.flush();
        Clock now = clock.get();
        PolicyEngine engine = PolicyEngine.create(report.policy().orElseThrow(), new InMemoryStateStore(), now);
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Call call;
            try {
                call = parse(line, now);
            } catch (BadLine e) {
                out.flush();
                err.println("stdin:" + number + ": error: " + e.getMessage());
                err.flush();
                return Main.INVALID;
            }
            Decision d = engine.decide(call.tool(), call.args(), call.at());
            if (d.allowed() && call.upstreamError()) {
                engine.upstreamError(d);
            }
            out.println(render(d));
            out.flush();
        }
        return Main.OK;
    }

    private static Call parse(String line, Clock now) throws BadLine {
        Json json;
        try {
            json = JsonText.parse(line);
        } catch (RuntimeException e) {
            String message = e instanceof tools.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new BadLine("not a JSON value: " + firstLine(message));
        }
        if (!(json instanceof Json.Obj call)) {
            throw new BadLine("expected a JSON object such as {\"tool\": \"name\", \"args\": {}}, found " + json.typeName());
        }
        for (String key : call.members().keySet()) {
            if (!KEYS.contains(key)) {
                throw new BadLine("unknown key " + JsonText.quote(key) + "; a call has tool, args, at and upstream_error");
            }
        }
        Map<String, Json> m = call.members();
        if (!(m.get("tool") instanceof Json.Str tool) || tool.value().isEmpty()) {
            throw new BadLine("\"tool\" must be a non-empty string");
        }
        // Any JSON value: as in Intercept, null is no arguments and a non-object is forwarded unevaluated.
        Json args = m.getOrDefault("args", Json.NULL);
        Instant at = now.instant();
        Json atValue = m.getOrDefault("at", Json.NULL);
        if (atValue instanceof Json.Str s) {
            try {
                at = OffsetDateTime.parse(s.value()).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadLine("\"at\" must be an RFC 3339 time such as 2026-01-01T00:00:05Z, found " + JsonText.quote(s.value()));
            }
        } else if (!(atValue instanceof Json.Null)) {
            throw new BadLine("\"at\" must be an RFC 3339 time string, found " + atValue.typeName());
        }
        Json upstream = m.getOrDefault("upstream_error", Json.FALSE);
        if (!(upstream instanceof Json.Bool b)) {
            throw new BadLine("\"upstream_error\" must be true or false, found " + upstream.typeName());
        }
        return new Call(tool.value(), args, at, b.value());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** {@code {"allowed": true}} or {@code {"allowed": false, "rule": "…", "message": "…"}}. */
    static String render(Decision d) {
        if (d.allowed()) {
            return "{\"allowed\": true}";
        }
        return "{\"allowed\": false, \"rule\": " + JsonText.quote(d.rule()) + ", \"message\": "
                + JsonText.quote(d.message()) + "}";
    }
}
