/**
 * Stage 3, classify: {@link org.mcpcatalogue.classify.Classifier} gives each tool a category, risk level and
 * score with every {@link org.mcpcatalogue.classify.Signal} behind them, from the rules in
 * {@code catalogue/rules/classification.yaml} ({@link org.mcpcatalogue.classify.RulesLoader}); a poisoning
 * scan adds {@link org.mcpcatalogue.classify.Flag}s; {@link org.mcpcatalogue.classify.FlowAnalysis} finds
 * toxic and destructive flows across a server's tools.
 */
package org.mcpcatalogue.classify;
