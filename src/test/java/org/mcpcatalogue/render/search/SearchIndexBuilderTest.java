package org.mcpcatalogue.render.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.render.Output;

class SearchIndexBuilderTest {

    /** The files a build wrote, by path, in the order written. */
    private final Map<String, Output> files = new LinkedHashMap<>();

    private SearchIndexBuilder builder(SearchIndexBuilder.Options options) {
        return new SearchIndexBuilder("search/", o -> files.put(o.path(), o), options);
    }

    private static SearchRecord server(String slug, String name, String risk, int score, String description) {
        return new SearchRecord(SearchRecord.Kind.SERVER, name, slug, name, "", risk, score, description, "/servers/" + slug + "/");
    }

    private static SearchRecord tool(String slug, String serverName, String name, String category, String risk, int score,
            String description) {
        return new SearchRecord(SearchRecord.Kind.TOOL, name, slug, serverName, category, risk, score, description,
                "/tools/" + slug + "/" + name.replace('_', '-') + "/");
    }

    /** The data a file passes to {@code __mcpSearch(key, data)}, checking the key is the file's own. */
    private Json data(String key) {
        Output o = files.get("search/" + key + ".js");
        assertTrue(o != null, "no file search/" + key + ".js in " + files.keySet());
        String text = new String(o.bytes(), StandardCharsets.UTF_8);
        String head = "__mcpSearch(\"" + key + "\",";
        assertTrue(text.startsWith(head) && text.endsWith(");\n"), text.substring(0, Math.min(80, text.length())));
        return JsonText.parse(text.substring(head.length(), text.length() - 3));
    }

    private static Json get(Json obj, String key) {
        return ((Json.Obj) obj).get(key).orElseThrow(() -> new AssertionError("no " + key + " in " + obj));
    }

    private static String str(Json j) {
        return ((Json.Str) j).value();
    }

    private static List<String> strings(Json arr) {
        return ((Json.Arr) arr).items().stream().map(SearchIndexBuilderTest::str).toList();
    }

    private static int num(Json j) {
        return ((Json.Num) j).value().intValueExact();
    }

    /** Two servers, four tools: records 0 together-ai, 1–2 its tools, 3 image-studio, 4–5 its tools. */
    private SearchIndexBuilder.Stats small(SearchIndexBuilder.Options options) throws IOException {
        SearchIndexBuilder b = builder(options);
        b.add(server("image-studio", "Image Studio", "Medium", 2, "Makes images from prompts."));
        b.add(tool("image-studio", "Image Studio", "generate_image", "Write", "Medium", 2, "Create an image and save it."));
        b.add(tool("image-studio", "Image Studio", "generate_image_variation", "Write", "Medium", 2, "Variations of an image."));
        b.add(server("together-ai", "Together AI", "High", 3, "Inference on open models."));
        b.add(tool("together-ai", "Together AI", "generateImage", "Financial", "High", 3, "Generate images, billed per image."));
        b.add(tool("together-ai", "Together AI", "list_models", "Read", "Low", 1, "List the models you can run."));
        return b.finish();
    }

    @Test
    void theManifestCountsRecordsAndNamesTheShardsAndFacetValues() throws IOException {
        SearchIndexBuilder.Stats stats = small(SearchIndexBuilder.Options.DEFAULT);
        Json m = data("manifest");
        assertEquals(6, num(get(m, "records")));
        assertEquals(2, num(get(m, "servers")));
        assertEquals(4, num(get(m, "tools")));
        assertEquals(List.of("Read", "Write", "Execute", "Destructive", "Financial"), strings(get(m, "categories")));
        assertEquals(List.of("Low", "Medium", "High", "Critical"), strings(get(m, "levels")));
        assertEquals(List.of("image-studio"), strings(get(m, "serverFirst")));
        List<String> keys = strings(get(m, "shards"));
        assertEquals(keys.stream().sorted().toList(), keys, "keys sorted, as search.js's binary search needs");
        assertEquals(stats.termShards(), keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertTrue(files.containsKey("search/terms/" + i + ".js"));
        }
        assertEquals(files.size(), stats.files());
    }

    @Test
    void termsArePostedPerFieldUnderTheirTwoLetterPrefixAndCamelCaseAndUnderscoresSplitWords() throws IOException {
        small(SearchIndexBuilder.Options.DEFAULT);
        Map<String, Json> terms = allTerms();
        // "generate": tool names 1 (generate_image), 2 (…_variation), 4 (generateImage); description of 4.
        List<Json> generate = ((Json.Arr) terms.get("generate")).items();
        assertArrayEquals(new int[] {1, 2, 4}, Vlq.decode(str(generate.get(0))));
        assertEquals("", str(generate.get(1)));
        assertArrayEquals(new int[] {4}, Vlq.decode(str(generate.get(2))));
        // The server's own name is its name field (record 3); its name and slug are the server field, which lists
        // servers (together-ai is server 1), not each of its tools.
        List<Json> together = ((Json.Arr) terms.get("together")).items();
        assertArrayEquals(new int[] {3}, Vlq.decode(str(together.get(0))));
        assertArrayEquals(new int[] {1}, Vlq.decode(str(together.get(1))));
        assertArrayEquals(new int[] {0}, Vlq.decode(str(((Json.Arr) terms.get("studio")).items().get(1))), "image-studio is server 0");
        // Stop words are left out of descriptions.
        assertTrue(!terms.containsKey("the") && !terms.containsKey("and"), terms.keySet().toString());
        // Each term is in the shard whose key is its first two letters.
        List<String> keys = strings(get(data("manifest"), "shards"));
        Json shard = data("terms/" + keys.indexOf("ge"));
        assertTrue(((Json.Obj) get(shard, "t")).get("generate").isPresent());
    }

    @Test
    void exactNamesAreKeyedByTheirWordsInTheFileTheirHashPicks() throws IOException {
        small(SearchIndexBuilder.Options.DEFAULT);
        int count = num(get(data("manifest"), "exactFiles"));
        Map<String, Json> all = new HashMap<>();
        for (int i = 0; i < count; i++) {
            for (Map.Entry<String, Json> e : ((Json.Obj) data("exact/" + i)).members().entrySet()) {
                assertEquals(i, SearchIndexBuilder.exactFile(e.getKey(), count), e.getKey() + " is where search.js looks");
                all.put(e.getKey(), e.getValue());
            }
        }
        // generate_image and generateImage are the same name to a reader; the longer name is another.
        assertArrayEquals(new int[] {1, 4}, Vlq.decode(str(all.get("generate image"))));
        assertArrayEquals(new int[] {2}, Vlq.decode(str(all.get("generate image variation"))));
        // A server by its name and by its slug.
        assertArrayEquals(new int[] {3}, Vlq.decode(str(all.get("together ai"))));
        assertArrayEquals(new int[] {0}, Vlq.decode(str(all.get("image studio"))));
    }

    @Test
    void exactNameFilesArePickedByTheFnv1aHash() {
        // The published 32-bit FNV-1a test vectors; search.js computes the same with Math.imul.
        assertEquals(0x811c9dc5, SearchIndexBuilder.fnv1a(""));
        assertEquals(0xe40c292c, SearchIndexBuilder.fnv1a("a"));
        assertEquals(0xbf9cf968, SearchIndexBuilder.fnv1a("foobar"));
    }

    @Test
    void manyExactNamesAreSpreadOverFilesNearAQuarterOfTheShardTarget() throws IOException {
        SearchIndexBuilder b = builder(new SearchIndexBuilder.Options(64, 256, 8_000));
        b.add(server("s", "S", "Low", 1, ""));
        for (int t = 0; t < 5_000; t++) {
            b.add(tool("s", "S", "get_thing_" + t, "Read", "Low", 1, ""));
        }
        b.finish();
        int count = num(get(data("manifest"), "exactFiles"));
        assertTrue(count > 10, "files: " + count);
        for (int i = 0; i < count; i++) {
            long size = files.get("search/exact/" + i + ".js").bytes().length;
            assertTrue(size < 8_000, "exact/" + i + " is " + size + " bytes");
        }
    }

    @Test
    void facetsHoldOneCodePerRecordAndTheRecordsPerServer() throws IOException {
        small(SearchIndexBuilder.Options.DEFAULT);
        Json f = data("facets");
        String attrs = str(get(f, "attrs"));
        assertEquals(6, attrs.length());
        // server: kind 0, no category, risk Medium (2) → 2; tool Write (2) Medium (2) → 30 + 10 + 2 = 42; Financial (5) High (3) → 58; Read (1) Low (1) → 36.
        assertEquals(List.of(2, 42, 42, 3, 58, 36), attrs.chars().map(c -> Vlq.ALPHABET.indexOf(c)).boxed().toList());
        // Three records each (the server and two tools): each count is written minus one.
        assertEquals("22", str(get(f, "counts")));
    }

    @Test
    void recordsAreWrittenInBlocksAsTheyComeNotAtTheEnd() throws IOException {
        SearchIndexBuilder b = builder(new SearchIndexBuilder.Options(2, 1, 1000));
        b.add(server("a", "A", "Low", 1, "a"));
        b.add(tool("a", "A", "one", "Read", "Low", 1, "first"));
        assertEquals(List.of("search/servers/0.js", "search/docs/0.js"), new ArrayList<>(files.keySet()),
                "the first block is out before the third record is added");
        b.add(tool("a", "A", "two", "Read", "Low", 1, "second <b>"));
        b.finish();
        List<Json> block = ((Json.Arr) data("docs/1")).items();
        assertEquals(List.of("two", "a", "A", "Read", "Low"), ((Json.Arr) block.get(0)).items().subList(0, 5).stream()
                .map(SearchIndexBuilderTest::str).toList());
        assertEquals("second <b>", str(((Json.Arr) block.get(0)).items().get(6)));
        assertTrue(!new String(files.get("search/docs/1.js").bytes(), StandardCharsets.UTF_8).contains("<"),
                "no '<' in a script file");
    }

    @Test
    void serversOutOfOrderOrToolsWithoutTheirServerAreRefused() throws IOException {
        SearchIndexBuilder b = builder(SearchIndexBuilder.Options.DEFAULT);
        b.add(server("b", "B", "Low", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> b.add(server("a", "A", "Low", 1, "")));
        assertThrows(IllegalArgumentException.class, () -> b.add(tool("c", "C", "x", "Read", "Low", 1, "")));
    }

    @Test
    void aPrefixThatOutgrowsTheTargetIsSplitByTheNextLetterAndEveryShardStaysNearTheTarget() throws IOException {
        int target = 4_000;
        SearchIndexBuilder b = builder(new SearchIndexBuilder.Options(64, 256, target));
        Random random = new Random(7);
        String[] verbs = {"get", "gets", "getter", "getaway", "list", "create", "delete", "generate", "geometry", "genome"};
        for (int s = 0; s < 200; s++) {
            String slug = String.format("server-%03d", s);
            b.add(server(slug, "Server " + s, "High", 3, "A server."));
            for (int t = 0; t < 20; t++) {
                String verb = verbs[random.nextInt(verbs.length)];
                b.add(tool(slug, "Server " + s, verb + "_item_" + t, "Read", "Low", 1, verb + " things " + random.nextInt(500)));
            }
        }
        SearchIndexBuilder.Stats stats = b.finish();
        List<String> keys = strings(get(data("manifest"), "shards"));
        assertTrue(keys.contains("get") && keys.contains("gen") && keys.contains("geo"), keys.toString());
        assertTrue(!keys.contains("ge"), "'ge' was split: " + keys);
        for (int i = 0; i < keys.size(); i++) {
            Json.Obj t = (Json.Obj) get(data("terms/" + i), "t");
            long size = files.get("search/terms/" + i + ".js").bytes().length;
            // A shard holding several terms stays near the target; one term alone may exceed it (it cannot be split).
            assertTrue(t.members().size() == 1 || size <= target * 2L, "terms/" + i + " (" + keys.get(i) + ") is " + size + " bytes");
            for (String term : t.members().keySet()) {
                assertEquals(i, SearchIndexBuilder.shardOf(index(keys), term), term + " is where search.js looks");
            }
        }
        assertEquals(200 * 21, stats.records());
        assertTrue(stats.largestBytes() < 50L * 1024 * 1024);
    }

    @Test
    void postingsRoundTrip() {
        int[] ids = {0, 1, 2, 31, 32, 33, 1_000, 1_023, 1_024, 40_000, 515_000, 2_000_000};
        StringBuilder b = new StringBuilder();
        Vlq.encode(ids, ids.length, b);
        assertArrayEquals(ids, Vlq.decode(b.toString()));
        assertEquals("000", encode(0, 1, 2), "consecutive numbers are one character each");
    }

    @Test
    void wordsSplitAsSearchJsSplitsThem() {
        assertEquals(List.of("generate", "image"), SearchTokens.terms("generateImage"));
        assertEquals(List.of("generate", "image", "v2"), SearchTokens.terms("generate_image-v2"));
        assertEquals(List.of("read", "file"), SearchTokens.terms("  READ file!! "));
        assertEquals("generate image", SearchTokens.exactKey("Generate-Image"));
        assertEquals(List.of(), SearchTokens.terms("x".repeat(41)));
    }

    private static String encode(int... ids) {
        StringBuilder b = new StringBuilder();
        Vlq.encode(ids, ids.length, b);
        return b.toString();
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), i);
        }
        return m;
    }

    private Map<String, Json> allTerms() {
        Map<String, Json> out = new HashMap<>();
        for (String path : files.keySet()) {
            if (path.startsWith("search/terms/")) {
                String key = path.substring("search/".length(), path.length() - 3);
                out.putAll(((Json.Obj) get(data(key), "t")).members());
            }
        }
        return out;
    }
}
