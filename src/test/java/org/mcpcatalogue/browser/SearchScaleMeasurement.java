package org.mcpcatalogue.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.render.search.SearchIndexBuilder;
import org.mcpcatalogue.render.search.SyntheticSearchRecords;

/**
 * The search benchmark at registry scale (issue 11, item 2), run by hand with {@code bench/search-scale.sh}, never
 * in CI (the name does not end in Test, so {@code mvn verify} leaves it out). It writes the index of a synthetic
 * catalogue of {@code -Dsearch.servers} servers and {@code -Dsearch.tools} tools (default 32,500 and 515,000) with
 * {@link SearchIndexBuilder}, streamed to disk, into the search page of a small built site; then, for each query,
 * opens the page with that query in its address in Chromium with the CPU slowed 4× (DevTools
 * {@code Emulation.setCPUThrottlingRate}) and the cache off, so every query is a first query, and records the time
 * from the search's start to its results on the page (search.js's performance marks, with the phases between and
 * the time until the server list is filled too), and the index files the page loaded, their bytes and their gzip
 * sizes. Prints a Markdown table and writes it to
 * {@code target/search-scale/result.md}.
 */
class SearchScaleMeasurement {

    static final List<String> QUERIES = List.of("list", "get user", "delete file", "create_issue", "critical", "financial",
            "search", "send message", "data", "generate image", "read");

    @Test
    void measure() throws IOException {
        int servers = Integer.getInteger("search.servers", 32_500);
        int tools = Integer.getInteger("search.tools", 515_000);
        int runs = Integer.getInteger("search.runs", 1);
        Path work = Path.of("target/search-scale");
        deleteTree(work);
        Path site = work.resolve("site");
        StringWriter err = new StringWriter();
        int code = org.mcpcatalogue.cli.Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "build", "--catalogue", "src/test/resources/catalogues/valid", "--out", site.toString(), "--templates", "templates",
                "--quiet");
        assertEquals(0, code, err.toString());
        Path search = site.toRealPath().resolve("search");
        try (Stream<Path> old = Files.list(search)) {
            for (Path p : old.filter(p -> !p.getFileName().toString().equals("index.html")).toList()) {
                deleteTree(p);
            }
        }

        StringBuilder report = new StringBuilder();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        SearchIndexBuilder builder = new SearchIndexBuilder("", o -> {
            Path file = search.resolve(o.path());
            Files.createDirectories(file.getParent());
            Files.write(file, o.bytes());
        }, SearchIndexBuilder.Options.DEFAULT);
        new SyntheticSearchRecords(Path.of("bench/distributions.json")).generate(servers, tools, builder::add);
        SearchIndexBuilder.Stats stats = builder.finish();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long totalBytes = 0;
        long largestGzip = 0;
        try (Stream<Path> all = Files.walk(search)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                totalBytes += Files.size(p);
                if (p.getFileName().toString().endsWith(".js")) {
                    largestGzip = Math.max(largestGzip, gzipSize(p));
                }
            }
        }
        report.append(String.format(Locale.ROOT, "index: %,d servers, %,d tools, %,d records, %,d terms in %,d term shards; %,d files,"
                        + " %.1f MiB; largest %s (%,d bytes, %,d gzipped of the largest gzip); built in %.1f s, peak heap %.0f MiB (the"
                        + " generator included)%n%n", stats.servers(), stats.tools(), stats.records(), stats.terms(), stats.termShards(),
                stats.files(), totalBytes / 1048576.0, stats.largestFile(), stats.largestBytes(), largestGzip, millis / 1000.0,
                peakHeap / 1048576.0));

        report.append("| query | results | files loaded | bytes | gzipped | search to results (ms, 4× CPU slowdown) | of which: manifest and facets | words' files | ranking | records and rendering | page load to results (ms) | search to server list (ms) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> times = new ArrayList<>();
        List<Double> fromNavigation = new ArrayList<>();
        long maxGzip = 0;
        try (StaticServer server = StaticServer.start(site.toRealPath()); Browser browser = Browser.start()) {
            browser.driver().executeCdpCommand("Network.enable", Map.of());
            browser.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            browser.driver().executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            for (int run = 0; run < runs; run++) {
                for (String q : QUERIES) {
                    String qs = "q=" + q.replace(' ', '+');
                    browser.driver().get(server.url("/search/?" + qs));
                    browser.waitFor(() -> "ready".equals(browser.js("return document.getElementById('search-results').dataset.state;"))
                            && qs.equals(browser.js("return document.getElementById('search-results').dataset.for;")));
                    @SuppressWarnings("unchecked")
                    List<Number> marks = (List<Number>) browser.js("const at = n => performance.getEntriesByName(n).pop().startTime;"
                            + " return [at('search-results') - at('search-start'), at('search-results'), at('search-index') - at('search-start'),"
                            + " at('search-terms') - at('search-index'), at('search-ranked') - at('search-terms'),"
                            + " at('search-results') - at('search-ranked'), at('search-ready') - at('search-start')];");
                    double ms = marks.get(0).doubleValue();
                    fromNavigation.add(marks.get(1).doubleValue());
                    String status = (String) browser.js("return document.getElementById('search-status').textContent;");
                    @SuppressWarnings("unchecked")
                    List<String> urls = (List<String>) browser.js(
                            "return performance.getEntriesByType('resource').map(e => e.name).filter(u => u.includes('/search/'));");
                    long raw = 0;
                    long gz = 0;
                    for (String u : urls) {
                        Path file = search.resolve(u.substring(u.indexOf("/search/") + "/search/".length()));
                        raw += Files.size(file);
                        gz += gzipSize(file);
                    }
                    maxGzip = Math.max(maxGzip, gz);
                    times.add(ms);
                    report.append(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", q,
                            status.split(" ")[0], urls.size(), raw, gz, ms, marks.get(2).doubleValue(), marks.get(3).doubleValue(),
                            marks.get(4).doubleValue(), marks.get(5).doubleValue(), marks.get(1).doubleValue(), marks.get(6).doubleValue()));
                }
            }
            browser.driver().executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
        }
        List<Double> sorted = times.stream().sorted().toList();
        List<Double> nav = fromNavigation.stream().sorted().toList();
        report.append(String.format(Locale.ROOT, "%nmedian search to results %.0f ms (slowest %.0f ms); median page load to results %.0f ms;"
                + " the most index data any first query loaded: %,d bytes gzipped%n",
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), nav.get(nav.size() / 2), maxGzip));
        Files.writeString(work.resolve("result.md"), report);
        System.out.println(report);
    }

    private static long gzipSize(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(file));
        }
        return out.size();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
