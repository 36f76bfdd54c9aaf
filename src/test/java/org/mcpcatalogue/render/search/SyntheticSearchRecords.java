package org.mcpcatalogue.render.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;

/**
 * Search records of a registry-sized synthetic catalogue, made one at a time (nothing is held), drawn from the real
 * catalogue's shape as {@code bench/distributions.json} records it: tools per server (scaled to the mean asked
 * for), tool-name verbs and nouns and their number, description words by frequency and description lengths. The
 * category and risk level follow rough shares of the real catalogue (half Read). A fixed seed: the same arguments
 * give the same records. For the search benchmark (bench/search-scale.sh, docs/performance.md).
 */
public final class SyntheticSearchRecords {

    private final Random random = new Random(11);
    private final Weighted words;
    private final Weighted verbs;
    private final Weighted nouns;
    private final Weighted nounsPerName;
    private final int[] descLengths;
    private final int[] toolsPerServer;

    public SyntheticSearchRecords(Path distributions) throws IOException {
        Json.Obj d = (Json.Obj) JsonText.parse(Files.readString(distributions));
        words = new Weighted((Json.Obj) d.get("description_words").orElseThrow());
        verbs = new Weighted((Json.Obj) d.get("verbs").orElseThrow());
        nouns = new Weighted((Json.Obj) d.get("nouns").orElseThrow());
        nounsPerName = new Weighted((Json.Obj) d.get("nouns_per_name").orElseThrow());
        descLengths = ints((Json.Arr) d.get("tool_description_length").orElseThrow());
        toolsPerServer = ints((Json.Arr) d.get("tools_per_server").orElseThrow());
    }

    /** Sink for {@link #generate}. */
    public interface Consumer {
        void accept(SearchRecord r) throws IOException;
    }

    /** Hands {@code servers} servers with {@code tools} tools in all to {@code out}, each server before its tools. */
    public void generate(int servers, int tools, Consumer out) throws IOException {
        double mean = 0;
        for (int t : toolsPerServer) {
            mean += t;
        }
        mean /= toolsPerServer.length;
        double scale = (double) tools / servers / mean;
        int left = tools;
        for (int s = 0; s < servers; s++) {
            int n = s == servers - 1 ? left
                    : Math.max(1, Math.min(left - (servers - s - 1), (int) Math.round(toolsPerServer[random.nextInt(toolsPerServer.length)] * scale)));
            left -= n;
            String slug = String.format("server-%05d", s);
            String name = cap(nouns.next(random)) + " " + cap(nouns.next(random)) + " MCP";
            List<SearchRecord> own = new ArrayList<>(n);
            int maxScore = 0;
            String maxLevel = "";
            for (int t = 0; t < n; t++) {
                String verb = verbs.next(random);
                StringBuilder tool = new StringBuilder(verb);
                int k = Integer.parseInt(nounsPerName.next(random));
                for (int i = 0; i < Math.max(1, Math.min(k, 3)); i++) {
                    tool.append('_').append(nouns.next(random));
                }
                if (t > 0 && random.nextInt(4) == 0) {
                    tool.append('_').append(t);
                }
                double roll = random.nextDouble();
                String category = roll < 0.5 ? "Read" : roll < 0.75 ? "Write" : roll < 0.85 ? "Destructive" : roll < 0.93 ? "Execute" : "Financial";
                int score = switch (category) {
                    case "Read" -> 1 + random.nextInt(2);
                    case "Write" -> 2 + random.nextInt(2);
                    default -> 4 + random.nextInt(2);
                };
                String level = score <= 1 ? "Low" : score == 2 ? "Medium" : score <= 4 ? "High" : "Critical";
                if (score > maxScore) {
                    maxScore = score;
                    maxLevel = level;
                }
                String toolName = tool.toString();
                own.add(new SearchRecord(SearchRecord.Kind.TOOL, toolName, slug, name, category, level, score, description(),
                        "/tools/" + slug + "/" + toolName.toLowerCase(Locale.ROOT).replace('_', '-') + "/"));
            }
            out.accept(new SearchRecord(SearchRecord.Kind.SERVER, name, slug, name, "", maxLevel, maxScore, description(),
                    "/servers/" + slug + "/"));
            for (SearchRecord r : own) {
                out.accept(r);
            }
        }
    }

    private String description() {
        int target = Math.min(160, descLengths[random.nextInt(descLengths.length)]);
        StringBuilder b = new StringBuilder();
        while (b.length() < target) {
            String w = words.next(random);
            b.append(b.isEmpty() ? cap(w) : " " + w);
        }
        return b.append('.').toString();
    }

    private static String cap(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static int[] ints(Json.Arr a) {
        return a.items().stream().mapToInt(j -> ((Json.Num) j).value().intValue()).toArray();
    }

    /** Values drawn in proportion to their counts. */
    private static final class Weighted {
        final String[] values;
        final long[] cumulative;

        Weighted(Json.Obj counts) {
            values = new String[counts.members().size()];
            cumulative = new long[values.length];
            long sum = 0;
            int i = 0;
            for (Map.Entry<String, Json> e : counts.members().entrySet()) {
                sum += ((Json.Num) e.getValue()).value().longValue();
                values[i] = e.getKey();
                cumulative[i++] = sum;
            }
        }

        String next(Random random) {
            long r = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int at = java.util.Arrays.binarySearch(cumulative, r + 1);
            return values[at >= 0 ? at : -at - 1];
        }
    }
}
