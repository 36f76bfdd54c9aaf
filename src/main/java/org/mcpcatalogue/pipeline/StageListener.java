package org.mcpcatalogue.pipeline;

/** Told when a stage of the build finishes, with what it counted and how long it took. */
@FunctionalInterface
public interface StageListener {
    void finished(String stage, String counts, long millis);

    StageListener NONE = (stage, counts, millis) -> { };
}
