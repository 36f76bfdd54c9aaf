package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Tool;

/** The GitHub MCP server's real tools form the toxic flow of the 2025 private-repository leak. */
class FlowAnalysisTest {

    private static final Rules RULES = RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH));

    private static List<ServerFlag> flags(String... tools) {
        Classifier classifier = new Classifier(RULES);
        List<Tool> list = java.util.Arrays.stream(tools).map(t -> ToolJson.read(JsonText.parse(t), "test")).toList();
        return new FlowAnalysis(RULES).analyse(list, list.stream().map(classifier::classify).toList());
    }

    @Test
    void issueReaderPlusFileReaderPlusCommenterIsAToxicFlow() {
        List<ServerFlag> flags = flags(
                "{\"name\":\"get_issue\",\"description\":\"Get details of a specific issue in a GitHub repository.\"}",
                "{\"name\":\"get_file_contents\",\"description\":\"Get the contents of a file or directory from a GitHub repository\"}",
                "{\"name\":\"create_pull_request\",\"description\":\"Create a new pull request in a GitHub repository.\"}");
        assertEquals(1, flags.size(), flags.toString());
        ServerFlag f = flags.get(0);
        assertEquals("toxic-flow", f.kind());
        assertEquals(Map.of(FlowAnalysis.UNTRUSTED, List.of("get_issue"), FlowAnalysis.PRIVATE, List.of("get_file_contents"),
                FlowAnalysis.OUTBOUND, List.of("create_pull_request")), f.roles());
    }

    @Test
    void untrustedContentAndADestructiveToolIsADestructiveFlow() {
        List<ServerFlag> flags = flags(
                "{\"name\":\"fetch_url\",\"description\":\"Fetch a web page and return its text.\"}",
                "{\"name\":\"delete_table\",\"description\":\"Delete a table from the database.\"}");
        assertEquals(List.of("destructive-flow"), flags.stream().map(ServerFlag::kind).toList());
        assertEquals(List.of("delete_table"), flags.get(0).roles().get(FlowAnalysis.DESTRUCTIVE));
    }

    @Test
    void aReadOnlyServerHasNoFlag() {
        assertEquals(List.of(), flags("{\"name\":\"get_weather\",\"description\":\"Get the weather for a city.\"}",
                "{\"name\":\"list_cities\",\"description\":\"List the cities the service knows.\"}"));
    }
}
