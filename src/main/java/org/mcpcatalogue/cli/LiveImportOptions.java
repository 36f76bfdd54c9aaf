package org.mcpcatalogue.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcpcatalogue.importer.ImportException;
import picocli.CommandLine.Option;

/**
 * The options every live import shares ({@code import --stdio} and {@code import-bulk}): the date recorded in
 * {@code verified} and the two timeouts of an MCP exchange. A picocli mixin, so both commands spell, default and
 * check them the same way.
 */
final class LiveImportOptions {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    @Option(names = "--verified", paramLabel = "YYYY-MM-DD",
            description = "The date recorded in verified: the day of the last successful introspection (default: today, UTC).")
    String verified;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "The most one server's whole exchange may take, e.g. 30s or 2m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "20s",
            description = "The most one request may take (default: ${DEFAULT-VALUE}).")
    String requestTimeout;

    /** The {@code verified} date: the one given, or today in UTC. */
    LocalDate date() throws ImportException {
        if (verified == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(verified);
        } catch (DateTimeParseException e) {
            throw new ImportException("--verified must be a date written YYYY-MM-DD, got " + verified, true);
        }
    }

    /** {@code --timeout}. */
    Duration overall() throws ImportException {
        return duration("--timeout", timeout);
    }

    /** {@code --request-timeout}. */
    Duration perRequest() throws ImportException {
        return duration("--request-timeout", requestTimeout);
    }

    /** A duration written {@code 500ms}, {@code 30s}, {@code 2m} or a bare number of seconds; never zero. */
    static Duration duration(String option, String text) throws ImportException {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new ImportException(option + " must be a duration such as 500ms, 30s or 2m, got " + text, true);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new ImportException(option + " must be more than zero", true);
        }
        return d;
    }
}
