/**
 * Stage 7, check: {@link org.mcpcatalogue.check.SiteChecker} parses every rendered page with jsoup and refuses
 * broken internal links and fragments, duplicate ids, and pages without a title, a meta description or exactly
 * one {@code h1}, before anything is published.
 */
package org.mcpcatalogue.check;
