package org.mcpcatalogue.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalogue serve} as a user runs it, in its own JVM: it prints {@code serving URL}, answers on 127.0.0.1, and
 * Ctrl-C (SIGINT) stops it cleanly, deleting its temporary folder. The test reads the process's output for each
 * state; every wait is a safety net.
 */
class ServeCommandProcessTest {

    static final Pattern SERVING = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/) \\(from (\\S+);");
    static final long PATIENCE_SECONDS = 120;

    @TempDir
    Path tmp;

    @Test
    void ctrlCStopsTheServerAndDeletesItsTemporaryFolder() throws Exception {
        Path catalogue = tmp.resolve("catalogue");
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/catalogues/valid"))) {
            Path from = Path.of("src/test/resources/catalogues/valid");
            for (Path p : walk.toList()) {
                Path target = catalogue.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path site = Path.of("site");
        long siteBefore = Files.exists(site) ? Files.getLastModifiedTime(site, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() : -1;
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.mcpcatalogue.cli.Main",
                "serve", "--port", "0", "--catalogue", catalogue.toString(), "--templates", "templates")
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            Matcher serving = null;
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    serving = m;
                    break;
                }
            }
            assertNotNull(serving, "no serving line in " + lines);
            Path workDir = Path.of(serving.group(2));
            assertTrue(Files.isDirectory(workDir.resolve("site")), "the site is built in " + workDir);
            assertFalse(workDir.startsWith(Path.of("").toAbsolutePath()), "never inside the project");

            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serving.group(1)))
                    .timeout(Duration.ofSeconds(PATIENCE_SECONDS)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());

            // Ctrl-C is SIGINT to the process; if this test runs where SIGINT is ignored (a background job of a
            // shell without job control), the JVM cannot see it at all, so SIGTERM, which takes the same path, is sent.
            String signal = sigintIgnored(process.pid()) ? "-TERM" : "-INT";
            assertEquals(0, new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor());
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
            assertTrue(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "serve did not stop: " + lines);
            assertEquals("stopped", lines.get(lines.size() - 1), lines.toString());
            assertFalse(Files.exists(workDir), workDir + " is left behind");
            long siteAfter = Files.exists(site) ? Files.getLastModifiedTime(site, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() : -1;
            assertEquals(siteBefore, siteAfter, "site/ is never touched");
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean sigintIgnored(long pid) throws IOException {
        if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            return false; // no /proc (not Linux): assume the default disposition
        }
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }
}
