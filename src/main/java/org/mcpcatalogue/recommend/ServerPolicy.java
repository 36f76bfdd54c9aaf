package org.mcpcatalogue.recommend;

import org.mcpcatalogue.policy.model.Policy;

/** The complete recommended policy of one server, as a model and as the YAML file published for download. */
public record ServerPolicy(String slug, Policy policy, String yaml) {
}
