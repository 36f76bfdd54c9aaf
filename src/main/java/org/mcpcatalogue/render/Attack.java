package org.mcpcatalogue.render;

import java.util.List;
import org.mcpcatalogue.model.Category;

/**
 * An attack-pattern page from {@code catalogue/attacks/<id>.md}.
 *
 * @param html     the body, rendered from Markdown and cleaned
 * @param policies the {@code yaml policy} blocks of the body, each validated by the engine
 */
public record Attack(String id, String title, String summary, List<Category> categories, List<String> flags,
                     String severity, List<Source> sources, String html, List<String> policies) {

    public record Source(String title, String url) {
    }

    public Attack {
        categories = List.copyOf(categories);
        flags = List.copyOf(flags);
        sources = List.copyOf(sources);
        policies = List.copyOf(policies);
    }
}
