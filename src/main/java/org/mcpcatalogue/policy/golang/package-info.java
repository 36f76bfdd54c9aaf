/**
 * Small, faithful re-implementations of the Go behaviour that shows through Intercept's messages and decisions:
 * {@code %q} quoting and {@code %v} printing ({@link org.mcpcatalogue.policy.golang.GoText}), {@code strconv.Atoi}
 * and Go {@code regexp} compilation with Go's error text and limits
 * ({@link org.mcpcatalogue.policy.golang.GoRegexp}).
 */
package org.mcpcatalogue.policy.golang;
