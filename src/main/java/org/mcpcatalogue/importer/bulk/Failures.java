package org.mcpcatalogue.importer.bulk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, from the error of a failed live import ({@code McpStdioClient}'s message: what the server did, then its
 * standard error), which outcome it was: a server that exited before listing its tools and whose last words ask
 * for a key, token or setting needs credentials; one that exited at once with status 0, or never spoke JSON-RPC
 * though it wrote to standard output, is not an MCP server; one that did not answer in time timed out; the rest
 * crashed.
 */
public final class Failures {

    /** What a server says on standard error when it wants a key or a setting to start. */
    static final Pattern CREDENTIALS = Pattern.compile("(?i)api[ _-]?key|access[ _-]?key|\\btoken\\b|_TOKEN\\b|credential"
            + "|secret|password|unauthori[sz]ed|authenticat|\\bauth\\b|environment variable|env(ironment)? var"
            + "|must be (set|provided|specified)|is (required|not set|missing)|are required|missing required|required"
            + " (environment|env|configuration|option|argument|parameter)|not configured|no .{0,40} (configured|provided)"
            + "|_KEY\\b|_URL\\b.{0,40}(required|missing|set)|connection string|please (set|provide)|oauth|keys? file|log ?in|sign ?in|not logged");
    /** Terminal colour and cursor sequences, which servers put in their logs. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    /** An environment variable a server names as missing: upper case, with an underscore, a key-like last word. */
    static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_(API_KEY|KEY|TOKEN|SECRET|PAT|PASSWORD|ACCESS_TOKEN|APP_KEY|API_TOKEN|CLIENT_ID|CLIENT_SECRET)\\b");
    private static final Pattern EXIT = Pattern.compile("\\(it exited with status (\\d+)\\)");

    private Failures() {
    }

    /** The outcome of a failed import, from its error message. */
    public static Outcome classify(String message) {
        String head = head(message);
        String stderr = stderr(message);
        if (head.contains(") did not answer ")) {
            return head.contains("did not answer initialize") && nonJsonRpc(message)
                    ? Outcome.NOT_MCP : Outcome.TIMED_OUT;
        }
        boolean exited = head.contains("closed its output before answering") || head.contains("stopped reading its input")
                || head.contains("cannot start the server");
        boolean beforeTools = head.contains("initialize") || head.contains("stopped reading its input")
                || head.contains("tools/list");
        if (exited && beforeTools && CREDENTIALS.matcher(stderr).find()) {
            return Outcome.NEEDS_CREDENTIALS;
        }
        if (head.contains("answered tools/list with an error") && CREDENTIALS.matcher(head + stderr).find()) {
            return Outcome.NEEDS_CREDENTIALS;
        }
        if (exited && head.contains("before answering initialize")) {
            Matcher m = EXIT.matcher(head);
            if (m.find() && m.group(1).equals("0")) {
                return Outcome.NOT_MCP;
            }
            if (nonJsonRpc(message) && stderr.isBlank()) {
                return Outcome.NOT_MCP;
            }
        }
        return Outcome.CRASHED;
    }

    /** The first line of the message: what the server did. */
    static String head(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The server's standard error as the message quotes it, or "". */
    static String stderr(String message) {
        int start = message.indexOf("--- its standard error");
        if (start < 0) {
            return "";
        }
        int body = message.indexOf('\n', start);
        int end = message.lastIndexOf("\n---");
        return body < 0 || end <= body ? message.substring(start) : message.substring(body + 1, end);
    }

    /** Whether the server wrote lines that are not JSON-RPC to standard output (the client notes them). */
    private static boolean nonJsonRpc(String message) {
        return message.contains("(it wrote ") && message.contains("not JSON-RPC");
    }

    /** A one-line summary of the failure for the report: its first line and the last line of its standard error. */
    public static String summary(String message) {
        String head = head(message).replaceAll("^the server \\(.*?\\) ", "");
        String[] err = ANSI.matcher(stderr(message)).replaceAll("").strip().split("\n");
        String last = "";
        for (int i = err.length - 1; i >= 0; i--) {
            String l = err[i].strip();
            if (l.chars().anyMatch(Character::isLetter) && !l.startsWith("at ") && !l.startsWith("Node.js v")) {
                last = l;
                break;
            }
        }
        String s = last.isEmpty() ? head : head + " — " + last;
        java.util.Set<String> named = new java.util.TreeSet<>();
        Matcher v = VARIABLE.matcher(ANSI.matcher(stderr(message)).replaceAll(""));
        while (v.find() && named.size() < 8) {
            named.add(v.group());
        }
        if (!named.isEmpty()) {
            s = s + " [names " + String.join(" ", named) + "]";
        }
        s = s.replace('\t', ' ').replace('\r', ' ');
        return s.length() > 400 ? s.substring(0, 399) + "…" : s;
    }
}
