package org.mcpcatalogue.policy.load;

import java.util.List;
import java.util.Optional;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.yaml.YamlNode;

/**
 * What reading a policy file gave: the policy when Intercept could load it, the YAML tree when the file was YAML
 * at all, and every error (the file does not load) and warning (it loads, but something is ignored or reads
 * differently than it looks) with its position.
 *
 * @param file        how the file is named in diagnostics
 * @param policy      present exactly when there is no error
 * @param root        the document as Intercept decoded it (null list items dropped, aliases expanded, unknown keys
 *                    as written), when it could be read; its list indexes are those of the messages
 * @param diagnostics errors and warnings, in file order
 */
public record LoadResult(String file, Optional<Policy> policy, Optional<YamlNode> root, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean loaded() {
        return policy.isPresent();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /**
     * The position of the node at {@code path} (mapping keys as strings, list indexes as integers), or of the
     * deepest node on the way that exists: a rule's missing {@code name} points at the rule.
     */
    public Optional<Location> locate(List<Object> path) {
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlNode node = root.get();
        for (Object step : path) {
            Optional<YamlNode> next = Optional.empty();
            if (step instanceof String key && node instanceof YamlNode.Mapping m) {
                next = m.get(key);
            } else if (step instanceof Integer i && node instanceof YamlNode.Sequence s && i >= 0
                    && i < s.items().size()) {
                next = Optional.of(s.items().get(i));
            }
            if (next.isEmpty()) {
                break;
            }
            node = next.get();
        }
        YamlNode.Position p = node.position();
        return Optional.of(new Location(file, p.line(), p.column()));
    }
}
