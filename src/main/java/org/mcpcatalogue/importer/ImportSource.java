package org.mcpcatalogue.importer;

/** One place a server's facts and tools can be imported from. */
public interface ImportSource {

    /** Reads the source. */
    Imported read() throws ImportException;
}
