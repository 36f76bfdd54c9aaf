package org.mcpcatalogue.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcpcatalogue.model.Server;

/**
 * The page checker accepts only lower-case {@code http}/{@code https} links, so the loader keeps URLs in
 * canonical form: scheme and host in lower case (they compare that way), path, query and fragment as written.
 * URLs the checker would refuse for other reasons (spaces, control characters, a user name) are errors at
 * the field's position.
 */
class UrlNormalisationTest {

    private static String server(String repository, String homepage) {
        return "slug: demo\nname: Demo\npublisher: demo\nrepository: " + repository + "\nhomepage: " + homepage
                + "\ndescription: A demo server for URL checks.\nverified: 2026-02-28\nsource: hand-written\ntools: []\n";
    }

    @Test
    void anUpperCaseSchemeAndHostAreMadeCanonical(@TempDir Path tmp) throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        Files.writeString(servers.resolve("demo.yaml"), server("HTTPS://GitHub.COM/Acme/Files?Tab=Readme#Top",
                "Http://Example.ORG:8080/Docs/"));
        CatalogueValidator.Result r = Fixtures.validate(tmp);
        assertEquals(List.of("catalogue/servers/demo.yaml:9:8: warning: server lists no tools"), Fixtures.lines(r));
        Server s = r.catalogue().orElseThrow().servers().get(0);
        // URI.equals ignores the case of scheme and host; pages print the text, so compare the text.
        assertEquals("https://github.com/Acme/Files?Tab=Readme#Top", s.repository().toString());
        assertEquals(Optional.of("http://example.org:8080/Docs/"), s.homepage().map(URI::toString));
    }

    @Test
    void urlsThePageCheckerWouldRefuseAreErrorsAtTheirPosition(@TempDir Path tmp) throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        Files.writeString(servers.resolve("demo.yaml"), server("\"https://example.com/a b\"",
                "\"https://user@example.com/\\e[31m\""));
        assertEquals(List.of(
                "catalogue/servers/demo.yaml:4:13: error: \"repository\" must be a URL, got \"https://example.com/a b\" (Illegal character in path)",
                "catalogue/servers/demo.yaml:5:11: error: \"homepage\" must be a URL, got \"https://user@example.com/\\u{001B}[31m\" (Illegal character in path)",
                "catalogue/servers/demo.yaml:9:8: warning: server lists no tools"),
                Fixtures.lines(Fixtures.validate(tmp)));
    }
}
