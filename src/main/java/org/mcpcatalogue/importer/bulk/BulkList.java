package org.mcpcatalogue.importer.bulk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.text.HiddenText;

/**
 * Reads a bulk list: a tab-separated file, one server a line, {@code #} lines and blank lines ignored. Columns:
 * {@code package@version}, slug, name, repository, arguments (space-separated), environment (space-separated
 * {@code NAME=value} placeholders), publisher, entry (a bin name or a path inside the package). {@code -} or a
 * missing trailing column means none; only the first two are required. This is the format of
 * {@code scripts/npm-servers.tsv}.
 */
public final class BulkList {

    /** Columns, in order. */
    public static final List<String> COLUMNS = List.of("package@version", "slug", "name", "repository", "arguments",
            "environment", "publisher", "entry");

    private static final Pattern PACKAGE = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    /** An exact version: no ranges, tags or URLs, so that the list is pinned. */
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");

    /** The entries, or the list's errors (each at file:line:col). */
    public record Result(List<BulkEntry> entries, List<Diagnostic> diagnostics) {
        public Result {
            entries = List.copyOf(entries);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return diagnostics.isEmpty();
        }
    }

    private BulkList() {
    }

    public static Result parse(String display, String text) {
        List<BulkEntry> entries = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            int[] columns = new int[cells.length];
            for (int c = 1; c < cells.length; c++) {
                columns[c] = columns[c - 1] + cells[c - 1].length() + 1;
            }
            List<Diagnostic> here = new ArrayList<>();
            java.util.function.BiConsumer<Integer, String> error = (c, m) ->
                    here.add(Diagnostic.error(new Location(display, n, columns[c] + 1), m));
            if (cells.length > COLUMNS.size()) {
                error.accept(COLUMNS.size(), "too many columns: " + cells.length + " (at most " + COLUMNS.size() + ": "
                        + String.join(", ", COLUMNS) + ")");
                errors.addAll(here);
                continue;
            }
            if (cells.length < 2) {
                here.add(Diagnostic.error(new Location(display, n, line.length() + 1),
                        "expected at least package@version and slug, separated by a tab"));
                errors.addAll(here);
                continue;
            }
            String spec = cells[0].strip();
            int at = spec.lastIndexOf('@');
            String pkg = at > 0 ? spec.substring(0, at) : spec;
            String version = at > 0 ? spec.substring(at + 1) : "";
            if (!PACKAGE.matcher(pkg).matches()) {
                error.accept(0, "not an npm package name: " + HiddenText.quoted(pkg));
            } else if (!VERSION.matcher(version).matches()) {
                error.accept(0, "pin an exact version, as package@1.2.3: " + HiddenText.quoted(spec));
            }
            String slug = cells[1].strip();
            if (!Server.validSlug(slug)) {
                error.accept(1, "not a valid slug: " + HiddenText.quoted(slug)
                        + " (lower-case words of a-z and 0-9 joined by \"-\", at most 64 characters)");
            }
            Optional<String> name = cell(cells, 2);
            Optional<String> repository = cell(cells, 3);
            if (repository.isPresent() && !repository.get().startsWith("https://")) {
                error.accept(3, "the repository must be an https URL: " + HiddenText.quoted(repository.get()));
            }
            List<String> arguments = words(cell(cells, 4));
            List<String> environment = words(cell(cells, 5));
            for (String e : environment) {
                if (!ENV.matcher(e).matches()) {
                    error.accept(5, "environment entries are NAME=value: " + HiddenText.quoted(e));
                    break;
                }
            }
            Optional<String> publisher = cell(cells, 6);
            Optional<String> entry = cell(cells, 7);
            if (entry.isPresent() && (entry.get().startsWith("/") || Arrays.asList(entry.get().split("/")).contains(".."))) {
                error.accept(7, "the entry is a bin name or a path inside the package: " + HiddenText.quoted(entry.get()));
            }
            if (here.isEmpty()) {
                Integer first = slugs.putIfAbsent(slug, n);
                if (first != null) {
                    error.accept(1, "slug " + slug + " is listed twice (first on line " + first + ")");
                }
            }
            if (here.isEmpty()) {
                entries.add(new BulkEntry(n, pkg, version, slug, name, repository, arguments, environment, publisher, entry));
            }
            errors.addAll(here);
        }
        return new Result(entries, errors);
    }

    private static Optional<String> cell(String[] cells, int i) {
        if (i >= cells.length) {
            return Optional.empty();
        }
        String v = cells[i].strip();
        return v.isEmpty() || v.equals("-") ? Optional.empty() : Optional.of(v);
    }

    private static List<String> words(Optional<String> cell) {
        return cell.map(s -> List.of(s.split(" +"))).orElse(List.of());
    }
}
