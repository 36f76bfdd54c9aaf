package org.mcpcatalogue.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.mcpcatalogue.serve.SiteBuilder;

/**
 * {@code catalogue serve}'s builder today: a full {@code catalogue build} of the request, run in this JVM exactly as
 * the command line runs it (so its messages, checks and atomic publish are the build's own). The one place to
 * re-point when the build's orchestration has a package of its own, or an incremental build.
 */
public final class BuildCommandSiteBuilder implements SiteBuilder {

    @Override
    public Result build(Request request) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build",
                "--catalogue", request.catalogue().toString(),
                "--templates", request.templates().toString(),
                "--out", request.outDir().toString(),
                "--base-url", request.baseUrl());
        return new Result(code == Main.OK, lines(err), lines(out));
    }

    private static List<String> lines(StringWriter text) {
        return text.toString().lines().toList();
    }
}
