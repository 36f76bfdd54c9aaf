package org.mcpcatalogue.policy.write;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.mcpcatalogue.json.Json;
import org.mcpcatalogue.policy.model.Condition;
import org.mcpcatalogue.policy.model.Operator;
import org.mcpcatalogue.policy.model.Policy;
import org.mcpcatalogue.policy.model.Rule;
import org.mcpcatalogue.policy.model.StateConfig;
import org.mcpcatalogue.policy.model.ToolRules;
import org.mcpcatalogue.policy.model.Window;

/** A seeded generator of policies full of strings that YAML readers like to misread. */
final class RandomPolicies {

    static final List<String> NASTY = List.of(
            "", " ", "  leading", "trailing  ", "yes", "no", "No", "on", "off", "y", "n", "null", "Null", "~", "true",
            "False", "1", "0", "-1", "1.0", "1e3", "0x1F", "0o17", "017", "1_000", "0b101", ".5", ".inf", "-.Inf",
            ".NaN", "2026-01-01", "2026-01-01T10:00:00Z", "12:30:45", "a: b", "key: value", "- item", "# comment",
            "a #b", "#", ":", "::", "? x", "!tag", "!!str x", "&anchor", "*alias", "{a: 1}", "[1, 2]", "'single'",
            "\"double\"", "back\\slash", "\\n literal", "%TAG", "@at", "`tick`", "|", ">", "--- ", "...", "=",
            "<<", "tab\there", "line\nbreak", "crlf\r\nx", "cr\rx", "multi\nline\non_deny\n", "\n", "\u0000nul",
            "del\u007f", "bell\u0007", "esc\u001b[31m", "c1\u0085nel", "nbsp\u00a0x", "ls\u2028ps\u2029", "bom\ufeff",
            "zero\u200bwidth", "ünïcödé", "日本語", "emoji 😀 🇫🇷", "rtl \u05e9\u05dc\u05d5\u05dd", "e\u0301",
            "\ufffd", "\ufffe\uffff", "\uE000 private", "ok", "create_issue", "*", "args.x", "state._global.c",
            "5/hour", "30/minute", "deny", "evaluate", "allow", "\"", "'", "\\", "a\"b'c\\d");

    private final Random random;

    RandomPolicies(long seed) {
        this.random = new Random(seed);
    }

    String string() {
        int pick = random.nextInt(10);
        if (pick < 6) {
            return NASTY.get(random.nextInt(NASTY.size()));
        } else if (pick < 8) {
            return NASTY.get(random.nextInt(NASTY.size())) + NASTY.get(random.nextInt(NASTY.size()));
        }
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int cp;
            do {
                cp = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x800);
                    case 2 -> random.nextInt(0x10000);
                    default -> random.nextInt(0x110000);
                };
            } while (cp >= 0xD800 && cp <= 0xDFFF);
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    <T> List<T> list(int max, java.util.function.Supplier<T> item) {
        List<T> out = new ArrayList<>();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }

    Json value(int depth) {
        int pick = random.nextInt(depth > 1 ? 7 : 9);
        return switch (pick) {
            case 0 -> Json.NULL;
            case 1 -> random.nextBoolean() ? Json.TRUE : Json.FALSE;
            case 2 -> Json.Num.of(random.nextInt(2001) - 1000);
            case 3 -> new Json.Num(new BigDecimal(new BigInteger(64, random)).subtract(BigDecimal.valueOf(Long.MAX_VALUE)));
            case 4 -> new Json.Num(BigDecimal.valueOf(randomDouble()));
            case 5, 6 -> new Json.Str(string());
            case 7 -> new Json.Arr(list(3, () -> value(depth + 1)));
            default -> {
                Map<String, Json> m = new LinkedHashMap<>();
                list(3, this::string).forEach(k -> m.put(k, value(depth + 1)));
                yield new Json.Obj(m);
            }
        };
    }

    private double randomDouble() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextDouble() * 100;
            case 1 -> (random.nextInt(2000) - 1000) / 4.0;
            case 2 -> Math.pow(10, random.nextInt(60) - 30) * (random.nextBoolean() ? 1 : -1);
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield d;
            }
        };
    }

    Condition condition() {
        String op = random.nextInt(4) == 0 ? string() : Operator.values()[random.nextInt(Operator.values().length)].text();
        return new Condition(random.nextBoolean() ? "args." + string() : string(), op, value(0));
    }

    Rule rule() {
        Optional<StateConfig> state = random.nextInt(3) == 0
                ? Optional.of(new StateConfig(string(), random.nextBoolean()
                        ? Window.values()[random.nextInt(3)].text() : string(),
                        random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(4), string()))
                : Optional.empty();
        return new Rule(string(), random.nextBoolean() ? "" : string(), random.nextBoolean() ? "" : string(),
                list(3, this::condition), string(), state);
    }

    Policy policy() {
        Map<String, ToolRules> tools = new LinkedHashMap<>();
        list(4, this::string).forEach(name -> tools.put(name, new ToolRules(list(3, this::rule))));
        return new Policy(random.nextInt(3) == 0 ? string() : "1", string(),
                random.nextBoolean() ? "" : string(), list(3, this::string), tools);
    }
}
