package org.mcpcatalogue.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

class SafeYamlTest {

    private final SafeYaml yaml = new SafeYaml();

    private SafeYaml.Result read(String text) {
        return yaml.read("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(SafeYaml.Result result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void resolvesScalarsByTheYaml12CoreSchema() {
        SafeYaml.Result r = read("a: NO\nb: yes\nc: ~\nd: 0x1F\ne: True\nf: 2.50\ng: '1'\nh: 2026-01-01\ni: null\n");
        assertEquals(List.of(), lines(r));
        assertEquals("{\"a\":\"NO\",\"b\":\"yes\",\"c\":null,\"d\":31,\"e\":true,\"f\":2.5,\"g\":\"1\",\"h\":\"2026-01-01\",\"i\":null}",
                JsonText.write(r.root().orElseThrow().toJson()));
    }

    @Test
    void aLargerByteLimitAlsoLiftsTheParsersOwnCodePointLimit() {
        // snakeyaml-engine's default stops at 3 MiB of code points, below a 16 MiB limit a caller may choose.
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < (4 << 20); i++) {
            text.append("- {n: ").append(i).append(", d: '").append("x".repeat(100)).append("'}\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        SafeYaml.Result big = new SafeYaml(new SafeYaml.Limits(16 << 20, 50)).read("big.yaml", bytes);
        assertEquals(List.of(), lines(big));
        assertTrue(big.root().orElseThrow().toJson() instanceof Json.Arr a && a.items().size() > 30_000);
        // The default limit (1 MiB) still refuses it, with its own message.
        assertFalse(new SafeYaml().read("big.yaml", bytes).diagnostics().isEmpty());
    }

    @Test
    void keepsPositionsOfKeysAndValues() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a:\n  - x\n  - {b: 1}\n").root().orElseThrow();
        YamlNode.Entry a = root.entry("a").orElseThrow();
        assertEquals(new YamlNode.Position(1, 1), a.keyPosition());
        YamlNode.Sequence seq = (YamlNode.Sequence) a.value();
        assertEquals(new YamlNode.Position(2, 5), seq.items().get(0).position());
        assertEquals(new YamlNode.Position(3, 5), seq.items().get(1).position());
    }

    @Test
    void refusesAnchorsAndAliasesWithoutExpandingThem() {
        SafeYaml.Result r = read("a: &x [1, 2]\nb: *x\n");
        assertEquals(List.of(
                "f.yaml:1:4: error: YAML anchors are not allowed (&x); write the value out in full",
                "f.yaml:2:4: error: YAML aliases are not allowed (*x); write the value out in full"), lines(r));
    }

    @Test
    void anAliasBombCostsNothing() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p);
            for (int i = 0; i < 8; i++) {
                bomb.append(",*").append(p);
            }
            bomb.append("]\n");
        }
        SafeYaml.Result r = read(bomb.toString());
        assertTrue(r.hasErrors());
        // 10 anchors and 81 aliases, each reported once: nothing was expanded (9^10 strings otherwise).
        assertEquals(91, r.diagnostics().size());
    }

    @Test
    void refusesDuplicateKeysNamingTheFirst() {
        SafeYaml.Result r = read("name: a\nother: 1\nname: b\n");
        assertEquals(List.of("f.yaml:3:1: error: duplicate key \"name\" (first defined at line 1, column 1)"), lines(r));
        YamlNode.Mapping root = (YamlNode.Mapping) r.root().orElseThrow();
        assertEquals(new Json.Str("a"), ((YamlNode.Scalar) root.get("name").orElseThrow()).value());
    }

    @Test
    void refusesNonStringKeys() {
        SafeYaml.Result r = read("1: a\ntrue: b\n\"2\": c\n~: d\n");
        assertEquals(List.of(
                "f.yaml:1:1: error: mapping keys must be strings, but 1 is a number; quote it if you mean the text \"1\"",
                "f.yaml:2:1: error: mapping keys must be strings, but true is a boolean; quote it if you mean the text \"true\"",
                "f.yaml:4:1: error: mapping keys must be strings, but ~ is null; quote it if you mean the text \"~\""), lines(r));
    }

    @Test
    void refusesComplexKeys() {
        SafeYaml.Result r = read("? [a, b]\n: c\n");
        assertFalse(r.root().isPresent());
        assertEquals(1, r.diagnostics().size());
        assertTrue(lines(r).get(0).startsWith("f.yaml:1:3: error: mapping keys must be strings"), lines(r).toString());
    }

    @Test
    void refusesSeveralDocuments() {
        SafeYaml.Result r = read("a: 1\n---\nb: 2\n");
        assertEquals(List.of("f.yaml:3:1: error: a file must hold a single YAML document, but a second one starts here"), lines(r));
        assertFalse(r.root().isPresent());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "a: " + "[".repeat(60) + "]".repeat(60) + "\n";
        SafeYaml.Result r = read(deep);
        assertEquals(List.of("f.yaml:1:53: error: nesting is deeper than 50 levels"), lines(r));
    }

    @Test
    void fiftyLevelsAreFine() {
        String ok = "a: " + "[".repeat(49) + "]".repeat(49) + "\n";
        assertEquals(List.of(), lines(read(ok)));
    }

    @Test
    void refusesLargeFilesBeforeParsing() {
        byte[] big = new byte[2 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        SafeYaml.Result r = yaml.read("big.yaml", big);
        assertEquals(List.of("big.yaml:1:1: error: file is 2 MiB, larger than the 1 MiB limit"), lines(r));
    }

    @Test
    void refusesCustomTags() {
        assertEquals(List.of("f.yaml:1:4: error: YAML tag !python/object is not allowed"),
                lines(read("a: !python/object x\nb: !!str 5\n")));
    }

    @Test
    void refusesInvalidUtf8WithPosition() {
        byte[] bytes = "a: ok\nb: x\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("f.yaml:2:5: error: file is not valid UTF-8"), lines(yaml.read("f.yaml", bytes)));
        byte[] crOnly = "a: ok\rb: x\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("f.yaml:2:5: error: file is not valid UTF-8"), lines(yaml.read("f.yaml", crOnly)));
    }

    @Test
    void reportsSyntaxErrorsAtTheirPosition() {
        assertEquals(List.of("f.yaml:1:5: error: invalid YAML: mapping values are not allowed here"),
                lines(read("a: b: c\n")));
        assertEquals(List.of("f.yaml:2:1: error: invalid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence at line 1, column 4)"),
                lines(read("a: [1, 2\n")));
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertEquals(List.of("f.yaml:1:4: error: the number .inf cannot be represented in JSON"), lines(read("a: .inf\n")));
    }

    @Test
    void emptyInputHasNoRoot() {
        SafeYaml.Result r = read("# just a comment\n");
        assertFalse(r.root().isPresent());
        assertEquals(List.of(), lines(r));
    }

    @Test
    void readsACharacterOutsideTheBmpWhereverItFalls() {
        for (int pad = 1015; pad < 1035; pad++) {
            String text = "a: \"" + "x".repeat(pad) + "\uD83D\uDE00\"\n";
            SafeYaml.Result r = read(text);
            assertEquals(List.of(), lines(r), "padding " + pad);
            assertEquals("x".repeat(pad) + "\uD83D\uDE00",
                    ((Json.Str) ((YamlNode.Mapping) r.root().orElseThrow()).get("a").orElseThrow().toJson()).value());
        }
    }
}
