package org.mcpcatalogue.recommend;

import java.util.List;
import org.mcpcatalogue.policy.model.Policy;

/**
 * The complete recommended policy of one server, as a model and as the YAML file published for download.
 *
 * @param form  how the file is written: one entry per tool, or a compact form when that would be too large
 * @param notes what the file leaves out and why (shown on the server page); empty for the full form
 */
public record ServerPolicy(String slug, Policy policy, String yaml, Form form, List<String> notes) {

    /** How a server's policy is written, from the most to the least precise. */
    public enum Form {
        /** Every tool listed with its own rules, {@code default: deny} for the rest. */
        PER_TOOL,
        /**
         * Tools the per-tool form denies are hidden, and one rate limit under {@code "*"} counts every call to the
         * server together; no {@code default: deny}.
         */
        COMPACT,
        /** One {@code deny} rule under {@code "*"}: the server's tools are too many even to hide one by one. */
        DENY_ALL
    }

    public ServerPolicy {
        notes = List.copyOf(notes);
    }

    public ServerPolicy(String slug, Policy policy, String yaml) {
        this(slug, policy, yaml, Form.PER_TOOL, List.of());
    }
}
