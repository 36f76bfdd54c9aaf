/**
 * Stage 6, render: {@link org.mcpcatalogue.render.SiteRenderer} builds each page's context from the assessed
 * catalogue and renders the mustache templates of {@code templates/} (strictly: a missing value is an error
 * naming template and line) in parallel; {@link org.mcpcatalogue.render.Markdown} makes catalogue Markdown safe;
 * {@link org.mcpcatalogue.render.AttackLoader} reads and validates the attack pages.
 */
package org.mcpcatalogue.render;
