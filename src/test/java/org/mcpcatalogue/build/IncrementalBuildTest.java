package org.mcpcatalogue.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.site.SiteFixture;

/**
 * An incremental build publishes exactly what a clean build of the same inputs publishes: after each of a series of
 * seeded random edits to a copy of the fixture catalogue (a tool's description, a tool added or removed, a server
 * file added or removed, the rules, a template, an attack page), the whole output tree (file set and bytes, the
 * manifest included) of an incremental build equals that of a clean build, both for a {@link SiteBuild} kept between
 * builds (as {@code catalogue serve} keeps it) and for a new one each time (as {@code catalogue build} runs).
 */
class IncrementalBuildTest {

    private enum Edit { TOOL_DESCRIPTION, ADD_TOOL, REMOVE_TOOL, ADD_SERVER, REMOVE_SERVER, RULES, TEMPLATE, ATTACK }

    private static final String BASE_URL = SiteFixture.BASE_URL;

    @Test
    void incrementalBuildsAreByteIdenticalToCleanBuildsAfterRandomEdits(@TempDir Path work) throws IOException {
        Path catalogue = work.resolve("catalogue");
        Path templates = work.resolve("templates");
        SiteFixture.copy(SiteFixture.FIXTURE, catalogue);
        SiteFixture.copy(Path.of("templates"), templates);
        Files.createDirectories(catalogue.resolve("rules"));
        Files.copy(Path.of("catalogue/rules/classification.yaml"), catalogue.resolve("rules/classification.yaml"));

        SiteBuild kept = new SiteBuild();
        build(kept, catalogue, templates, work.resolve("kept"), false);
        build(new SiteBuild(), catalogue, templates, work.resolve("fresh"), false);

        Random random = new Random(11);
        List<Edit> edits = new ArrayList<>(Arrays.asList(Edit.values()));
        edits.addAll(Arrays.asList(Edit.values()));
        Collections.shuffle(edits, random);
        int step = 0;
        for (Edit edit : edits) {
            step++;
            String what = edit(edit, step, random, catalogue, templates);
            BuildResult warm = build(kept, catalogue, templates, work.resolve("kept"), false);
            build(new SiteBuild(), catalogue, templates, work.resolve("fresh"), false);
            build(new SiteBuild(), catalogue, templates, work.resolve("clean-" + step), true);
            Map<String, byte[]> clean = SiteFixture.files(work.resolve("clean-" + step));
            assertSame(clean, SiteFixture.files(work.resolve("kept")), "step " + step + " (" + what + "), kept SiteBuild");
            assertSame(clean, SiteFixture.files(work.resolve("fresh")), "step " + step + " (" + what + "), new SiteBuild");
            assertTrue(clean.containsKey(".catalogue-manifest.json"));
            if (edit == Edit.TOOL_DESCRIPTION || edit == Edit.ADD_SERVER) {
                assertTrue(stage(warm, "classify").counts().contains("unchanged servers not reassessed"),
                        "step " + step + ": " + stage(warm, "classify"));
            }
        }
    }

    @Test
    void aBuildWithNoChangeDoesNothingAndCleanRebuildsAll(@TempDir Path work) throws IOException {
        Path out = work.resolve("site");
        BuildResult first = build(new SiteBuild(), SiteFixture.FIXTURE, Path.of("templates"), out, false);
        Path version = out.toRealPath();
        // named otherwise (as another user would type it): the repeated warnings name it so
        BuildResult again = new SiteBuild().run(new BuildRequest(SiteFixture.FIXTURE, "./fixture-as-typed", Path.of("templates"),
                out.toString(), BASE_URL, false), BuildListener.NONE);
        assertEquals(List.of("unchanged"), again.stages().stream().map(StageTiming::name).toList());
        assertEquals(version, out.toRealPath(), "nothing was published");
        assertEquals(first.diagnostics().stream().map(d -> d.toString().replace(SiteFixture.FIXTURE + "/", "./fixture-as-typed/")).toList(),
                again.diagnostics().stream().map(Object::toString).toList(), "the warnings are repeated");
        assertTrue(!again.diagnostics().isEmpty());
        BuildResult clean = build(new SiteBuild(), SiteFixture.FIXTURE, Path.of("templates"), out, true);
        assertEquals(List.of("load", "validate", "classify", "recommend", "prove", "render", "check", "publish"),
                clean.stages().stream().map(StageTiming::name).toList());
        assertTrue(stage(clean, "render").counts().contains(" 0 reused"), stage(clean, "render").counts());
        assertTrue(!version.equals(out.toRealPath()), "a clean build publishes a new version");
    }

    /** A changed server's files are rendered anew; an unchanged server's are the same files on disk (hard links). */
    @Test
    void unchangedFilesAreHardLinkedFromThePublishedVersion(@TempDir Path work) throws IOException {
        Path catalogue = work.resolve("catalogue");
        SiteFixture.copy(SiteFixture.FIXTURE, catalogue);
        Path out = work.resolve("site");
        SiteBuild build = new SiteBuild();
        build(build, catalogue, Path.of("templates"), out, false);
        Object unchangedBefore = inode(out.resolve("servers/together-ai/index.html"));
        Object changedBefore = inode(out.resolve("servers/repo-host/index.html"));
        Path file = catalogue.resolve("servers/repo-host.yaml");
        Files.writeString(file, Files.readString(file).replace("A code host with issues", "A code host, edited, with issues"));
        BuildResult r = build(build, catalogue, Path.of("templates"), out, false);
        assertEquals(unchangedBefore, inode(out.resolve("servers/together-ai/index.html")));
        assertTrue(!changedBefore.equals(inode(out.resolve("servers/repo-host/index.html"))));
        assertTrue(SiteFixture.read(out, "servers/repo-host/index.html").contains("A code host, edited, with issues"));
        assertTrue(stage(r, "classify").counts().contains("(3 unchanged servers not reassessed)"), stage(r, "classify").counts());
        assertTrue(stage(r, "render").counts().contains("(3 unchanged servers)"), stage(r, "render").counts());
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p.toRealPath(), "unix:ino");
    }

    private static StageTiming stage(BuildResult r, String name) {
        return r.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no stage " + name));
    }

    private static BuildResult build(SiteBuild build, Path catalogue, Path templates, Path out, boolean clean) {
        BuildResult r = build.run(new BuildRequest(catalogue, catalogue.toString(), templates, out.toString(), BASE_URL, clean),
                BuildListener.NONE);
        assertEquals(BuildResult.Status.OK, r.status(), String.join("\n", r.errors()));
        return r;
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), what + ": the same files");
        for (var e : expected.entrySet()) {
            if (!Arrays.equals(e.getValue(), actual.get(e.getKey()))) {
                fail(what + ": " + e.getKey() + " differs from the clean build's");
            }
        }
    }

    /** Makes one edit of that kind, chosen with {@code random}; returns what it did. */
    private static String edit(Edit edit, int step, Random random, Path catalogue, Path templates) throws IOException {
        List<Path> servers = serverFiles(catalogue);
        Path server = servers.get(random.nextInt(servers.size()));
        String text = Files.readString(server);
        switch (edit) {
            case TOOL_DESCRIPTION -> {
                List<String> lines = new ArrayList<>(text.lines().toList());
                List<Integer> descriptions = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("    description: ")) {
                        descriptions.add(i);
                    }
                }
                int at = descriptions.get(random.nextInt(descriptions.size()));
                lines.set(at, "    description: Edited in step " + step + ". " + lines.get(at).substring("    description: ".length()));
                Files.writeString(server, String.join("\n", lines) + "\n");
                return "a tool description of " + server.getFileName();
            }
            case ADD_TOOL -> {
                Files.writeString(server, text.replaceFirst("(?m)^tools:\n", "tools:\n  - name: list_widgets_" + step
                        + "\n    description: List the widgets of the account, page by page (step " + step + ").\n"
                        + "    inputSchema: {type: object, properties: {page: {type: integer}}}\n"));
                return "a tool added to " + server.getFileName();
            }
            case REMOVE_TOOL -> {
                List<String> lines = text.lines().toList();
                List<Integer> starts = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("  - name: ")) {
                        starts.add(i);
                    }
                }
                if (starts.size() < 2) {
                    return edit(Edit.ADD_TOOL, step, random, catalogue, templates);
                }
                int k = random.nextInt(starts.size());
                int from = starts.get(k);
                int to = from + 1;
                while (to < lines.size() && lines.get(to).startsWith("    ")) {
                    to++;
                }
                List<String> kept = new ArrayList<>(lines.subList(0, from));
                kept.addAll(lines.subList(to, lines.size()));
                Files.writeString(server, String.join("\n", kept) + "\n");
                return "a tool removed from " + server.getFileName();
            }
            case ADD_SERVER -> {
                Files.writeString(catalogue.resolve("servers/added-" + step + ".yaml"), """
                        slug: added-%d
                        name: Added %d
                        publisher: example
                        repository: https://github.com/example/added-%d
                        description: A server added by the incremental build test.
                        tags: [test]
                        verified: 2026-11-01
                        source: a fixture for the incremental build test
                        tools:
                          - name: send_message
                            description: Send a message to a channel of the workspace.
                            inputSchema: {type: object, properties: {channel: {type: string}, text: {type: string}}, required: [channel, text]}
                          - name: get_channel
                            description: Get the details of a channel of the workspace.
                            inputSchema: {type: object, properties: {channel: {type: string}}, required: [channel]}
                        """.formatted(step, step, step));
                return "server added-" + step + " added";
            }
            case REMOVE_SERVER -> {
                if (servers.size() < 3) {
                    return edit(Edit.ADD_SERVER, step, random, catalogue, templates);
                }
                Files.delete(server);
                return server.getFileName() + " removed";
            }
            case RULES -> {
                Path rules = catalogue.resolve("rules/classification.yaml");
                String r = Files.readString(rules);
                // moves the verb "get" between Read and Write: every get_… tool's verdict changes
                String moved = r.contains("  Read: [get, list,")
                        ? r.replace("  Read: [get, list,", "  Read: [list,").replace("  Write: [create,", "  Write: [get, create,")
                        : r.replace("  Read: [list,", "  Read: [get, list,").replace("  Write: [get, create,", "  Write: [create,");
                assertTrue(!moved.equals(r), "the rules edit applies");
                Files.writeString(rules, moved);
                return "the rules";
            }
            case TEMPLATE -> {
                String name = random.nextBoolean() ? "tool.mustache" : "home.mustache";
                Path t = templates.resolve(name);
                String body = Files.readString(t);
                int end = body.lastIndexOf("{{/content}}");
                Files.writeString(t, body.substring(0, end) + "<p>Edited in step " + step + ".</p>\n" + body.substring(end));
                return "template " + name;
            }
            case ATTACK -> {
                Path attack;
                try (Stream<Path> s = Files.list(catalogue.resolve("attacks"))) {
                    attack = s.sorted().findFirst().orElseThrow();
                }
                Files.writeString(attack, Files.readString(attack) + "\nEdited in step " + step + ".\n", StandardCharsets.UTF_8);
                return "attack " + attack.getFileName();
            }
            default -> throw new AssertionError(edit);
        }
    }

    private static List<Path> serverFiles(Path catalogue) throws IOException {
        try (Stream<Path> s = Files.list(catalogue.resolve("servers"))) {
            return s.sorted().toList();
        }
    }
}
