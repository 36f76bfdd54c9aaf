package org.mcpcatalogue.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every folder under {@code catalogues/invalid/} is a broken catalogue with the exact diagnostics it must
 * produce, {@code file:line:col} included, in {@code expected.txt}. A failing case is named by its folder.
 */
class InvalidCataloguesTest {

    @TestFactory
    Stream<DynamicTest> eachCaseReportsExactlyItsDiagnostics() {
        return Fixtures.invalidCases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            CatalogueValidator.Result result = Fixtures.validate(dir);
            assertEquals(String.join("\n", Fixtures.expected(dir)), String.join("\n", Fixtures.lines(result)),
                    "diagnostics of case " + dir.getFileName());
            boolean expectsError = Fixtures.expected(dir).stream().anyMatch(l -> l.contains(": error: "));
            assertEquals(expectsError, result.catalogue().isEmpty(), "a catalogue is handed on only without errors");
        }));
    }

    @Test
    void aTwoMebibyteFileIsRefusedWithoutParsing(@TempDir Path tmp) throws IOException {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        StringBuilder big = new StringBuilder(Files.readString(Fixtures.VALID.resolve("servers/z-last.yaml")));
        big.append("# padding\n".repeat((2 << 20) / 10 + 1));
        Files.writeString(servers.resolve("big.yaml"), big.substring(0, 2 << 20));
        assertEquals(List.of("catalogue/servers/big.yaml:1:1: error: file is 2 MiB, larger than the 1 MiB limit"),
                Fixtures.lines(Fixtures.validate(tmp)));
    }

    @Test
    void aMissingServersDirectoryIsAnError(@TempDir Path tmp) {
        assertEquals(List.of("catalogue/servers: error: no servers directory: expected one YAML file per server in catalogue/servers/"),
                Fixtures.lines(Fixtures.validate(tmp)));
    }

    @Test
    void everyProblemOfAFileIsReportedNotJustTheFirst() {
        CatalogueValidator.Result result = Fixtures.validate(Fixtures.INVALID.resolve("wrong-types"));
        assertTrue(result.errors() >= 7, "all seven wrong types are reported: " + Fixtures.lines(result));
        assertFalse(result.catalogue().isPresent());
    }
}
