package org.mcpcatalogue.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mcpcatalogue.classify.Rules;
import org.mcpcatalogue.classify.RulesException;
import org.mcpcatalogue.classify.RulesLoader;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.text.HiddenText;
import org.mcpcatalogue.validate.CatalogueValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code catalogue validate}: load the catalogue and run every check; exit 1 on any error. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Load the catalogue and run every check, reporting all problems as file:line:col.",
                "Exit 0 when there is no error (warnings allowed), 1 otherwise."})
public final class ValidateCommand implements Callable<Integer> {

    /** How diagnostics are printed. */
    public enum Format { text, json, github }

    @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "catalogue",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    String catalogue;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line:col: error: message), json, or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CatalogueValidator.Result result = run(Path.of(catalogue), catalogue);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> printJson(result, out);
            case github -> printGithub(result, out);
            default -> printText(result, out);
        }
        out.flush();
        return result.errors() > 0 ? Main.INVALID : Main.OK;
    }

    /**
     * Loads and validates a catalogue directory. Curated levels are checked against the floors of the catalogue's
     * rules (rules/classification.yaml, else the bundled rules); a rules file that does not load is one more error,
     * and the rest is checked against the bundled floors.
     */
    static CatalogueValidator.Result run(Path dir, String display) {
        CatalogueLoader.Result loaded = new CatalogueLoader().load(dir, display);
        try {
            Rules rules = RulesLoader.bundledOr(dir.resolve("rules/classification.yaml"));
            return new CatalogueValidator(LocalDate.now(ZoneOffset.UTC), rules.levels().floors()).validate(loaded);
        } catch (RulesException e) {
            CatalogueValidator.Result r = new CatalogueValidator(LocalDate.now(ZoneOffset.UTC),
                    RulesLoader.bundled().levels().floors()).validate(loaded);
            String prefix = e.location() + ": error: ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            List<Diagnostic> all = new ArrayList<>(r.diagnostics());
            all.add(Diagnostic.error(e.location(), message));
            Collections.sort(all);
            return new CatalogueValidator.Result(Optional.empty(), all, r.files(), r.servers(), r.tools());
        }
    }

    static String summary(CatalogueValidator.Result r) {
        return r.servers() + plural(r.servers(), " server", " servers") + ", " + r.tools()
                + plural(r.tools(), " tool", " tools") + ": " + r.errors() + plural(r.errors(), " error", " errors")
                + ", " + r.warnings() + plural(r.warnings(), " warning", " warnings");
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static void printText(CatalogueValidator.Result r, PrintWriter out) {
        r.diagnostics().forEach(out::println);
        out.println(summary(r));
    }

    private static void printJson(CatalogueValidator.Result r, PrintWriter out) {
        StringBuilder b = new StringBuilder();
        b.append("{\"valid\":").append(r.errors() == 0)
                .append(",\"files\":").append(r.files())
                .append(",\"servers\":").append(r.servers())
                .append(",\"tools\":").append(r.tools())
                .append(",\"errors\":").append(r.errors())
                .append(",\"warnings\":").append(r.warnings())
                .append(",\"diagnostics\":[");
        boolean first = true;
        for (Diagnostic d : r.diagnostics()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append("{\"file\":").append(jsonString(d.location().file()))
                    .append(",\"line\":").append(d.location().line())
                    .append(",\"column\":").append(d.location().column())
                    .append(",\"severity\":").append(JsonText.quote(d.severity().label()))
                    .append(",\"message\":").append(jsonString(d.message()))
                    .append('}');
        }
        b.append("]}");
        out.println(b);
    }

    /**
     * A JSON string that keeps {@code s} exactly, with every control, bidi or other hidden character written as
     * a {@code \\u} escape (JSON escaping alone leaves DEL, C1 controls and bidi characters raw), so that
     * printing the JSON cannot drive a terminal either.
     */
    static String jsonString(String s) {
        String quoted = JsonText.quote(s);
        StringBuilder b = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); ) {
            int cp = quoted.codePointAt(i);
            if (cp >= 0x20 && HiddenText.nameKindOf(cp) != null) {
                for (char c : Character.toChars(cp)) {
                    b.append(String.format("\\u%04x", (int) c));
                }
            } else {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** GitHub Actions workflow commands: one {@code ::error file=…,line=…,col=…::message} per diagnostic. */
    private static void printGithub(CatalogueValidator.Result r, PrintWriter out) {
        for (Diagnostic d : r.diagnostics()) {
            StringBuilder b = new StringBuilder("::").append(d.severity().label())
                    .append(" file=").append(property(HiddenText.visible(d.location().file())));
            if (d.location().hasPosition()) {
                b.append(",line=").append(d.location().line()).append(",col=").append(d.location().column());
            }
            b.append("::").append(data(HiddenText.visible(d.message())));
            out.println(b);
        }
        out.println(summary(r));
    }

    /** Escaping of a workflow command's message, as the GitHub Actions toolkit does it. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
