/**
 * The catalogue model: immutable records for {@link org.mcpcatalogue.model.Catalogue},
 * {@link org.mcpcatalogue.model.Server} and {@link org.mcpcatalogue.model.Tool}, and the enums shared by
 * every stage ({@link org.mcpcatalogue.model.Category}, {@link org.mcpcatalogue.model.RiskLevel}). Built by
 * the loader from YAML; no stage after loading sees YAML.
 */
package org.mcpcatalogue.model;
