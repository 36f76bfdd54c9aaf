/**
 * Stage 4, recommend: turns each {@link org.mcpcatalogue.classify.Verdict} into an Intercept v1 policy built with
 * the engine's own model and writer, per tool ({@link org.mcpcatalogue.recommend.Recommendation}, a minimal
 * complete snippet) and per server ({@link org.mcpcatalogue.recommend.ServerPolicy}, the downloadable file).
 */
package org.mcpcatalogue.recommend;
