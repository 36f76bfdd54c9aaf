package org.mcpcatalogue.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mcpcatalogue.json.JsonText;

/**
 * The server-sent events that keep open pages current. Every page served carries the number of the build it came
 * from ({@link #generation()}); each connected page is sent a {@code state} event with the newest good build's number
 * and the current build error, if any, when it connects and whenever either changes. The page reloads when the
 * number is not its own, and shows or hides the error overlay. Reconnecting (after a restart of the server) works
 * the same way.
 */
public final class LiveReload {

    /** The path of the event stream. */
    public static final String EVENTS = "/__catalogue/events";

    /** The state pages are told of: the newest good build and the current build error, if any. */
    public record State(long generation, Optional<String> error) {
        /** @return the event's {@code data}: {@code {"generation":N,"error":"…"|null}} */
        String json() {
            return "{\"generation\":" + generation + ",\"error\":" + error.map(JsonText::quote).orElse("null") + "}";
        }
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private volatile State state = new State(0, Optional.empty());

    /** @return the number of the newest good build: 0 before the first, then 1, 2, … */
    public long generation() {
        return state.generation();
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /** A new build was published: every page reloads. */
    public synchronized void published() {
        state = new State(state.generation() + 1, Optional.empty());
        broadcast();
    }

    /** The build failed with {@code message}: every page shows it over the last good build. */
    public synchronized void failed(String message) {
        state = new State(state.generation(), Optional.of(message));
        broadcast();
    }

    /** @return how many pages are connected (pages that went away are dropped at the next event) */
    public int clients() {
        return clients.size();
    }

    /**
     * Answers a request for {@link #EVENTS}: keeps the response open and sends the current state at once.
     *
     * @param exchange the request; it is not closed here but when the page goes away or the server stops
     */
    public void subscribe(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange);
        synchronized (this) {
            if (client.send("retry: 500\n\n" + event(state))) {
                clients.add(client);
            }
        }
    }

    /** Ends every event stream (the pages reconnect by themselves if a server comes back). */
    public void closeAll() {
        for (Client c : clients) {
            c.close();
        }
        clients.clear();
    }

    private void broadcast() {
        String event = event(state);
        for (Client c : clients) {
            if (!c.send(event)) {
                clients.remove(c);
            }
        }
    }

    private static String event(State s) {
        return "event: state\ndata: " + s.json() + "\n\n";
    }

    private record Client(HttpExchange exchange) {
        boolean send(String text) {
            try {
                OutputStream body = exchange.getResponseBody();
                body.write(text.getBytes(StandardCharsets.UTF_8));
                body.flush();
                return true;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        void close() {
            exchange.close();
        }
    }
}
