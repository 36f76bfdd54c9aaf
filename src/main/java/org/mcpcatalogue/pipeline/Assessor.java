package org.mcpcatalogue.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        return assess(catalogue, StageListener.NONE);
    }

    /** Classify, then recommend, then prove: three passes, each parallel over servers, each reported. */
    public CatalogueReport assess(Catalogue catalogue, StageListener listener) {
        long t0 = System.nanoTime();
        List<List<Verdict>> verdicts = catalogue.servers().parallelStream().map(this::classify).toList();
        int tools = catalogue.toolCount();
        listener.finished("classify", tools + " tools", millis(t0));

        long t1 = System.nanoTime();
        List<Server> servers = catalogue.servers();
        List<List<Recommendation>> recs = new ArrayList<>();
        List<ServerPolicy> policies = new ArrayList<>();
        java.util.stream.IntStream.range(0, servers.size()).parallel().mapToObj(i -> recommend(servers.get(i), verdicts.get(i)))
                .toList().forEach(r -> {
                    recs.add(r.recs());
                    policies.add(r.policy());
                });
        listener.finished("recommend", tools + " tool policies, " + servers.size() + " server policies", millis(t1));

        long t2 = System.nanoTime();
        List<ServerReport> reports = java.util.stream.IntStream.range(0, servers.size()).parallel()
                .mapToObj(i -> prove(servers.get(i), verdicts.get(i), recs.get(i), policies.get(i))).toList();
        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (ServerReport s : reports) {
            for (ToolReport t : s.tools()) {
                failed(s.server().location().file() + ": tool " + t.tool().name(), t.proof(), failures);
                checks += t.proof().steps().size();
            }
            failed(s.server().location().file() + ": server policy", s.proof(), failures);
            checks += s.proof().steps().size();
        }
        listener.finished("prove", (tools + servers.size()) + " policies, " + checks + " engine checks, "
                + failures.size() + " failed", millis(t2));
        if (!failures.isEmpty()) {
            throw new ProofFailedException(String.join("\n", failures));
        }
        return new CatalogueReport(reports, classifier.rules().levels().floors());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private record Recommended(List<Recommendation> recs, ServerPolicy policy) {
    }

    private List<Verdict> classify(Server server) {
        HashSet<String> tags = new HashSet<>(server.tags());
        Set<String> siblings = server.tools().stream().map(t -> t.name()).collect(java.util.stream.Collectors.toSet());
        return server.tools().stream().map(t -> classifier.classify(t, tags, siblings)).toList();
    }

    private Recommended recommend(Server server, List<Verdict> verdicts) {
        List<Recommendation> recs = new ArrayList<>();
        for (int i = 0; i < server.tools().size(); i++) {
            recs.add(recommender.recommend(server.tools().get(i), verdicts.get(i)));
        }
        return new Recommended(recs, recommender.serverPolicy(server, verdicts, recs));
    }

    private ServerReport prove(Server server, List<Verdict> verdicts, List<Recommendation> recs, ServerPolicy policy) {
        List<ToolReport> tools = new ArrayList<>();
        for (int i = 0; i < server.tools().size(); i++) {
            Tool tool = server.tools().get(i);
            tools.add(new ToolReport(server, tool, verdicts.get(i), recs.get(i), prover.prove(tool, recs.get(i))));
        }
        Proof proof = prover.prove(server.tools(), recs, policy);
        return new ServerReport(server, tools, flows.analyse(server.tools(), verdicts), policy, proof);
    }

    private static void failed(String what, Proof proof, List<String> out) {
        for (ProofStep s : proof.failures()) {
            out.add(what + ": error: the engine does not bear out \"" + s.claim() + "\" (observed: " + s.observed() + ")");
        }
    }

}
