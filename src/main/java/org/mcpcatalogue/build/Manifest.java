package org.mcpcatalogue.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mcpcatalogue.diag.Diagnostic;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.publish.OutputLocation;

/**
 * What a published version was made from, written into it as {@value #FILE} (before its marker, so a version
 * with a marker has a complete manifest). The next build reads it to decide what it can reuse. Its content depends
 * only on the inputs, never on time or on what was reused, so an incremental build and a clean build of the same
 * inputs write the same manifest. See docs/publishing.md, "Incremental builds".
 *
 * @param code     the code version ({@link Hashes#code()})
 * @param baseUrl  the site's base URL
 * @param inputs   every input file and its digest ({@link Inputs#files()})
 * @param warnings the warnings of loading and validating, repeated by a build that finds nothing changed
 * @param units    each server file's outputs, with the key of everything they were made from
 * @param across   each file across servers (listings, home, search index, sitemap, API index, assets) and the
 *                 digest of its bytes
 */
record Manifest(String code, String baseUrl, Map<String, String> inputs, List<Diagnostic> warnings, Map<String, Unit> units,
                Map<String, String> across) {

    static final String FILE = ".catalogue-manifest.json";
    static final int FORMAT = 1;

    /**
     * One server's own files.
     *
     * @param key     the digest of what they were made from: the code, the base URL, the server file's digest, the
     *                rules (and the rest of the catalogue but servers and attacks), the templates they use, what
     *                they show of the attacks, and what they show of other servers
     * @param outputs the files, by path in the site, sorted
     */
    record Unit(String key, List<String> outputs) {
        Unit {
            outputs = List.copyOf(outputs);
        }
    }

    Manifest {
        inputs = new TreeMap<>(inputs);
        warnings = List.copyOf(warnings);
        units = new TreeMap<>(units);
        across = new TreeMap<>(across);
    }

    /** Whether a build of {@code inputs} with this code and base URL makes exactly the version this describes. */
    boolean sameInputs(String code, String baseUrl, Inputs inputs) {
        return this.code.equals(code) && this.baseUrl.equals(baseUrl) && this.inputs.equals(inputs.files());
    }

    byte[] toBytes() {
        Map<String, Json> in = new LinkedHashMap<>();
        inputs.forEach((k, v) -> in.put(k, Json.str(v)));
        List<Json> warns = new ArrayList<>();
        for (Diagnostic d : warnings) {
            warns.add(Json.obj("file", Json.str(d.location().file()), "line", Json.Num.of(d.location().line()),
                    "column", Json.Num.of(d.location().column()), "message", Json.str(d.message())));
        }
        Map<String, Json> us = new LinkedHashMap<>();
        units.forEach((k, u) -> us.put(k, Json.obj("key", Json.str(u.key()),
                "outputs", new Json.Arr(u.outputs().stream().map(o -> (Json) Json.str(o)).toList()))));
        Map<String, Json> ac = new LinkedHashMap<>();
        across.forEach((k, v) -> ac.put(k, Json.str(v)));
        return (JsonText.write(Json.obj(
                "format", Json.Num.of(FORMAT),
                "code", Json.str(code),
                "base_url", Json.str(baseUrl),
                "inputs", new Json.Obj(in),
                "warnings", new Json.Arr(warns),
                "units", new Json.Obj(us),
                "across", new Json.Obj(ac))) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The manifest of a complete version folder (its marker present); empty if it has none, or one this code cannot
     * read (written by another format, damaged): the build then makes everything anew.
     */
    static Optional<Manifest> read(Path version) {
        Path file = version.resolve(FILE);
        if (!Files.isRegularFile(version.resolve(OutputLocation.MARKER), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Json.Obj o = (Json.Obj) JsonText.parse(Files.readString(file));
            if (!(o.get("format").orElse(null) instanceof Json.Num n) || n.value().intValue() != FORMAT) {
                return Optional.empty();
            }
            Map<String, String> inputs = strings((Json.Obj) o.get("inputs").orElseThrow());
            List<Diagnostic> warnings = new ArrayList<>();
            for (Json w : ((Json.Arr) o.get("warnings").orElseThrow()).items()) {
                Json.Obj wo = (Json.Obj) w;
                warnings.add(Diagnostic.warning(new Location(str(wo, "file"), num(wo, "line"), num(wo, "column")), str(wo, "message")));
            }
            Map<String, Unit> units = new LinkedHashMap<>();
            ((Json.Obj) o.get("units").orElseThrow()).members().forEach((k, v) -> {
                Json.Obj u = (Json.Obj) v;
                units.put(k, new Unit(str(u, "key"), ((Json.Arr) u.get("outputs").orElseThrow()).items().stream()
                        .map(j -> ((Json.Str) j).value()).toList()));
            });
            return Optional.of(new Manifest(str(o, "code"), str(o, "base_url"), inputs, warnings, units,
                    strings((Json.Obj) o.get("across").orElseThrow())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> strings(Json.Obj o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.members().forEach((k, v) -> out.put(k, ((Json.Str) v).value()));
        return out;
    }

    private static String str(Json.Obj o, String key) {
        return ((Json.Str) o.get(key).orElseThrow()).value();
    }

    private static int num(Json.Obj o, String key) {
        return ((Json.Num) o.get(key).orElseThrow()).value().intValue();
    }
}
