package org.mcpcatalogue.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.yaml.SafeYaml;

/**
 * The published JSON Schema ({@code catalogue/schema/server.schema.json}) and the loader agree on every
 * fixture file: a file the loader accepts the schema accepts, and a file the loader rejects the schema
 * rejects, unless its case says the problem is one JSON Schema cannot see ({@code # schema-blind:}).
 */
class SchemaAgreementTest {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(read(Path.of("catalogue/schema/server.schema.json")), InputFormat.JSON);

    @TestFactory
    Stream<DynamicTest> schemaAndLoaderAgree() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : yamlFiles(Fixtures.VALID)) {
            tests.add(DynamicTest.dynamicTest("valid/" + file.getFileName(), () ->
                    assertEquals(List.of(), schemaErrors(file), "the schema rejects a file the loader accepts")));
        }
        for (Path caseDir : Fixtures.invalidCases()) {
            for (Path file : yamlFiles(caseDir)) {
                var root = new SafeYaml().read(file.toString(), Files.readAllBytes(file)).root();
                if (root.isEmpty() || !file.toString().endsWith(".yaml")) {
                    continue; // not a YAML document the schema could see (syntax, several documents, nesting)
                }
                String name = "invalid/" + caseDir.getFileName() + "/" + file.getFileName();
                boolean loaderAccepts = Fixtures.validate(caseDir).diagnostics().stream()
                        .noneMatch(d -> d.isError() && d.location().file().endsWith("/" + file.getFileName()));
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    List<String> errors = schemaErrors(file);
                    if (Fixtures.schemaBlind(caseDir)) {
                        assertTrue(errors.isEmpty(), "case says the schema is blind to it, but the schema reports " + errors);
                    } else {
                        assertEquals(loaderAccepts, errors.isEmpty(),
                                name + ": loader " + (loaderAccepts ? "accepts" : "rejects") + " but schema says " + errors);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static List<String> schemaErrors(Path file) throws IOException {
        var root = new SafeYaml().read(file.toString(), Files.readAllBytes(file)).root().orElseThrow();
        String json = JsonText.write(root.toJson());
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static List<Path> yamlFiles(Path catalogue) throws IOException {
        try (Stream<Path> s = Files.list(catalogue.resolve("servers"))) {
            return s.sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
