package org.mcpcatalogue.policy.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole policy document: {@code version}, {@code description}, {@code default}, {@code hide} and
 * {@code tools}. Tool order is kept (the writer prints tools in this order) but does not take part in equality,
 * as in Intercept, whose {@code tools} is a Go map.
 *
 * @param version        must be {@code "1"} to validate
 * @param description    free text, may be empty
 * @param defaultAction  {@code "allow"}, {@code "deny"} or {@code ""} (allow)
 * @param hide           exact tool names hidden from the agent, or {@code "*"}
 * @param tools          tool name (or {@code "*"}) to its rules
 */
public record Policy(String version, String description, String defaultAction, List<String> hide,
                     Map<String, ToolRules> tools) {

    /** The only version Intercept accepts. */
    public static final String VERSION = "1";
    /** The key of the wildcard tool, whose rules apply to every call. */
    public static final String WILDCARD = "*";

    public Policy {
        version = Objects.requireNonNullElse(version, "");
        description = Objects.requireNonNullElse(description, "");
        defaultAction = Objects.requireNonNullElse(defaultAction, "");
        hide = List.copyOf(Objects.requireNonNullElse(hide, List.of()));
        tools = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(tools, Map.of())));
    }

    /** A builder for version {@code "1"} policies. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules of {@code tool}, or no rules when the tool is not listed. */
    public List<Rule> rulesOf(String tool) {
        ToolRules t = tools.get(tool);
        return t == null ? List.of() : t.rules();
    }

    /** This policy with {@code tools} replaced. */
    public Policy withTools(Map<String, ToolRules> newTools) {
        return new Policy(version, description, defaultAction, hide, newTools);
    }

    /** Builds a {@link Policy} step by step; tools keep the order in which they are added. */
    public static final class Builder {
        private String version = VERSION;
        private String description = "";
        private String defaultAction = "";
        private final List<String> hide = new ArrayList<>();
        private final Map<String, List<Rule>> tools = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder version(String value) {
            this.version = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** {@code "allow"}, {@code "deny"} or {@code ""}. */
        public Builder defaultAction(String value) {
            this.defaultAction = value;
            return this;
        }

        public Builder defaultDeny() {
            return defaultAction("deny");
        }

        public Builder hide(String... tools) {
            hide.addAll(List.of(tools));
            return this;
        }

        /** Adds rules to {@code tool} (creating it, possibly with no rules). */
        public Builder tool(String tool, Rule... rules) {
            return tool(tool, List.of(rules));
        }

        public Builder tool(String tool, List<Rule> rules) {
            tools.computeIfAbsent(tool, k -> new ArrayList<>()).addAll(rules);
            return this;
        }

        /** Adds rules to the wildcard tool {@code "*"}. */
        public Builder wildcard(Rule... rules) {
            return tool(WILDCARD, rules);
        }

        public Policy build() {
            Map<String, ToolRules> built = new LinkedHashMap<>();
            tools.forEach((name, rules) -> built.put(name, new ToolRules(rules)));
            return new Policy(version, description, defaultAction, hide, built);
        }
    }
}
