package org.mcpcatalogue.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.mcpcatalogue.diag.Diagnostics;
import org.mcpcatalogue.diag.Location;
import org.mcpcatalogue.load.LoadedServer;
import org.mcpcatalogue.text.HiddenText;

/**
 * A server's description is Markdown that becomes part of its page, and the page checker stops the whole build
 * on a link it refuses, naming only the generated page. So the links are checked here, each at its own line
 * and column when the description is a literal block ({@code |}), else at the description's position: a
 * destination must be a valid URL; a link title may not hold quotes, angle brackets, line breaks or other control
 * characters, which only an attempt to break out of the title attribute needs. What the page changes is a
 * warning: schemes other than {@code http}, {@code https} and {@code mailto} are dropped, an upper-case scheme is
 * written in lower case, and a link that is not a full URL (a relative path, a fragment, {@code //host}) keeps
 * only its text, since a third party's description must not pose as the catalogue's own navigation.
 */
final class DescriptionLinkCheck implements Check {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    /** Parsed as the site parses descriptions (see render.Markdown). */
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    @Override
    public void check(List<LoadedServer> servers, Diagnostics out) {
        for (LoadedServer s : servers) {
            Optional<Location> content = s.positions().find("/description@content");
            s.positions().find("/description").ifPresent(at -> parser.parse(s.server().description()).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    check("link", link.getDestination(), link.getTitle(), place(link, at, content), out);
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    check("image", image.getDestination(), image.getTitle(), place(image, at, content), out);
                    visitChildren(image);
                }
            }));
        }
    }

    /**
     * Where a link is in the file: on its own line and column when the description is a literal block ({@code |},
     * whose lines are the file's lines less their indentation), else where the description starts.
     */
    static Location place(Node node, Location description, Optional<Location> content) {
        if (content.isEmpty() || node.getSourceSpans().isEmpty()) {
            return description;
        }
        SourceSpan span = node.getSourceSpans().get(0);
        Location c = content.get();
        return new Location(c.file(), c.line() + span.getLineIndex(), c.column() + span.getColumnIndex());
    }

    private static void check(String what, String destination, String title, Location at, Diagnostics out) {
        String shown = HiddenText.quoted(destination);
        String d = destination.strip();
        int colon = d.indexOf(':');
        int slash = d.indexOf('/');
        boolean absolute = colon >= 0 && (slash < 0 || colon < slash);
        if (absolute) {
            String scheme = d.substring(0, colon);
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(lower)) {
                out.warning(at, "description: the " + what + " to " + shown + " uses the scheme " + HiddenText.quoted(scheme)
                        + ", which the page drops (only http, https and mailto are linked)");
                return;
            }
            if (!scheme.equals(lower)) {
                out.warning(at, "description: the " + what + " to " + shown + " writes its scheme in upper case; the"
                        + " page writes it as " + lower + ":");
            }
        }
        URI uri;
        try {
            uri = new URI(destination);
        } catch (URISyntaxException e) {
            out.error(at, "description: the " + what + " to " + shown + " is not a valid URL (" + e.getReason()
                    + "); encode spaces and quotes as %20 and %22");
            return;
        }
        boolean empty = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getFragment() == null && uri.getHost() == null;
        if (!absolute && !empty) {
            out.warning(at, "description: the " + what + " to " + shown + " is not a full URL; a description is the"
                    + " server's own text, so the page keeps only the text of links into this site (write a full"
                    + " https:// URL)");
        }
        if (title != null && !title.isEmpty() && title.codePoints().anyMatch(c -> c == '"' || c == '<' || c == '>' || HiddenText.nameKindOf(c) != null)) {
            out.error(at, "description: the title " + HiddenText.quoted(title) + " of the " + what + " to " + shown
                    + " may not contain quotes, angle brackets, line breaks or control characters");
        }
    }
}
