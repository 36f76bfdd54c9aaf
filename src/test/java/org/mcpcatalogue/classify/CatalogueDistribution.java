package org.mcpcatalogue.classify;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.validate.CatalogueValidator;

/**
 * Prints how the rules classify every tool of catalogue/servers (with each server's tags, as the build does):
 * the published category (curated overrides win) and the rules' own category. Run from the repository root:
 *
 * <pre>
 * java -cp target/test-classes:target/catalogue.jar org.mcpcatalogue.classify.CatalogueDistribution
 * </pre>
 *
 * It publishes nothing.
 */
public final class CatalogueDistribution {

    private CatalogueDistribution() {
    }

    public static void main(String[] args) {
        Catalogue c = new CatalogueValidator(LocalDate.of(2026, 11, 30), org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors())
                .validate(new CatalogueLoader().load(Path.of("catalogue"), "catalogue")).catalogue().orElseThrow();
        Classifier classifier = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));
        Map<Category, Integer> published = new EnumMap<>(Category.class);
        Map<Category, Integer> byRules = new EnumMap<>(Category.class);
        int tools = 0;
        for (Server s : c.servers()) {
            for (Tool t : s.tools()) {
                Verdict v = classifier.classify(t, new HashSet<>(s.tags()));
                tools++;
                published.merge(v.category(), 1, Integer::sum);
                Category rules = v.category();
                for (Signal sig : v.signals()) {
                    int at = sig.effect().indexOf("(rules said ");
                    if (sig.source().equals("curated") && at >= 0) {
                        rules = Category.fromLabel(sig.effect().substring(at + 12, sig.effect().length() - 1)).orElseThrow();
                    }
                }
                byRules.merge(rules, 1, Integer::sum);
                if (args.length > 0 && args[0].equals("--list")) {
                    System.out.println(s.slug() + "/" + t.name() + "\t" + v.category().label() + "\t" + rules.label());
                }
            }
        }
        System.out.println("servers " + c.servers().size() + ", tools " + tools);
        for (Category cat : Category.values()) {
            System.out.printf("%-12s published %5d   rules alone %5d%n", cat.label(), published.getOrDefault(cat, 0),
                    byRules.getOrDefault(cat, 0));
        }
    }
}
