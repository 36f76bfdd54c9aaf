package org.mcpcatalogue.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site's mustache templates ({@code templates/*.mustache}), compiled once and rendered from many threads.
 * Rendering is strict: a tag whose name the context does not have is an error naming {@code template:line},
 * so a typo in a template fails the build instead of leaving a hole in a page.
 */
public final class Templates {

    /** A name a template uses that the context does not provide. */
    public static final class MissingValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingValueException(String message) {
            super(message);
        }
    }

    private final Map<String, Mustache> compiled = new TreeMap<>();

    /** Compiles every {@code *.mustache} in {@code dir}. */
    public Templates(Path dir) {
        StrictFactory factory = new StrictFactory(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".mustache")).sorted().toList()) {
                String name = p.getFileName().toString();
                try {
                    compiled.put(name.substring(0, name.length() - ".mustache".length()), factory.compile(name));
                } catch (MustacheException e) {
                    throw new IllegalArgumentException("templates/" + name + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String name) {
        return compiled.containsKey(name);
    }

    /** Renders template {@code name} (without {@code .mustache}) with {@code context}. */
    public String render(String name, Object context) {
        Mustache m = compiled.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no template templates/" + name + ".mustache");
        }
        StringWriter out = new StringWriter();
        try {
            m.execute(out, context).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MustacheException e) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof MissingValueException missing) {
                    throw missing;
                }
                c = c.getCause();
            }
            throw e;
        }
        return out.toString();
    }

    private static final class StrictFactory extends DefaultMustacheFactory {
        StrictFactory(Path dir) {
            super(dir.toFile());
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    list.add(new ValueCode(tc, df, variable, encoded) {
                        @Override
                        public Writer execute(Writer writer, List<Object> scopes) {
                            require(this, tc, variable, scopes);
                            return super.execute(writer, scopes);
                        }
                    });
                }

                @Override
                public void iterable(TemplateContext tc, String variable, Mustache mustache) {
                    list.add(new IterableCode(tc, df, mustache, variable) {
                        @Override
                        public Writer execute(Writer writer, List<Object> scopes) {
                            require(this, tc, variable, scopes);
                            return super.execute(writer, scopes);
                        }
                    });
                }

                @Override
                public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
                    list.add(new NotIterableCode(tc, df, mustache, variable) {
                        @Override
                        public Writer execute(Writer writer, List<Object> scopes) {
                            require(this, tc, variable, scopes);
                            return super.execute(writer, scopes);
                        }
                    });
                }
            };
        }

        private static void require(com.github.mustachejava.codes.DefaultCode code, TemplateContext tc, String variable,
                                    List<Object> scopes) {
            if (!variable.equals(".") && code.get(scopes) == null) {
                throw new MissingValueException("templates/" + tc.file() + ":" + tc.line()
                        + ": the context has no value for {{" + variable + "}}");
            }
        }
    }
}
