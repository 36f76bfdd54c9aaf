package org.mcpcatalogue.yaml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that never fills a caller's whole buffer in one read. snakeyaml-engine 3.0.1 reads into a buffer one
 * char larger than its window and, when the last char read is a high surrogate, reads the low one into the slot
 * after it: past the end of the array when the first read filled it, so a file with a character outside the BMP
 * at that offset (every 1025 chars) failed with an IndexOutOfBoundsException. Short reads are allowed by the
 * {@link Reader} contract and leave that slot free. Every snakeyaml-engine parse in the project reads through it.
 */
public final class ShortReads extends FilterReader {

    public ShortReads(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, length > 1 ? length - 1 : length);
    }
}
