package org.mcpcatalogue.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5, as a reader of the site sees it: a tool that runs the caller's command is shown Critical 5/5,
 * its policy denies it, and the page says why; a fixed action of the same server keeps its rate limit and its
 * level follows its score.
 */
class CallerCodePageTest {

    private static final String SERVER = """
            slug: shell-host
            name: Shell Host
            publisher: example
            repository: https://github.com/example/shell-host
            description: Runs commands and jobs on a build machine.
            license: MIT
            transport: stdio
            verified: 2026-11-21
            source: written for this test
            tools:
              - name: run_command
                description: Run a command on this linux machine
                inputSchema:
                  type: object
                  properties:
                    command: {type: string, description: The command line}
                  required: [command]
              - name: trigger_build
                description: Trigger a build of the default branch.
                inputSchema:
                  type: object
                  properties:
                    branch: {type: string, description: Branch to build}
                  required: [branch]
            """;

    @TempDir
    Path tmp;

    @Test
    void theToolPageSaysWhyARunCommandToolIsBlocked() throws IOException {
        Path catalogue = tmp.resolve("catalogue");
        Files.createDirectories(catalogue.resolve("servers"));
        Files.writeString(catalogue.resolve("servers/shell-host.yaml"), SERVER);
        SiteFixture.Build build = SiteFixture.build(catalogue, tmp.resolve("site"));
        assertEquals(0, build.exitCode(), build.err());

        Document run = Jsoup.parse(SiteFixture.read(tmp.resolve("site"), "tools/shell-host/run-command/index.html"));
        assertEquals("Critical 5/5", run.selectFirst("a.badge[class*=risk-]").text().replace("·", "").replaceAll("\\s+", " ").strip());
        assertTrue(run.select("#policy-heading ~ p").text().contains("Deny (or hide) until enabled deliberately."), run.html());
        assertTrue(run.select("p.policy-note").text().startsWith("Blocked: run_command runs code, commands, scripts or"
                + " queries that the caller writes (\"run\" acting on \"command\""), run.select("p.policy-note").text());
        assertTrue(run.select("pre").text().contains("action: \"deny\""), run.select("pre").text());
        assertTrue(run.select("table.signals").text().contains("blocked by default, like a Destructive tool"));

        Document build2 = Jsoup.parse(SiteFixture.read(tmp.resolve("site"), "tools/shell-host/trigger-build/index.html"));
        assertEquals("High 3/5", build2.selectFirst("a.badge[class*=risk-]").text().replace("·", "").replaceAll("\\s+", " ").strip());
        assertTrue(build2.select("pre").text().contains("rate_limit: \"10/minute\""), build2.select("pre").text());
    }
}
