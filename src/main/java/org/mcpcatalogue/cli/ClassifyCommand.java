package org.mcpcatalogue.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mcpcatalogue.classify.Classifier;
import org.mcpcatalogue.classify.RulesException;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.classify.ToolJson;
import org.mcpcatalogue.classify.Verdict;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.InputFiles;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.prove.Proof;
import org.mcpcatalogue.prove.Prover;
import org.mcpcatalogue.recommend.Recommendation;
import org.mcpcatalogue.recommend.Recommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import org.mcpcatalogue.text.HiddenText;

/**
 * {@code catalogue classify}: judges MCP tool definitions by the rules alone (no catalogue look-ups) and prints
 * one JSON line per tool with the verdict, its evidence, and the recommended policy the engine has proved.
 */
@Command(name = "classify",
        mixinStandardHelpOptions = true,
        description = {"Classify MCP tool definitions by the rules alone and recommend a proved Intercept policy.",
                "Input: one MCP Tool JSON object, an array of them, or a tools/list result {\"tools\": [...]}.",
                "Output (--format json, the default): one JSON line per tool: name, category, risk_level, risk_score,",
                "confidence, signals, flags, policy (the snippet YAML), policy_summary and proof (what the embedded",
                "engine checked). --format text: the same verdict for people, one block per tool."})
public final class ClassifyCommand implements Callable<Integer> {

    /** Where standard input comes from; tests replace it. */
    static Supplier<InputStream> stdin = () -> System.in;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
            description = "A JSON file, or - for standard input (the default).")
    String input;

    @Option(names = "--tag", paramLabel = "TAG",
            description = "A tag of the tool's server, as in the catalogue (e.g. paid-inference); repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Classification rules to use instead of the bundled ones (e.g. catalogue/rules/classification.yaml).")
    Path rules;

    /** How verdicts are printed. */
    public enum Format { json, text }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (one line per tool, for programs) or text (a readable verdict per tool). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = input.equals("-") ? "stdin" : input;
        String text;
        try {
            // Never opens a FIFO or a device, and reads no more than import does.
            byte[] bytes = input.equals("-") ? InputFiles.readBounded(stdin.get(), InputFiles.MAX_TOOL_INPUT_BYTES)
                    : InputFiles.read(Path.of(input), InputFiles.MAX_TOOL_INPUT_BYTES, InputFiles.Links.FOLLOW);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (InputFiles.Refused e) {
            throw new InputException(Diagnostic.error(Location.ofFile(name), e.getMessage()).toString(), e);
        } catch (IOException e) {
            throw new InputException(Diagnostic.error(Location.ofFile(name), "cannot read: " + e.getMessage()).toString(), e);
        }
        Json document;
        try {
            document = JsonText.parse(text);
        } catch (JacksonException e) {
            var l = e.getLocation();
            throw new InputException(name + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr())
                    + ": error: not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(name + ": error: " + e.getMessage(), e);
        }
        Classifier classifier;
        try {
            classifier = new Classifier(rules == null ? RulesLoader.bundled() : RulesLoader.load(rules));
        } catch (RulesException e) {
            throw new InputException(e.getMessage(), e);
        }
        List<Json> items = ToolJson.tools(document);
        List<Tool> tools = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                tools.add(ToolJson.read(items.get(i), name + (items.size() > 1 ? " (tool " + (i + 1) + ")" : "")));
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
        // The tools of one document are read as the tools of one server: a reference to another is not shadowing.
        java.util.Set<String> siblings = new java.util.HashSet<>();
        tools.forEach(t -> siblings.add(t.name()));
        PrintWriter out = spec.commandLine().getOut();
        Recommender recommender = new Recommender();
        Prover prover = new Prover();
        boolean allProved = true;
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tools.get(i);
            Verdict v = classifier.classify(tool, new LinkedHashSet<>(tags), siblings);
            Recommendation r = recommender.recommend(tool, v);
            Proof proof = prover.prove(tool, r);
            allProved &= proof.passed();
            if (format == Format.text) {
                out.print((i == 0 ? "" : "\n") + text(tool, v, r, proof));
            } else {
                out.println(line(tool, v, r, proof));
            }
        }
        out.flush();
        return allProved ? Main.OK : Main.INVALID;
    }

    static String line(Tool tool, Verdict v, Recommendation r, Proof proof) {
        return JsonText.write(Json.obj(
                "name", Json.str(tool.name()),
                "category", Json.str(v.category().label()),
                "risk_level", Json.str(v.riskLevel().label()),
                "risk_score", Json.Num.of(v.riskScore()),
                "confidence", Json.str(v.confidence().label()),
                "signals", new Json.Arr(v.signals().stream().map(s -> (Json) s.toJson()).toList()),
                "flags", new Json.Arr(v.flags().stream().map(f -> (Json) f.toJson()).toList()),
                "policy", Json.str(r.snippetYaml()),
                "policy_summary", Json.str(r.summary()),
                "proof", new Json.Arr(proof.steps().stream().map(p -> (Json) p.toJson()).toList())));
    }

    /**
     * The verdict for people: the name; category, level and score, confidence; each signal as
     * {@code source: detail → effect}; the flags; the recommended action in one line; and the policy snippet,
     * unindented so that it can be copied as it is. Control and bidirectional characters from the tool are
     * shown escaped, so a pasted tool cannot rewrite the terminal.
     */
    static String text(Tool tool, Verdict v, Recommendation r, Proof proof) {
        StringBuilder b = new StringBuilder();
        b.append(HiddenText.visible(tool.name())).append('\n');
        b.append("  category:    ").append(v.category().label()).append('\n');
        b.append("  risk:        ").append(v.riskLevel().label()).append(" · ").append(v.riskScore()).append("/5\n");
        b.append("  confidence:  ").append(v.confidence().label()).append('\n');
        b.append("  signals:\n");
        for (var s : v.signals()) {
            b.append("    ").append(s.source()).append(": ").append(HiddenText.visible(s.detail())).append(" → ").append(HiddenText.visible(s.effect())).append('\n');
        }
        if (v.flags().isEmpty()) {
            b.append("  flags:       none\n");
        } else {
            b.append("  flags:\n");
            for (var f : v.flags()) {
                b.append("    ").append(f.kind()).append(": ").append(HiddenText.visible(f.detail())).append('\n');
            }
        }
        b.append("  recommended: ").append(HiddenText.visible(r.summary())).append('\n');
        long held = proof.steps().stream().filter(p -> p.passed()).count();
        b.append("  policy (the embedded engine checked ").append(proof.steps().size()).append(" claims, ").append(held)
                .append(held == proof.steps().size() ? " hold" : " hold; FAILED:").append("):\n");
        for (var p : proof.steps()) {
            if (!p.passed()) {
                b.append("    failed: ").append(HiddenText.visible(p.claim())).append(" Engine: ").append(HiddenText.visible(p.observed())).append('\n');
            }
        }
        b.append(r.snippetYaml());
        if (!r.snippetYaml().endsWith("\n")) {
            b.append('\n');
        }
        return b.toString();
    }
}
