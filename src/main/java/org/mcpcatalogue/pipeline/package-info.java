/**
 * The assessed catalogue: {@link org.mcpcatalogue.pipeline.Assessor} runs classify, recommend and prove for every
 * server in parallel and gathers {@link org.mcpcatalogue.pipeline.ToolReport}s and
 * {@link org.mcpcatalogue.pipeline.ServerReport}s, which is all the render stage reads.
 */
package org.mcpcatalogue.pipeline;
