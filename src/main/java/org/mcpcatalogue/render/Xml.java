package org.mcpcatalogue.render;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XML files (sitemap, feed) written with the JDK's {@link XMLStreamWriter}, which escapes markup; characters that
 * XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE and U+FFFF) are removed first, because no escape
 * can carry them.
 */
final class Xml {

    /** Writes the body of a document. */
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Xml() {
    }

    /** A UTF-8 document: the declaration, a line break, the body, a final line break. */
    static String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w;
            synchronized (FACTORY) {
                w = FACTORY.createXMLStreamWriter(out);
            }
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    /** {@code <name>text</name>}, the text made legal. */
    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text(text));
        w.writeEndElement();
    }

    /**
     * Opens an Atom 1.0 feed and writes its head: title, id, the self link and the page it mirrors, the date it was
     * last updated (midnight UTC of {@code updatedDate}) and its author; the caller writes the entries and closes
     * the {@code feed} element.
     */
    static void atomHead(XMLStreamWriter w, String title, String id, String self, String page, String updatedDate,
                         String author) throws XMLStreamException {
        w.writeStartElement("feed");
        w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        w.writeCharacters("\n  ");
        element(w, "title", title);
        w.writeCharacters("\n  ");
        element(w, "id", id);
        w.writeCharacters("\n  ");
        w.writeEmptyElement("link");
        w.writeAttribute("rel", "self");
        w.writeAttribute("href", text(self));
        w.writeCharacters("\n  ");
        w.writeEmptyElement("link");
        w.writeAttribute("href", text(page));
        w.writeCharacters("\n  ");
        element(w, "updated", updatedDate + "T00:00:00Z");
        w.writeCharacters("\n  ");
        w.writeStartElement("author");
        element(w, "name", author);
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** {@code s} without the characters XML 1.0 cannot hold. */
    static String text(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!legal && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (legal && b != null) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }
}
