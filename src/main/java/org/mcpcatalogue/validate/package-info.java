/**
 * Stage 2, validate: small independent {@link org.mcpcatalogue.validate.Check}s over the loaded servers
 * (slugs, names and hidden characters, duplicate tools and colliding pages, tags, schema shape, curated
 * levels), each reporting at the field's {@code file:line:col}.
 */
package org.mcpcatalogue.validate;
