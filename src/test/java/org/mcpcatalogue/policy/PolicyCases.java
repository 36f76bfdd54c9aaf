package org.mcpcatalogue.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a conformance case file. Each case is
 * <pre>
 * === name of the case
 * the policy, as YAML (or one line: {@code @file upstream/valid_policy.yaml})
 * --- check
 * the exact lines {@code policy check} prints for it, the file being called policy.yaml
 * --- calls
 * {"tool": "t", "args": {}, "at": "2026-01-01T00:00:00Z"} => {"allowed": true}
 * </pre>
 * Both sections are optional. Lines before the first case are comments.
 */
final class PolicyCases {

    /** One case; {@code line} is where it starts in its file. */
    record Case(String file, int line, String name, String policy, List<String> check, boolean hasCheck,
                List<Call> calls) {
        String displayName() {
            return file + ":" + line + " " + name;
        }
    }

    /** One call with the decision expected for it. */
    record Call(int line, String call, String expected) {
    }

    static final String FILE_NAME = "policy.yaml";

    private PolicyCases() {
    }

    static String resource(String path) {
        try (InputStream in = PolicyCases.class.getResourceAsStream("/policy/" + path)) {
            return new String(Objects.requireNonNull(in, "missing test resource policy/" + path).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> read(String file) {
        String[] lines = resource("cases/" + file).split("\n", -1);
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("=== ")) {
            i++;
        }
        while (i < lines.length) {
            int start = i + 1;
            String name = lines[i].substring(4).strip();
            i++;
            StringBuilder policy = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("--- ") && !lines[i].startsWith("=== ")) {
                policy.append(lines[i]).append('\n');
                i++;
            }
            List<String> check = new ArrayList<>();
            List<Call> calls = new ArrayList<>();
            boolean hasCheck = false;
            while (i < lines.length && lines[i].startsWith("--- ")) {
                String section = lines[i].substring(4).strip();
                i++;
                while (i < lines.length && !lines[i].startsWith("--- ") && !lines[i].startsWith("=== ")) {
                    String line = lines[i];
                    if (!line.isBlank()) {
                        if (section.equals("check")) {
                            check.add(line);
                        } else if (section.equals("calls")) {
                            int arrow = line.indexOf(" => ");
                            if (arrow < 0) {
                                throw new IllegalArgumentException(file + ":" + (i + 1) + ": a call line needs ' => '");
                            }
                            calls.add(new Call(i + 1, line.substring(0, arrow).strip(), line.substring(arrow + 4).strip()));
                        } else {
                            throw new IllegalArgumentException(file + ":" + i + ": unknown section " + section);
                        }
                    }
                    i++;
                }
                hasCheck |= section.equals("check");
            }
            String text = policy.toString().replaceAll("\\n+$", "\n");
            if (text.startsWith("@file ")) {
                text = resource(text.substring(6).strip());
            }
            cases.add(new Case(file, start, name, text, check, hasCheck, calls));
        }
        return cases;
    }
}
