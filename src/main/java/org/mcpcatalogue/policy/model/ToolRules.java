package org.mcpcatalogue.policy.model;

import java.util.List;
import java.util.Objects;

/** The value under one key of {@code tools}: its ordered {@code rules}. */
public record ToolRules(List<Rule> rules) {
    public ToolRules {
        rules = List.copyOf(Objects.requireNonNullElse(rules, List.of()));
    }
}
