package org.mcpcatalogue.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.yaml.SafeYaml;

class YamlWriterTest {

    /** Strings that YAML 1.2 (or a YAML 1.1 reader) would take for something else, or that break the syntax, get quotes. */
    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "true", "null", "~", "12", "-3", "1.5", "1e3", ".inf", "0x1F", "0o17",
            "@acme", "*star", "&anchor", "!tag", "|pipe", ">fold", "%percent", "#hash", "- dash", "key: value",
            "a #comment", "ends with:", "'single'", "\"double\"", " leading", "trailing ", "", "[list]", "{map}",
            "tab\there", "bidi\u202Eevil", "zero\u200Bwidth", "---", "`tick"})
    void quotesWhatWouldNotReadBackAsTheSameString(String s) {
        String yaml = YamlWriter.entry("k", Json.str(s), 0);
        assertTrue(yaml.startsWith("k: \""), yaml);
        assertEquals(s, readBack(yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme Files", "https://github.com/acme/files", "2026-11-21", "read_file", "Delete a file.",
            "a:b", "C#", "50% off", "it's", "Read the file; then stop"})
    void leavesOrdinaryTextPlain(String s) {
        String yaml = YamlWriter.entry("k", Json.str(s), 0);
        assertEquals("k: " + s + "\n", yaml);
        assertEquals(s, readBack(yaml));
    }

    @Test
    void hiddenCharactersAreEscapedSoTheyShow() {
        assertEquals("k: \"bidi\\u202Eevil\"\n", YamlWriter.entry("k", Json.str("bidi\u202Eevil"), 0));
        assertEquals("k: \"tag\\U000E0041\"\n", YamlWriter.entry("k", Json.str("tag\uDB40\uDC41"), 0));
    }

    @Test
    void multiLineTextIsALiteralBlockWithTheRightChomping() {
        assertEquals("k: |\n  one\n\n  two\n", YamlWriter.entry("k", Json.str("one\n\ntwo\n"), 0));
        assertEquals("k: |-\n  one\n  two\n", YamlWriter.entry("k", Json.str("one\ntwo"), 0));
        assertEquals("k: |+\n  one\n\n", YamlWriter.entry("k", Json.str("one\n\n"), 0));
        for (String s : List.of("one\n\ntwo\n", "one\ntwo", "one\n\n", "  indented\nsecond", "a\n  \nb", "x\r\ny")) {
            assertEquals(s, readBack(YamlWriter.entry("k", Json.str(s), 0)), s);
        }
    }

    @Test
    void shortScalarListsAreFlowAndEverythingElseBlock() {
        Json.Obj schema = Json.obj("type", Json.str("object"),
                "properties", Json.obj("path", Json.obj("type", Json.str("string")),
                        "mode", Json.obj("enum", new Json.Arr(List.of(Json.str("a"), Json.str("b, c"))))),
                "required", new Json.Arr(List.of(Json.str("path"))),
                "examples", new Json.Arr(List.of(Json.obj("path", Json.str("x")), new Json.Arr(List.of()))),
                "empty", Json.obj(), "n", new Json.Num(new java.math.BigDecimal("1.50")), "b", Json.FALSE, "z", Json.NULL);
        String yaml = YamlWriter.entry("inputSchema", schema, 4);
        assertEquals("""
                    inputSchema:
                      type: object
                      properties:
                        path:
                          type: string
                        mode:
                          enum:
                            - a
                            - b, c
                      required: [path]
                      examples:
                        - path: x
                        - []
                      empty: {}
                      n: 1.5
                      b: false
                      z: null
                """, yaml);
        assertEquals(JsonText.canonical(Json.obj("inputSchema", schema)), JsonText.canonical(
                new SafeYaml().read("t", yaml).root().orElseThrow().toJson()));
    }

    @Test
    void plainIsRefusedInFlowForFlowIndicators() {
        assertFalse(YamlWriter.plain("a,b", true));
        assertTrue(YamlWriter.plain("a,b", false));
    }

    private static String readBack(String yaml) {
        SafeYaml.Result r = new SafeYaml().read("t", yaml);
        assertFalse(r.hasErrors(), r.diagnostics() + "\n" + yaml);
        return ((Json.Str) ((Json.Obj) r.root().orElseThrow().toJson()).get("k").orElseThrow()).value();
    }
}
