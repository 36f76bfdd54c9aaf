/**
 * Diagnostics shared by every stage: a {@link org.mcpcatalogue.diag.Location} ({@code file:line:col}),
 * a {@link org.mcpcatalogue.diag.Diagnostic} (location, severity, message) and a collector. Stages never
 * throw on bad input; they report here so that a user sees every problem at once, sorted by position.
 */
package org.mcpcatalogue.diag;
