package org.mcpcatalogue.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.yaml.SafeYaml;

/**
 * Recall and false alarms of the poisoning scan on a set written by someone who never saw the scan's rules
 * (entries {@code class}, {@code lang}, {@code tool}, {@code why}). Unlike {@link PoisoningCorpusTest}, the entries
 * do not say which field carries the payload, so a tool counts as found when the scan reports any finding on it.
 *
 * <p>The set in {@code classify/poisoning/independent-*.yaml} (70 poisoned tools in 17 attack classes and 10
 * languages, 50 hard benign tools) was written for issue 10 by a session that was not allowed to read the scan's
 * code, rules or corpus, and measured once, after scan v3 was final: {@link IndependentPoisoningTest} pins that
 * measurement so that it cannot silently get worse. No rule may be changed by looking at its misses; a better
 * estimate needs a new set written the same way.
 *
 * <pre>java -cp target/test-classes:target/catalogue.jar org.mcpcatalogue.classify.IndependentPoisoningReport \
 *     src/test/resources/classify/poisoning/independent-poisoned.yaml src/test/resources/classify/poisoning/independent-benign.yaml</pre>
 */
public final class IndependentPoisoningReport {
    private IndependentPoisoningReport() {
    }

    /** Tools found and false alarms. */
    record Result(int found, int poisoned, int alarms, int benign) {
    }

    public static void main(String[] args) throws IOException {
        Result r = measure(Path.of(args[0]), Path.of(args[1]), true);
        System.out.printf("recall %d/%d = %.3f; false alarms on benign %d/%d; precision %.3f%n", r.found(), r.poisoned(),
                (double) r.found() / r.poisoned(), r.alarms(), r.benign(), (double) r.found() / Math.max(1, r.found() + r.alarms()));
    }

    static Result measure(Path poisonedFile, Path benignFile, boolean print) throws IOException {
        String[] args = {poisonedFile.toString(), benignFile.toString()};
        PoisoningScan scan = new PoisoningScan(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)).poisoning());
        Map<String, int[]> byClass = new TreeMap<>();
        Map<String, int[]> byLang = new TreeMap<>();
        int found = 0;
        List<Json> poisoned = read(Path.of(args[0]));
        for (Json item : poisoned) {
            Json.Obj o = (Json.Obj) item;
            Tool tool = ToolJson.read(o.get("tool").orElseThrow(), args[0]);
            String cls = ((Json.Str) o.get("class").orElseThrow()).value();
            String lang = ((Json.Str) o.get("lang").orElseThrow()).value();
            boolean hit = !scan.findings(tool).isEmpty();
            found += hit ? 1 : 0;
            count(byClass, cls, hit);
            count(byLang, lang, hit);
            if (!hit && print) {
                System.out.println("miss: " + cls + " " + lang + " " + tool.name());
            }
        }
        int alarms = 0;
        List<Json> benign = read(Path.of(args[1]));
        for (Json item : benign) {
            Tool tool = ToolJson.read(((Json.Obj) item).get("tool").orElseThrow(), args[1]);
            var findings = scan.findings(tool);
            if (!findings.isEmpty()) {
                alarms++;
                if (print) {
                    System.out.println("false alarm: " + tool.name() + ": " + findings);
                }
            }
        }
        if (print) {
            byClass.forEach((k, v) -> System.out.printf("  %-28s %d/%d%n", k, v[0], v[1]));
            byLang.forEach((k, v) -> System.out.printf("  %-4s %d/%d%n", k, v[0], v[1]));
        }
        return new Result(found, poisoned.size(), alarms, benign.size());
    }

    private static void count(Map<String, int[]> m, String key, boolean hit) {
        int[] v = m.computeIfAbsent(key, k -> new int[2]);
        v[0] += hit ? 1 : 0;
        v[1]++;
    }

    private static List<Json> read(Path file) throws IOException {
        var result = new SafeYaml().read(file.toString(), Files.readAllBytes(file));
        if (result.hasErrors()) {
            throw new IllegalStateException(result.diagnostics().toString());
        }
        return ((Json.Arr) result.root().orElseThrow().toJson()).items();
    }
}
