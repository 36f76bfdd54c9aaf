package org.mcpcatalogue.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mcpcatalogue.check.StreamingChecker;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.pipeline.ServerReport;
import org.mcpcatalogue.publish.Publisher;
import org.mcpcatalogue.render.Output;
import org.mcpcatalogue.render.SiteRenderer;

/**
 * The reuse of one build: decides, server by server, whether its own files are rendered or hard-linked from the
 * published version (their key unchanged), hands every file to the new version and the checker, and collects the
 * new {@link Manifest} and {@link BuildMemory}. Called from the renderer's workers at once: thread-safe.
 */
final class Reuse implements SiteRenderer.Plan {

    private final Publisher.Staging staging;
    private final StreamingChecker checker;
    private final Optional<Path> previous;
    private final Optional<Manifest> manifest;
    private final Map<String, BuildMemory.Unit> remembered;
    private final String unitBase;
    private final Inputs inputs;

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, List<String>> outputs = new ConcurrentHashMap<>();
    private final Map<String, List<StreamingChecker.Record>> records = new ConcurrentHashMap<>();
    private final Map<String, List<String>> pages = new ConcurrentHashMap<>();
    private final Map<String, String> across = new ConcurrentHashMap<>();
    private final AtomicInteger reusedFiles = new AtomicInteger();
    private final AtomicInteger reusedUnits = new AtomicInteger();

    /**
     * @param memory   what the last run of this {@code SiteBuild} kept (used only if it describes the published version)
     * @param clean    reuse nothing
     * @param unitBase the digest of what every server's own files depend on alike (code, base URL, rules, templates,
     *                 attacks)
     */
    Reuse(Publisher.Staging staging, StreamingChecker checker, BuildMemory memory, boolean clean, String unitBase, Inputs inputs)
            throws IOException {
        this.staging = staging;
        this.checker = checker;
        this.previous = clean ? Optional.empty() : staging.previous();
        this.manifest = previous.flatMap(Manifest::read);
        Optional<Path> real = Optional.empty();
        if (previous.isPresent()) {
            real = Optional.of(previous.get().toRealPath());
        }
        this.remembered = real.isPresent() && real.equals(memory.version()) ? memory.units() : Map.of();
        this.unitBase = unitBase;
        this.inputs = inputs;
    }

    @Override
    public boolean render(ServerReport server, String dependencies) {
        String file = SiteBuild.fileOf(server);
        String key = Hashes.ofLines(unitBase, file, inputs.server(file), dependencies);
        keys.put(file, key);
        if (previous.isEmpty() || manifest.isEmpty()) {
            return true;
        }
        Path from = previous.get();
        try {
            BuildMemory.Unit memo = remembered.get(file);
            if (memo != null && memo.key().equals(key) && allExist(from, memo.outputs())) {
                for (String path : memo.outputs()) {
                    staging.reuse(path, from.resolve(path));
                }
                memo.records().forEach(checker::restore);
                kept(file, memo.outputs(), memo.records(), memo.pages());
                return false;
            }
            Manifest.Unit unit = manifest.get().units().get(file);
            if (unit != null && unit.key().equals(key) && allExist(from, unit.outputs())) {
                List<StreamingChecker.Record> recs = new ArrayList<>();
                for (String path : unit.outputs()) {
                    staging.reuse(path, from.resolve(path));
                    // a fresh process has no record of the page: it is read (not rendered) once
                    byte[] bytes = path.endsWith(".html") ? Files.readAllBytes(staging.version().resolve(path)) : new byte[0];
                    checker.acceptRecorded(new Output(path, bytes)).ifPresent(recs::add);
                }
                kept(file, unit.outputs(), recs, unit.outputs().stream().filter(p -> p.endsWith(".html")).toList());
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private void kept(String file, List<String> outs, List<StreamingChecker.Record> recs, List<String> html) {
        outputs.put(file, Collections.synchronizedList(new ArrayList<>(outs)));
        records.put(file, Collections.synchronizedList(new ArrayList<>(recs)));
        pages.put(file, Collections.synchronizedList(new ArrayList<>(html)));
        reusedFiles.addAndGet(outs.size());
        reusedUnits.incrementAndGet();
    }

    private static boolean allExist(Path version, List<String> paths) {
        for (String p : paths) {
            if (!Files.isRegularFile(version.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> keptPages(ServerReport server) {
        return pages.getOrDefault(SiteBuild.fileOf(server), List.of());
    }

    /**
     * Puts one rendered file into the new version and hands it to the checker: a file across servers whose bytes
     * are those of the published one is hard-linked from it.
     */
    void put(ServerReport server, Output o) throws IOException {
        if (server == null) {
            String hash = Hashes.of(o.bytes());
            across.put(o.path(), hash);
            Optional<Path> same = previous.filter(p -> manifest.isPresent() && hash.equals(manifest.get().across().get(o.path())))
                    .map(p -> p.resolve(o.path()))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
            if (same.isPresent()) {
                staging.reuse(o.path(), same.get());
                reusedFiles.incrementAndGet();
            } else {
                staging.write(o);
            }
            checker.accept(o);
            return;
        }
        staging.write(o);
        String file = SiteBuild.fileOf(server);
        Optional<StreamingChecker.Record> rec = checker.acceptRecorded(o);
        outputs.computeIfAbsent(file, f -> Collections.synchronizedList(new ArrayList<>())).add(o.path());
        rec.ifPresent(r -> records.computeIfAbsent(file, f -> Collections.synchronizedList(new ArrayList<>())).add(r));
        if (o.path().endsWith(".html")) {
            pages.computeIfAbsent(file, f -> Collections.synchronizedList(new ArrayList<>())).add(o.path());
        }
    }

    int reusedFiles() {
        return reusedFiles.get();
    }

    int reusedUnits() {
        return reusedUnits.get();
    }

    /** The manifest of the new version. */
    Manifest manifest(String code, String baseUrl, List<Diagnostic> warnings) {
        Map<String, Manifest.Unit> units = new java.util.TreeMap<>();
        keys.forEach((file, key) -> units.put(file, new Manifest.Unit(key,
                outputs.getOrDefault(file, List.of()).stream().sorted().toList())));
        return new Manifest(code, baseUrl, inputs.files(), warnings, units, across);
    }

    /** Each server's own files with what the checker kept of them, for the next run of this {@code SiteBuild}. */
    Map<String, BuildMemory.Unit> units() {
        Map<String, BuildMemory.Unit> out = new java.util.HashMap<>();
        keys.forEach((file, key) -> out.put(file, new BuildMemory.Unit(key, outputs.getOrDefault(file, List.of()),
                records.getOrDefault(file, List.of()), pages.getOrDefault(file, List.of()))));
        return out;
    }
}
