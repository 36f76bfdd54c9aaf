package org.mcpcatalogue.text;

import java.util.Locale;

/** Sizes of files as people read them in messages: {@code 512 bytes}, {@code 12 KiB}, {@code 1.5 MiB}. */
public final class ByteSize {

    private ByteSize() {
    }

    public static String of(long bytes) {
        if (bytes >= 1 << 20) {
            double mib = bytes / (double) (1 << 20);
            return (mib == Math.rint(mib) ? String.valueOf((long) mib) : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KiB";
        }
        return bytes + " bytes";
    }
}
