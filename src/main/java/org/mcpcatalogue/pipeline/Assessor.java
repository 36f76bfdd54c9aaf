package org.mcpcatalogue.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.mcpcatalogue.classify.Classifier;
import org.mcpcatalogue.classify.FlowAnalysis;
import org.mcpcatalogue.classify.Verdict;
import org.mcpcatalogue.model.Catalogue;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.prove.Proof;
import org.mcpcatalogue.prove.ProofStep;
import org.mcpcatalogue.prove.Prover;
import org.mcpcatalogue.recommend.Recommendation;
import org.mcpcatalogue.recommend.Recommender;
import org.mcpcatalogue.recommend.ServerPolicy;

/**
 * Classify, recommend and prove, for every server in parallel. A policy the engine does not bear out is not
 * published: {@link ProofFailedException} lists every failed claim.
 */
public final class Assessor {

    /** Some claims about published policies failed when the engine tried them. */
    public static final class ProofFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProofFailedException(String message) {
            super(message);
        }
    }

    private final Classifier classifier;
    private final FlowAnalysis flows;
    private final Recommender recommender = new Recommender();
    private final Prover prover = new Prover();

    public Assessor(Classifier classifier) {
        this.classifier = classifier;
        this.flows = new FlowAnalysis(classifier.rules());
    }

    public CatalogueReport assess(Catalogue catalogue) {
        List<ServerReport> servers = catalogue.servers().parallelStream().map(this::assess).toList();
        List<String> failures = new ArrayList<>();
        for (ServerReport s : servers) {
            for (ToolReport t : s.tools()) {
                failed(s.server().location().file() + ": tool " + t.tool().name(), t.proof(), failures);
            }
            failed(s.server().location().file() + ": server policy", s.proof(), failures);
        }
        if (!failures.isEmpty()) {
            throw new ProofFailedException(String.join("\n", failures));
        }
        return new CatalogueReport(servers);
    }

    private static void failed(String what, Proof proof, List<String> out) {
        for (ProofStep s : proof.failures()) {
            out.add(what + ": error: the engine does not bear out \"" + s.claim() + "\" (observed: " + s.observed() + ")");
        }
    }

    private ServerReport assess(Server server) {
        HashSet<String> tags = new HashSet<>(server.tags());
        List<Verdict> verdicts = new ArrayList<>();
        List<Recommendation> recs = new ArrayList<>();
        List<ToolReport> tools = new ArrayList<>();
        for (Tool tool : server.tools()) {
            Verdict v = classifier.classify(tool, tags);
            Recommendation r = recommender.recommend(tool, v);
            verdicts.add(v);
            recs.add(r);
            tools.add(new ToolReport(server, tool, v, r, prover.prove(tool, r)));
        }
        ServerPolicy policy = recommender.serverPolicy(server, verdicts, recs);
        Proof proof = prover.prove(server.tools(), recs, policy);
        return new ServerReport(server, tools, flows.analyse(server.tools(), verdicts), policy, proof);
    }
}
