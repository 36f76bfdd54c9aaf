package org.mcpcatalogue.render.search;

/**
 * Sorted document numbers as a compact string: the first number, then each gap minus one, each written as 5-bit
 * groups, most significant first, one character per group from a 64-character alphabet that needs no escaping in
 * JSON or JavaScript; the characters of the upper half mark "more groups follow". search.js decodes it.
 */
final class Vlq {

    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    private Vlq() {
    }

    /** Appends the sorted, distinct numbers {@code ids[0..n)}. */
    static void encode(int[] ids, int n, StringBuilder out) {
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int v = ids[i] - previous - 1;
            if (v < 0) {
                throw new IllegalArgumentException("document numbers not ascending: " + ids[i] + " after " + previous);
            }
            previous = ids[i];
            writeNumber(v, out);
        }
    }

    static void writeNumber(int v, StringBuilder out) {
        int shift = 0;
        while ((v >>> (shift + 5)) != 0) {
            shift += 5;
        }
        for (; shift > 0; shift -= 5) {
            out.append(ALPHABET.charAt(32 + ((v >>> shift) & 31)));
        }
        out.append(ALPHABET.charAt(v & 31));
    }

    /** The inverse of {@link #encode} (tests). */
    static int[] decode(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        int previous = -1;
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = ALPHABET.indexOf(s.charAt(i));
            if (c < 0) {
                throw new IllegalArgumentException("not a posting character: " + s.charAt(i));
            }
            v = (v << 5) | (c & 31);
            if (c < 32) {
                previous = previous + 1 + v;
                out[n++] = previous;
                v = 0;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
