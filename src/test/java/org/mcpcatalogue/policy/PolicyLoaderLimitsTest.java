package org.mcpcatalogue.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.policy.load.LoadResult;
import org.mcpcatalogue.policy.load.PolicyLoader;

/**
 * The safety limits of {@code policy check}'s reader, which yaml.v3 does not have: file size, nesting depth and
 * the number of decoded nodes (aliases expanded). Each is refused with a located error, never a crash.
 */
class PolicyLoaderLimitsTest {

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static LoadResult load(String text) {
        return new PolicyLoader().load("p.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeReading() {
        LoadResult r = load("version: \"1\"\ndescription: \"" + "x".repeat(1 << 20) + "\"\n");
        assertFalse(r.loaded());
        assertEquals(List.of("p.yaml:1:1: error: file is 1.0 MiB, larger than the 1 MiB limit"), lines(r));
    }

    @Test
    void nestingDeeperThanFiftyLevelsIsRefused() {
        LoadResult r = load("version: \"1\"\ndescription: " + "[".repeat(60) + "]".repeat(60) + "\n");
        assertFalse(r.loaded());
        assertEquals(List.of("p.yaml:2:63: error: nesting is deeper than 50 levels"), lines(r));
    }

    @Test
    void moreThanAMillionDecodedNodesAreRefusedEvenWhenYamlV3WouldAllowTheRatio() {
        // 220,000 plain nodes decoded first, then 900 aliases of a 1,000-item list: 78% of the decodes come from
        // aliases, under yaml.v3's allowed ratio (about 84% at a million decodes), so only this limit stops it.
        StringBuilder text = new StringBuilder("version: \"1\"\nx-block: &b [").append("1,".repeat(999)).append("1]\n");
        text.append("tools:\n  t:\n    rules:\n      - name: \"r\"\n        conditions:\n");
        text.append("          - {path: \"args.x\", op: \"in\", value: [").append("1,".repeat(219_999)).append("1]}\n");
        text.append("          - {path: \"args.x\", op: \"in\", value: [").append("*b,".repeat(899)).append("*b]}\n");
        LoadResult r = load(text.toString());
        assertFalse(r.loaded());
        assertTrue(lines(r).stream().anyMatch(l -> l.matches("p\\.yaml:\\d+:\\d+: error: the document decodes to more than"
                + " 1000000 nodes \\(a safety limit of this checker\\)")), lines(r).toString());
    }

    /** A chain of anchors, each holding an alias of the one before, nests as deep as the chain once expanded. */
    @Test
    void aliasChainsDeeperThanFiveHundredLevelsAreRefusedWithoutCrashing() {
        StringBuilder text = new StringBuilder("version: \"1\"\nx-chain:\n  - &a0 [1]\n");
        for (int i = 1; i <= 5000; i++) {
            text.append("  - &a").append(i).append(" [*a").append(i - 1).append("]\n");
        }
        text.append("x-again: *a5000\ntools:\n  t:\n    rules:\n      - name: \"r\"\n        conditions:\n");
        text.append("          - {path: \"args.x\", op: \"in\", value: [").append("1,".repeat(50_000)).append("1]}\n");
        text.append("          - {path: \"args.x\", op: \"in\", value: *a5000}\n");
        LoadResult r = load(text.toString());
        assertFalse(r.loaded());
        assertTrue(lines(r).stream().anyMatch(l -> l.endsWith("error: nesting is deeper than 500 levels once aliases"
                + " are expanded (a safety limit of this checker)")), lines(r).toString());
    }
}
