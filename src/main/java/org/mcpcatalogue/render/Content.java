package org.mcpcatalogue.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.yaml.SafeYaml;

/** The site's explanatory text per category and risk level, from {@code templates/content/categories.yaml}. */
public final class Content {

    /** What the site says about one category. */
    public record CategoryText(String meaning, String agents, String why, String defaultPolicy) {
    }

    private final Map<Category, CategoryText> categories = new EnumMap<>(Category.class);
    private final Map<RiskLevel, String> levels = new EnumMap<>(RiskLevel.class);

    public Content(Path templates) {
        Path file = templates.resolve("content/categories.yaml");
        try {
            var result = new SafeYaml().read(file.toString(), Files.readAllBytes(file));
            if (result.hasErrors()) {
                throw new IllegalArgumentException(result.diagnostics().get(0).toString());
            }
            Json.Obj root = (Json.Obj) result.root().orElseThrow().toJson();
            Json.Obj cats = (Json.Obj) root.get("categories").orElseThrow(() -> missing(file, "categories"));
            for (Category c : Category.values()) {
                Json.Obj o = (Json.Obj) cats.get(c.label()).orElseThrow(() -> missing(file, "categories." + c.label()));
                categories.put(c, new CategoryText(text(o, "meaning", file), text(o, "agents", file), text(o, "why", file),
                        text(o, "default", file)));
            }
            Json.Obj lv = (Json.Obj) root.get("levels").orElseThrow(() -> missing(file, "levels"));
            for (RiskLevel l : RiskLevel.values()) {
                levels.put(l, ((Json.Str) lv.get(l.label()).orElseThrow(() -> missing(file, "levels." + l.label()))).value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException missing(Path file, String key) {
        return new IllegalArgumentException(file + ": error: missing " + key);
    }

    private static String text(Json.Obj o, String key, Path file) {
        return ((Json.Str) o.get(key).orElseThrow(() -> missing(file, key))).value().strip();
    }

    public CategoryText of(Category c) {
        return categories.get(c);
    }

    public String of(RiskLevel l) {
        return levels.get(l);
    }
}
