package org.mcpcatalogue.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.mcpcatalogue.load.CatalogueLoader;

/** The fixture catalogues under src/test/resources/catalogues and how tests run them. */
final class Fixtures {

    static final Path ROOT = Path.of("src/test/resources/catalogues");
    static final Path VALID = ROOT.resolve("valid");
    static final Path INVALID = ROOT.resolve("invalid");
    /** A fixed "today", so that no fixture result depends on the day the tests run. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private Fixtures() {
    }

    /** Loads and validates a catalogue directory, naming it "catalogue" in diagnostics. */
    static CatalogueValidator.Result validate(Path dir) {
        return new CatalogueValidator(TODAY, org.mcpcatalogue.classify.RulesLoader.bundled().levels().floors()).validate(new CatalogueLoader().load(dir, "catalogue"));
    }

    static List<String> lines(CatalogueValidator.Result result) {
        return result.diagnostics().stream().map(Object::toString).toList();
    }

    /** The invalid cases, by folder name. */
    static List<Path> invalidCases() {
        try (Stream<Path> s = Files.list(INVALID)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected diagnostic lines of a case (lines starting with # are notes). */
    static List<String> expected(Path caseDir) {
        try {
            return Files.readAllLines(caseDir.resolve("expected.txt")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a case says that JSON Schema cannot see its problem, and why. */
    static boolean schemaBlind(Path caseDir) {
        try {
            return Files.readAllLines(caseDir.resolve("expected.txt")).stream().anyMatch(l -> l.startsWith("# schema-blind:"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
