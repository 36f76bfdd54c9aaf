package org.mcpcatalogue.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.load.CatalogueLoader;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.RiskLevel;
import org.mcpcatalogue.model.Category;
import java.util.Map;

/**
 * Stage 2, validate: runs every {@link Check} over what the loader read and merges their findings with the
 * loader's. The catalogue is handed on only when there is no error.
 */
public final class CatalogueValidator {

    /** The outcome: every diagnostic, sorted, and the catalogue when there were no errors. */
    public record Result(Optional<Catalogue> catalogue, List<Diagnostic> diagnostics, int files, int servers,
                         int tools) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public long errors() {
            return diagnostics.stream().filter(Diagnostic::isError).count();
        }

        public long warnings() {
            return diagnostics.size() - errors();
        }
    }

    private final List<Check> checks;

    /**
     * @param floors the lowest level of each category, from the classification rules ({@code levels.floors}): a
     *               curated {@code risk_level} may not go below it
     */
    public CatalogueValidator(LocalDate today, Map<Category, RiskLevel> floors) {
        this.checks = List.of(new SlugCheck(), new NameCheck(), new ConfusableNameCheck(), new ToolIdentityCheck(), new DescriptionCheck(), new ServerDescriptionCheck(), new DescriptionLinkCheck(),
                new TagCheck(), new SchemaCheck(), new PropertyNameCheck(), new SchemaBoundsCheck(), new CurationCheck(floors), new FingerprintCheck(), new HistoryCheck(), new ServerCheck(today), new DuplicateServerCheck());
    }

    public Result validate(CatalogueLoader.Result loaded) {
        Diagnostics all = new Diagnostics();
        all.addAll(loaded.diagnostics());
        for (Check check : checks) {
            check.check(loaded.servers(), all);
        }
        List<LoadedServer> servers = loaded.servers();
        int tools = servers.stream().mapToInt(s -> s.server().tools().size()).sum();
        Optional<Catalogue> catalogue = all.hasErrors()
                ? Optional.empty()
                : Optional.of(new Catalogue(servers.stream().map(LoadedServer::server).toList()));
        return new Result(catalogue, all.sorted(), loaded.files(), servers.size(), tools);
    }
}
