package org.mcpcatalogue.build;

/** One stage of a build: its name ({@code load}, … {@code publish}), what it counted, and how long it took. */
public record StageTiming(String name, String counts, long millis) {
}
