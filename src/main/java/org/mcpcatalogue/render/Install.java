package org.mcpcatalogue.render;

import static org.mcpcatalogue.render.Views.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Package;
import org.mcpcatalogue.model.Remote;
import org.mcpcatalogue.model.Server;
import org.mcpcatalogue.model.Transport;

/**
 * "Run it behind Intercept": for each package and remote of a server, the command that starts it behind Intercept
 * with the server's downloaded policy, and an {@code mcpServers} entry for Claude Desktop, Cursor and the other
 * clients that read that shape. The syntax is Intercept's command line as of {@link #INTERCEPT_VERSION}
 * ({@code intercept -c FILE -- COMMAND...} to wrap a local server, {@code intercept -c FILE --upstream URL} to bridge
 * to a remote one). Environment variables are listed by name with placeholders: the catalogue keeps no values.
 */
final class Install {

    /** The Intercept release whose command line the page shows. */
    static final String INTERCEPT_VERSION = "v1.1";

    private Install() {
    }

    /** One way to run the server: a heading, a shell command, a client configuration, or a note why there is none. */
    static List<Map<String, Object>> ways(Server server) {
        String file = server.slug() + ".yaml";
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 0;
        for (Package p : server.packages()) {
            String spec = p.version().map(v -> versioned(p, v)).orElse(p.name());
            List<String> command = command(p, spec);
            List<Map<String, Object>> env = p.environmentVariables().stream().map(v -> map("name", v.name(),
                    "description", v.description().map(List::of).orElse(List.of()),
                    "required", v.required().orElse(false), "secret", v.secret().orElse(false))).toList();
            String title = p.registry() + " package " + p.name() + p.version().map(v -> " " + v).orElse("");
            if (command.isEmpty()) {
                out.add(map("id", "install-" + i++, "title", title, "runnable", List.of(),
                        "note", List.of("The catalogue has no command to start a " + p.registry() + " package; start it as its"
                                + " documentation says, after intercept -c " + file + " --."), "env", env, "hasEnv", !env.isEmpty(),
                        "transport", p.transport().map(Transport::label).map(List::of).orElse(List.of())));
                continue;
            }
            List<String> args = new ArrayList<>(List.of("-c", file, "--"));
            args.addAll(command);
            out.add(way(i++, title, args, p.transport().map(Transport::label), env, server.slug()));
        }
        for (Remote r : server.remotes()) {
            String title = "Hosted endpoint " + r.url() + " (" + r.transport().label() + ")";
            if (r.transport() == Transport.STREAMABLE_HTTP) {
                out.add(way(i++, title, List.of("-c", file, "--upstream", r.url().toString()),
                        java.util.Optional.of(r.transport().label()), List.of(), server.slug()));
            } else {
                out.add(map("id", "install-" + i++, "title", title, "runnable", List.of(),
                        "note", List.of("Endpoint " + r.url() + ", transport " + r.transport().label() + ". Intercept's"
                                + " --upstream bridge connects to a streamable HTTP endpoint; see Intercept's documentation"
                                + " for an SSE one."),
                        "env", List.of(), "hasEnv", false, "transport", List.of(r.transport().label())));
            }
        }
        return out;
    }

    private static String versioned(Package p, String version) {
        return switch (p.registry()) {
            case "pypi" -> p.name() + "==" + version;
            case "oci" -> p.name().contains(":") || p.name().contains("@") ? p.name() : p.name() + ":" + version;
            default -> p.name() + "@" + version;
        };
    }

    /** The command that starts the package, without Intercept; empty when the catalogue does not know one. */
    private static List<String> command(Package p, String spec) {
        return switch (p.registry()) {
            case "npm" -> List.of("npx", "-y", spec);
            case "pypi" -> List.of("uvx", spec);
            case "oci" -> {
                List<String> c = new ArrayList<>(List.of("docker", "run", "-i", "--rm"));
                p.environmentVariables().forEach(v -> c.addAll(List.of("-e", v.name())));
                c.add(spec);
                yield c;
            }
            default -> List.of();
        };
    }

    private static Map<String, Object> way(int i, String title, List<String> args, java.util.Optional<String> transport,
                                           List<Map<String, Object>> env, String slug) {
        StringBuilder shell = new StringBuilder("intercept");
        for (String a : args) {
            shell.append(' ').append(shellWord(a));
        }
        return map("id", "install-" + i, "title", title,
                "runnable", List.of(map("command", shell.toString(), "config", clientConfig(slug, args, env),
                        "commandId", "install-" + i + "-command", "configId", "install-" + i + "-config")),
                "note", List.of(), "env", env, "hasEnv", !env.isEmpty(),
                "transport", transport.map(List::of).orElse(List.of()));
    }

    /** A word as a POSIX shell reads it: as it is when it is plain, else in single quotes. */
    static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9@%+=:,./_-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * The {@code mcpServers} entry: Intercept as the command, the policy file by an absolute placeholder path (clients
     * do not start servers in a known directory), and each environment variable with a placeholder value.
     */
    static String clientConfig(String slug, List<String> args, List<Map<String, Object>> env) {
        StringBuilder b = new StringBuilder("{\n  \"mcpServers\": {\n    ").append(JsonText.quote(slug)).append(": {\n");
        b.append("      \"command\": \"intercept\",\n      \"args\": [");
        for (int i = 0; i < args.size(); i++) {
            String a = i == 1 ? "/path/to/" + args.get(1) : args.get(i);
            b.append(i == 0 ? "" : ", ").append(JsonText.quote(a));
        }
        b.append("]");
        if (!env.isEmpty()) {
            b.append(",\n      \"env\": {\n");
            for (int i = 0; i < env.size(); i++) {
                String name = (String) env.get(i).get("name");
                b.append("        ").append(JsonText.quote(name)).append(": ").append(JsonText.quote("<your " + name + ">"))
                        .append(i + 1 < env.size() ? ",\n" : "\n");
            }
            b.append("      }");
        }
        return b.append("\n    }\n  }\n}").toString();
    }
}
