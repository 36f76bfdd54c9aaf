package org.mcpcatalogue.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.yaml.SafeYaml;

/** The hand-labelled evaluation set, src/test/resources/classify/labelled-tools.yaml (see docs/labelling.md). */
final class LabelledSet {

    static final Path FILE = Path.of("src/test/resources/classify/labelled-tools.yaml");

    record Entry(String server, String source, Tool tool, Category label, String reason, boolean hard) {
        String id() {
            return source + ":" + server + "/" + tool.name();
        }
    }

    private LabelledSet() {
    }

    static List<Entry> load() {
        try {
            var result = new SafeYaml().read(FILE.toString(), Files.readAllBytes(FILE));
            if (result.hasErrors()) {
                throw new IllegalStateException(result.diagnostics().toString());
            }
            List<Entry> out = new ArrayList<>();
            for (Json item : ((Json.Arr) result.root().orElseThrow().toJson()).items()) {
                Json.Obj o = (Json.Obj) item;
                Tool tool = ToolJson.read(o, FILE.toString());
                out.add(new Entry(str(o, "server"), str(o, "source"), tool,
                        Category.fromLabel(str(o, "label")).orElseThrow(), str(o, "reason"),
                        o.get("hard").map(Json.TRUE::equals).orElse(false)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(Json.Obj o, String key) {
        return ((Json.Str) o.get(key).orElseThrow(() -> new IllegalStateException("missing " + key + " in " + o))).value();
    }
}
