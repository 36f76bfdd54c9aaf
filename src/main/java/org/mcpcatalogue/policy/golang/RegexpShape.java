package org.mcpcatalogue.policy.golang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A linear scan of a regular expression that rebuilds the outline of the parse tree Go's {@code regexp/syntax}
 * builds (groups, alternations, concatenations, repetitions) and applies Go's three parse limits to it as the
 * nodes appear: nested counted repetition worth at most 1000 copies ({@code repeatIsValid}), tree height at most
 * 1000, and estimated program size at most 128 MiB / 40 bytes ({@code calcSize}). It never throws and never
 * reports syntax errors: on anything it does not understand it stops looking, and RE2/J's parser has the last word.
 *
 * <p>The outline differs from Go's tree where Go factors common prefixes out of alternations, so heights and
 * sizes are estimates there (sizes slightly pessimistic, heights slightly optimistic); repetition counts are exact.
 */
final class RegexpShape {

    /** Go's {@code maxHeight}. */
    static final int MAX_HEIGHT = 1000;
    /** Go's {@code maxSize}: 128 MiB of 40-byte instructions. */
    static final long MAX_SIZE = (128L << 20) / 40;
    private static final long SATURATED = Long.MAX_VALUE / 4;

    /** The limits, with Go's error code text. */
    enum Kind {
        REPEAT_SIZE("invalid repeat count"),
        NESTING_DEPTH("expression nests too deeply"),
        TOO_LARGE("expression too large");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The first limit broken, and where: {@code fragment} is the repetition operator for REPEAT_SIZE. */
    record Problem(Kind kind, String fragment, int end) {
    }

    private enum Op { LITERAL, LEAF, EMPTY, CAPTURE, STAR, PLUS, QUEST, REPEAT, CONCAT, ALTERNATE }

    private record Node(Op op, List<Node> subs, int min, int max, long size, int height) {
        static Node leaf(Op op, long runes) {
            return new Node(op, List.of(), 0, 0, Math.max(1, runes), 1);
        }

        static Node of(Op op, List<Node> subs, int min, int max) {
            long size = switch (op) {
                case CAPTURE, STAR -> add(2, subs.get(0).size);
                case PLUS, QUEST -> add(1, subs.get(0).size);
                case CONCAT -> subs.stream().mapToLong(Node::size).reduce(0, RegexpShape::add);
                case ALTERNATE -> add(subs.stream().mapToLong(Node::size).reduce(0, RegexpShape::add), subs.size() - 1);
                case REPEAT -> repeatSize(subs.get(0).size, min, max);
                default -> 1;
            };
            int height = 1 + subs.stream().mapToInt(Node::height).max().orElse(0);
            return new Node(op, List.copyOf(subs), min, max, Math.max(1, size), height);
        }
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long mul(long a, long b) {
        return (a != 0 && b > SATURATED / a) ? SATURATED : a * b;
    }

    private static long repeatSize(long sub, int min, int max) {
        if (max == -1) {
            return min == 0 ? add(2, sub) : add(1, mul(min, sub));
        }
        return add(mul(max, sub), max - min);
    }

    /** One open group: the finished alternatives and the items of the current one. */
    private static final class Frame {
        final boolean capture;
        final List<Node> alternatives = new ArrayList<>();
        List<Node> items = new ArrayList<>();

        Frame(boolean capture) {
            this.capture = capture;
        }
    }

    private final String expr;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<int[]> groupNames = new ArrayList<>();
    private Problem problem;
    private int pos;

    private RegexpShape(String expr) {
        this.expr = expr;
    }

    static RegexpShape scan(String expr) {
        RegexpShape shape = new RegexpShape(expr);
        shape.run();
        return shape;
    }

    Optional<Problem> firstProblem() {
        return Optional.ofNullable(problem);
    }

    /** The expression with {@code (?P<name>} and {@code (?<name>} turned into plain {@code (}. */
    String withoutGroupNames() {
        StringBuilder out = new StringBuilder(expr);
        for (int i = groupNames.size() - 1; i >= 0; i--) {
            int[] span = groupNames.get(i);
            out.replace(span[0], span[1], "(");
        }
        return out.toString();
    }

    private void run() {
        stack.push(new Frame(false));
        try {
            while (pos < expr.length() && problem == null) {
                step();
            }
            while (problem == null && stack.size() > 1) {
                closeGroup();
            }
            if (problem == null) {
                check(close(stack.peek()), expr.length());
            }
        } catch (GiveUp e) {
            // A syntax error, or syntax this outline does not model: RE2/J decides.
        }
    }

    /** Thrown to stop scanning. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private char peek(int offset) {
        int i = pos + offset;
        if (i >= expr.length()) {
            throw new GiveUp();
        }
        return expr.charAt(i);
    }

    private boolean at(int offset, char c) {
        int i = pos + offset;
        return i < expr.length() && expr.charAt(i) == c;
    }

    private void step() {
        char c = expr.charAt(pos);
        switch (c) {
            case '(' -> openGroup();
            case ')' -> {
                pos++;
                if (stack.size() == 1) {
                    throw new GiveUp();
                }
                closeGroup();
            }
            case '|' -> {
                pos++;
                Frame f = stack.peek();
                f.alternatives.add(concat(f.items));
                f.items = new ArrayList<>();
            }
            case '*', '+', '?' -> {
                pos++;
                if (at(0, '?')) {
                    pos++;
                }
                wrap(c == '*' ? Op.STAR : c == '+' ? Op.PLUS : Op.QUEST, 0, 0);
            }
            case '{' -> repeat();
            case '[' -> {
                skipClass();
                push(Node.leaf(Op.LEAF, 0));
            }
            case '\\' -> escape();
            case '.', '^', '$' -> {
                pos++;
                push(Node.leaf(Op.LEAF, 0));
            }
            default -> {
                pos += Character.charCount(expr.codePointAt(pos));
                push(Node.leaf(Op.LITERAL, 1));
            }
        }
    }

    private void push(Node node) {
        stack.peek().items.add(node);
        check(node, pos);
    }

    private void check(Node node, int end) {
        if (problem != null) {
            return;
        }
        if (node.height() > MAX_HEIGHT) {
            problem = new Problem(Kind.NESTING_DEPTH, expr, end);
        } else if (node.size() > MAX_SIZE) {
            problem = new Problem(Kind.TOO_LARGE, expr, end);
        }
    }

    private void wrap(Op op, int min, int max) {
        List<Node> items = stack.peek().items;
        if (items.isEmpty()) {
            throw new GiveUp(); // missing argument to repetition operator
        }
        Node sub = items.remove(items.size() - 1);
        Node node = Node.of(op, List.of(sub), min, max);
        items.add(node);
        check(node, pos);
    }

    private void repeat() {
        int start = pos;
        int[] bounds = parseRepeat();
        if (bounds == null) {
            pos = start + 1;
            push(Node.leaf(Op.LITERAL, 1)); // a { that does not start a repetition is a literal
            return;
        }
        int min = bounds[0];
        int max = bounds[1];
        if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) {
            throw new GiveUp(); // RE2/J reports this one itself
        }
        if (at(0, '?')) {
            pos++;
        }
        wrap(Op.REPEAT, min, max);
        List<Node> items = stack.peek().items;
        Node node = items.get(items.size() - 1);
        if (problem == null && (min >= 2 || max >= 2) && !repeatIsValid(node, 1000)) {
            problem = new Problem(Kind.REPEAT_SIZE, expr.substring(start, pos), pos);
        }
    }

    /** Go's {@code parseRepeat}: {@code {n}}, {@code {n,}} or {@code {n,m}}; null when it is not one. */
    private int[] parseRepeat() {
        int i = pos + 1;
        int[] min = parseInt(i);
        if (min == null) {
            return null;
        }
        i = min[1];
        int max;
        if (i >= expr.length()) {
            return null;
        }
        if (expr.charAt(i) != ',') {
            max = min[0];
        } else {
            i++;
            if (i >= expr.length()) {
                return null;
            }
            if (expr.charAt(i) == '}') {
                max = -1;
            } else {
                int[] m = parseInt(i);
                if (m == null) {
                    return null;
                }
                i = m[1];
                max = m[0];
                if (max < 0) {
                    min[0] = -1;
                }
            }
        }
        if (i >= expr.length() || expr.charAt(i) != '}') {
            return null;
        }
        pos = i + 1;
        return new int[] {min[0], max};
    }

    /** Go's {@code parseInt}: digits without a leading zero; -1 when too big. Returns {value, end}. */
    private int[] parseInt(int i) {
        if (i >= expr.length() || !isDigit(expr.charAt(i))) {
            return null;
        }
        if (i + 1 < expr.length() && expr.charAt(i) == '0' && isDigit(expr.charAt(i + 1))) {
            return null;
        }
        int n = 0;
        int j = i;
        while (j < expr.length() && isDigit(expr.charAt(j))) {
            if (n >= 100_000_000) {
                n = -1;
            } else if (n >= 0) {
                n = n * 10 + (expr.charAt(j) - '0');
            }
            j++;
        }
        return new int[] {n, j};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Go's {@code repeatIsValid}, without recursion. */
    private static boolean repeatIsValid(Node root, int limit) {
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {root, limit});
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            Node re = (Node) item[0];
            int n = (Integer) item[1];
            if (re.op() == Op.REPEAT) {
                int m = re.max();
                if (m == 0) {
                    continue;
                }
                if (m < 0) {
                    m = re.min();
                }
                if (m > n) {
                    return false;
                }
                if (m > 0) {
                    n /= m;
                }
            }
            for (Node sub : re.subs()) {
                work.push(new Object[] {sub, n});
            }
        }
        return true;
    }

    private void openGroup() {
        if (!at(1, '?')) {
            pos++;
            stack.push(new Frame(true));
            return;
        }
        boolean named = at(2, 'P') && at(3, '<') || at(2, '<');
        if (named) {
            int end = expr.indexOf('>', pos);
            if (end < 0) {
                throw new GiveUp();
            }
            groupNames.add(new int[] {pos, end + 1});
            pos = end + 1;
            stack.push(new Frame(true));
            return;
        }
        int i = pos + 2;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == ':') {
                pos = i + 1;
                stack.push(new Frame(false));
                return;
            } else if (c == ')') {
                pos = i + 1; // flags only, no group
                return;
            } else if (c != 'i' && c != 'm' && c != 's' && c != 'U' && c != '-') {
                throw new GiveUp();
            }
            i++;
        }
        throw new GiveUp();
    }

    private void closeGroup() {
        Frame f = stack.pop();
        Node inner = close(f);
        Node node = f.capture ? Node.of(Op.CAPTURE, List.of(inner), 0, 0) : inner;
        stack.peek().items.add(node);
        check(node, pos);
    }

    private Node close(Frame f) {
        List<Node> alternatives = new ArrayList<>(f.alternatives);
        alternatives.add(concat(f.items));
        List<Node> flat = new ArrayList<>();
        for (Node a : alternatives) {
            if (a.op() == Op.ALTERNATE) {
                flat.addAll(a.subs());
            } else {
                flat.add(a);
            }
        }
        Node node = flat.size() == 1 ? flat.get(0) : Node.of(Op.ALTERNATE, flat, 0, 0);
        check(node, pos);
        return node;
    }

    /** A concatenation as Go collapses it: runs of literals merged, nested concatenations hoisted. */
    private Node concat(List<Node> items) {
        List<Node> flat = new ArrayList<>();
        long literalRunes = 0;
        for (Node item : items) {
            if (item.op() == Op.LITERAL) {
                literalRunes += item.size();
                continue;
            }
            if (literalRunes > 0) {
                flat.add(Node.leaf(Op.LITERAL, literalRunes));
                literalRunes = 0;
            }
            if (item.op() == Op.CONCAT) {
                flat.addAll(item.subs());
            } else {
                flat.add(item);
            }
        }
        if (literalRunes > 0) {
            flat.add(Node.leaf(Op.LITERAL, literalRunes));
        }
        if (flat.isEmpty()) {
            return Node.leaf(Op.EMPTY, 0);
        }
        return flat.size() == 1 ? flat.get(0) : Node.of(Op.CONCAT, flat, 0, 0);
    }

    private void escape() {
        char c = peek(1);
        switch (c) {
            case 'Q' -> {
                int end = expr.indexOf("\\E", pos + 2);
                int stop = end < 0 ? expr.length() : end;
                int runes = expr.codePointCount(pos + 2, stop);
                pos = end < 0 ? expr.length() : end + 2;
                for (int i = 0; i < runes; i++) {
                    push(Node.leaf(Op.LITERAL, 1));
                }
            }
            case 'E' -> pos += 2; // a stray \E is ignored, as in Go
            default -> {
                skipEscape();
                push(Node.leaf(Op.LEAF, 0));
            }
        }
    }

    /** Skips one escape sequence starting at the backslash. */
    private void skipEscape() {
        char c = peek(1);
        if ((c == 'p' || c == 'P' || c == 'x') && at(2, '{')) {
            int end = expr.indexOf('}', pos + 2);
            if (end < 0) {
                throw new GiveUp();
            }
            pos = end + 1;
        } else if (c == 'x') {
            pos += 4;
        } else if (c >= '0' && c <= '7') {
            int i = pos + 2;
            while (i < expr.length() && i < pos + 4 && expr.charAt(i) >= '0' && expr.charAt(i) <= '7') {
                i++;
            }
            pos = i;
        } else {
            pos += 1 + Character.charCount(expr.codePointAt(pos + 1));
        }
    }

    /** Skips a character class {@code [...]}, as Go's {@code parseClass} reads it. */
    private void skipClass() {
        pos++;
        if (at(0, '^')) {
            pos++;
        }
        boolean first = true;
        while (true) {
            char c = peek(0);
            if (c == ']' && !first) {
                pos++;
                return;
            }
            first = false;
            if (c == '[' && at(1, ':')) {
                int end = expr.indexOf(":]", pos + 2);
                if (end >= 0) {
                    pos = end + 2;
                    continue;
                }
            }
            if (c == '\\') {
                skipEscape();
            } else {
                pos += Character.charCount(expr.codePointAt(pos));
            }
        }
    }
}
