/**
 * Stage 8, publish: {@link org.mcpcatalogue.publish.Publisher} stages the site beside the output and swaps it in
 * with renames, so a failed or killed build never leaves a half-written site.
 */
package org.mcpcatalogue.publish;
