/**
 * Stage 8, publish: {@link org.mcpcatalogue.publish.OutputGuard} refuses an {@code --out} the build did not make
 * (before any work, and again under the lock); {@link org.mcpcatalogue.publish.Publisher} writes a new version
 * beside the output and flips the output link onto it with one atomic rename, under
 * {@link org.mcpcatalogue.publish.PublishLock}, so a failed or killed build never leaves a half-written site.
 * See docs/publishing.md.
 */
package org.mcpcatalogue.publish;
