package org.mcpcatalogue.render;

/** A page to render: its output path, the template, and the context. */
record PageJob(String path, String template, Object context) {
}
