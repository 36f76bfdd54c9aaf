package org.mcpcatalogue.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.model.Package;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Tool;
import org.mcpcatalogue.text.HiddenText;

/**
 * One server, one file. Two files are the same server, an error on the later file (by name) naming the other,
 * when they list the same package ({@code registry} and {@code name}), or when their tools are mostly the same
 * definitions: at least {@value #SHARED_PERCENT}% of the smaller server's distinct tool fingerprints, and at least
 * {@value #MIN_SHARED}, appear in the other. {@code catalogue import} updates the existing file instead.
 */
public final class DuplicateServerCheck implements Check {

    /** The share of the smaller server's fingerprints that makes two servers one. */
    public static final int SHARED_PERCENT = 80;
    /** The fewest shared fingerprints that count: two one-tool servers with the same "echo" are not one server. */
    public static final int MIN_SHARED = 2;

    @Override
    public void check(List<LoadedServer> servers, Diagnostics out) {
        List<LoadedServer> sorted = new ArrayList<>(servers);
        sorted.sort(Comparator.comparing(LoadedServer::file));
        Set<String> reported = new java.util.HashSet<>();
        Map<String, Integer> byPackage = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            LoadedServer s = sorted.get(i);
            List<Package> packages = s.server().packages();
            for (int p = 0; p < packages.size(); p++) {
                Integer other = byPackage.putIfAbsent(packages.get(p).identity(), i);
                if (other != null && other != i && reported.add(other + "/" + i)) {
                    LoadedServer o = sorted.get(other);
                    Location at = s.positions().find("/packages/" + p).orElse(s.server().location());
                    boolean sameRepository = o.server().repository().equals(s.server().repository());
                    out.error(at, "duplicate server: " + o.file() + " lists the same package "
                            + HiddenText.quoted(packages.get(p).registry() + " " + packages.get(p).name())
                            + (sameRepository ? " and repository" : "") + "; keep one file (re-import into "
                            + o.file() + ")");
                }
            }
        }
        // Fingerprint index: which servers define each fingerprint.
        Map<String, List<Integer>> owners = new HashMap<>();
        List<Set<String>> prints = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Set<String> mine = new LinkedHashSet<>();
            for (Tool t : sorted.get(i).server().tools()) {
                mine.add(t.fingerprint());
            }
            prints.add(mine);
            for (String f : mine) {
                owners.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            // Only the earliest file it duplicates is named: one error per copy, not one per pair of copies.
            Map<Integer, Integer> shared = new java.util.TreeMap<>();
            for (String f : prints.get(i)) {
                for (int j : owners.get(f)) {
                    if (j < i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
                int j = e.getKey();
                int n = e.getValue();
                int smaller = Math.min(prints.get(i).size(), prints.get(j).size());
                if (n >= MIN_SHARED && n * 100 >= SHARED_PERCENT * smaller && reported.add(j + "/" + i)) {
                    LoadedServer s = sorted.get(i);
                    LoadedServer o = sorted.get(j);
                    Location at = s.positions().find("/tools").orElse(s.server().location());
                    out.error(at, "duplicate server: " + n + " of its " + prints.get(i).size() + " tool definitions"
                            + " are identical to those of " + o.file() + " (" + o.server().tools().size() + " tools)"
                            + sameRepository(s.server(), o.server()) + "; keep one file (re-import into " + o.file() + ")");
                    break;
                }
            }
        }
    }

    private static String sameRepository(Server a, Server b) {
        return a.repository().equals(b.repository()) ? ", same repository" : "";
    }
}
