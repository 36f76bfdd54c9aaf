#!/usr/bin/env python3
"""Writes a synthetic catalogue of SERVERS x TOOLS into DIR/servers/, mirroring the Hugo baseline of
../shared/bench/hugo-baseline.sh (the same servers, tools and verbs), for the build benchmark in
docs/performance.md.

Usage: bench/synthetic-catalogue.py SERVERS TOOLS_PER_SERVER DIR
"""
import os
import sys

servers, tools, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
verbs = ["get", "create", "run", "delete", "transfer"]
os.makedirs(os.path.join(out, "servers"), exist_ok=True)
for s in range(servers):
    slug = f"server-{s:05d}"
    lines = [f"slug: {slug}", f'name: "Server {s}"', "publisher: bench",
             f"repository: https://github.com/bench/{slug}",
             f"description: Server {s} provides {tools} tools for testing the catalogue.",
             "tags: [bench]", f"verified: 2026-{1 + s % 12:02d}-{1 + s % 28:02d}",
             "source: bench/synthetic-catalogue.py", "tools:"]
    for t in range(tools):
        k = (s + t) % 5
        name = f"{verbs[k]}_thing_{t}"
        lines += [f"  - name: {name}",
                  f"    description: {verbs[k].capitalize()} a thing number {t} on server {s}."
                  " This tool can modify resources and should be rate limited.",
                  "    inputSchema:", "      type: object", "      properties:",
                  "        id: {type: string, description: The thing}",
                  "        count: {type: integer, minimum: 1, maximum: 10}",
                  "      required: [id]"]
    with open(os.path.join(out, "servers", slug + ".yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
