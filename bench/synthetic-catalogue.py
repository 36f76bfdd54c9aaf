#!/usr/bin/env python3
"""Writes a synthetic catalogue of SERVERS servers into DIR/servers/ for the build benchmark
(bench/run.sh, docs/performance.md).

Usage: bench/synthetic-catalogue.py SERVERS TOOLS_PER_SERVER DIR
           [--distribution real|uniform] [--total-tools N] [--seed N] [--poisoned-share F]

--distribution real (the default) draws every server from the shape of the real catalogue, as measured by
bench/catalogue-stats.py into bench/distributions.json (committed, so neither the catalogue nor the test
corpus is read here): tools per server (the real catalogue's counts, scaled so that the mean is
TOOLS_PER_SERVER), description lengths, tool-name verbs and nouns and their spelling, parameters per tool,
schema depth, property types and names, the shares of descriptions, enums, bounds, required properties,
titles, annotations and output schemas, server tags, and the share of servers whose tools form a flow
(untrusted content + private data + a way out). A share of tool descriptions (--poisoned-share, default
0.002, a choice rather than a measurement) is taken from the poisoning test corpus. The catalogue holds
exactly round(SERVERS x TOOLS_PER_SERVER) tools, or --total-tools N (at least one per server);
TOOLS_PER_SERVER may be a fraction (28000 5.357 gives 150,000 tools, as does --total-tools 150000).

--distribution uniform writes the earlier fixed shape, byte for byte: every server has TOOLS_PER_SERVER
tools with the names and verbs of ../shared/bench/hugo-baseline.sh.

The output depends only on the arguments: a fixed seed (--seed, default 11), no clock, no hash order, so
the same arguments give byte-identical files. Server NNNNN is server-NNNNN.yaml; files of that pattern left
in DIR/servers by an earlier run are removed, and any other file there is reported.
"""
import argparse
import bisect
import itertools
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OWN_FILE = re.compile(r"^server-\d{5,}\.yaml$")
MAX_FILE = 1024 * 1024  # the loader refuses larger files


def usage(msg):
    sys.stderr.write(f"synthetic-catalogue: {msg}\n")
    sys.exit(2)


# --- the fixed shape of the earlier generator (kept byte for byte) ---

def uniform_server(s, tools):
    verbs = ["get", "create", "run", "delete", "transfer"]
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
    return slug, "\n".join(lines) + "\n"


# --- the shape of the real catalogue ---

def q(s):
    """A YAML double-quoted scalar. Control, invisible, bidi and other hidden characters are escaped (the
    loader refuses them raw, but keeps them, with a warning, in descriptions when escaped)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or 0x7F <= o <= 0x9F or unicodedata.category(ch) in ("Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(f"\\u{o:04X}" if o <= 0xFFFF else f"\\U{o:08X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class Weighted:
    """Draws keys in proportion to their counts (keys in sorted order, so the draw is reproducible)."""

    def __init__(self, counts):
        self.keys = sorted(counts)
        self.cum = list(itertools.accumulate(counts[k] for k in self.keys))

    def draw(self, rng):
        return self.keys[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


class Shape:
    def __init__(self, d):
        self.d = d
        self.verbs = Weighted(d["verbs"])
        self.nouns = Weighted(d["nouns"])
        self.nouns_per_name = Weighted({int(k): v for k, v in d["nouns_per_name"].items()})
        styles = {k: v for k, v in d["name_style"].items() if k != "single"}
        self.styles = Weighted(styles)
        self.words = Weighted(d["description_words"])
        self.tags = Weighted(d["tags"])
        self.tags_per_server = Weighted({int(k): v for k, v in d["tags_per_server"].items()})
        self.params = Weighted({int(k): v for k, v in d["parameters_per_tool"].items()})
        # Depth is drawn for tools with parameters only (one without is depth 1): leave those out of level 1.
        depth = {int(k): v for k, v in d["schema_depth"].items()}
        depth[1] -= d["parameters_per_tool"].get("0", 0)
        self.depth = Weighted(depth)
        # Flows need three tools: the share among servers that have three.
        tps = d["tools_per_server"]
        self.p_flow = min(1.0, d["share_flow_servers"] * len(tps) / sum(1 for n in tps if n >= 3))
        self.types = Weighted(d["property_types"])
        self.pnames = Weighted(d["property_names"])
        self.enum_sizes = Weighted({int(k): v for k, v in d["enum_sizes"].items() if int(k) > 0})
        t = d["property_types"]
        n_props = sum(t.values())
        # Enums go on strings and bounds on numbers here, at the measured share of all properties.
        self.p_enum = min(1.0, d["share_enum"] * n_props / t["string"])
        self.p_bounds = min(1.0, d["share_bounds"] * n_props / (t["integer"] + t["number"]))
        annotated = d["share_annotations"] * d["tools"]
        self.hints = {}
        for h, c in sorted(d["hints"].items()):
            present = c.get("true", 0) + c.get("false", 0)
            self.hints[h] = (present / annotated, c.get("true", 0) / present)
        self.flow = d["flow_vocabulary"]

    def text(self, rng, length, start=""):
        """Prose of about `length` characters: sentences of the catalogue's description words."""
        parts, size = [], 0
        if start:
            parts.append(start + ".")
            size = len(parts[0])
        while size < length:
            n = rng.randint(5, 16)
            words = [self.words.draw(rng) for _ in range(n)]
            sentence = " ".join(words).capitalize() + "."
            parts.append(sentence)
            size += len(sentence) + 1
        s = " ".join(parts)
        if len(s) > length and length > 0:
            cut = s.rfind(" ", 0, length)
            s = (s[:cut] if cut > 0 else s[:length]).rstrip(".,") + "."
        return s


def flow_kinds(f, words):
    """The flow kinds a tool name's words suggest, by the rules' `flows:` vocabulary (as catalogue-stats.py
    reads them)."""
    kinds = set()
    if words[0] in f["untrusted"]["verbs"] or any(w in f["untrusted"]["nouns"] for w in words[1:]):
        kinds.add("untrusted")
    if any(w in f["private"]["nouns"] for w in words[1:]):
        kinds.add("private")
    if words[0] in f["outbound"]["verbs"]:
        kinds.add("outbound")
    return kinds


def spell(words, style):
    if style == "kebab":
        return "-".join(words)
    if style == "camel":
        return words[0] + "".join(w.capitalize() for w in words[1:])
    if style == "dotted":
        return ".".join(words)
    return "_".join(words)


def allocate(rng, shape, servers, total):
    """Tools per server: the real counts, drawn per server, scaled to sum to `total` (at least 1 each)."""
    raw = [rng.choice(shape.d["tools_per_server"]) for _ in range(servers)]
    scale = total / sum(raw)
    exact = [r * scale for r in raw]
    n = [max(1, int(x)) for x in exact]
    diff = total - sum(n)
    if diff > 0:
        order = sorted(range(servers), key=lambda i: (-(exact[i] - int(exact[i])), i))
        for k in range(diff):
            n[order[k % servers]] += 1
    while diff < 0:
        for i in sorted(range(servers), key=lambda i: (-n[i], i)):
            if diff == 0 or n[i] <= 1:
                break
            n[i] -= 1
            diff += 1
    return n


def schema_lines(rng, shape, indent, n_params, depth):
    """The YAML lines of an object schema with n_params properties, nested depth levels deep."""
    pad = " " * indent
    lines = [f"{pad}type: object"]
    if n_params == 0:
        return lines
    lines.append(f"{pad}properties:")
    names, required = [], []
    while len(names) < n_params:
        name = shape.pnames.draw(rng)
        if name in names:
            name = f"{name}_{len(names)}"
        names.append(name)
    for i, name in enumerate(names):
        p = " " * (indent + 2)
        lines.append(f"{p}{q(name)}:")
        inner = " " * (indent + 4)
        ty = "object" if (i == 0 and depth > 1) else shape.types.draw(rng)
        if ty == "object" and i == 0 and depth > 1:
            lines += schema_lines(rng, shape, indent + 4, rng.randint(1, 3), depth - 1)
        elif ty == "object":
            lines.append(f"{inner}type: object")  # a free-form object: its depth is the schema-depth draw's
        elif ty == "array":
            lines += [f"{inner}type: array", f"{inner}items: {{type: string}}"]
        elif ty == "other":
            pass  # an untyped property: anything goes
        else:
            lines.append(f"{inner}type: {ty}")
            if ty == "string" and rng.random() < shape.p_enum:
                size = shape.enum_sizes.draw(rng)
                values = []
                while len(values) < size:
                    v = shape.words.draw(rng)
                    values.append(v if v not in values else f"{v}-{len(values)}")
                lines.append(f"{inner}enum: [{', '.join(q(v) for v in values)}]")
            elif ty in ("integer", "number") and rng.random() < shape.p_bounds:
                lines += [f"{inner}minimum: {rng.choice([0, 1])}",
                          f"{inner}maximum: {rng.choice([10, 50, 100, 500, 1000, 10000])}"]
        if rng.random() < shape.d["share_property_description"]:
            length = rng.choice(shape.d["property_description_length"])
            lines.append(f"{inner}description: {q(shape.text(rng, length))}")
        if ty == "other" and lines[-1].endswith(":"):
            lines.append(f"{inner}description: {q('Any value.')}")
        if rng.random() < shape.d["share_required"]:
            required.append(name)
    if required:
        lines.append(f"{pad}required: [{', '.join(q(r) for r in required)}]")
    return lines


def real_server(s, n_tools, shape, seed, poisoned_share):
    rng = random.Random(f"{seed}:{s}")  # a string seed is hashed with SHA-512: the same on every run
    d = shape.d
    slug = f"server-{s:05d}"
    title = " ".join(shape.nouns.draw(rng).capitalize() for _ in range(2))
    tags = []
    for _ in range(shape.tags_per_server.draw(rng)):
        t = shape.tags.draw(rng)
        if t not in tags:
            tags.append(t)
    lines = [f"slug: {slug}", f"name: {q(f'{title} {s}')}", "publisher: bench",
             f"repository: https://github.com/bench/{slug}",
             f"description: {q(shape.text(rng, rng.choice(d['server_description_length'])))}"]
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    lines += [f"verified: 2025-{1 + s % 12:02d}-{1 + s % 28:02d}",
              f"source: bench/synthetic-catalogue.py --distribution real --seed {seed}", "tools:"]
    # Flow servers: the measured share gets a tool of each kind (untrusted content, private data, a way
    # out); every other server leaves one kind out, so that independent draws do not add flows of their own.
    f = shape.flow
    fixed, missing = [], None
    if n_tools >= 3 and rng.random() < shape.p_flow:
        fixed = [[rng.choice(f["untrusted"]["verbs"]), rng.choice(f["untrusted"]["nouns"])],
                 ["read", rng.choice(f["private"]["nouns"])],
                 [rng.choice(f["outbound"]["verbs"]), rng.choice(f["untrusted"]["nouns"])]]
    else:
        missing = rng.choice(["untrusted", "private", "outbound"])
    slugs = set()
    for t in range(n_tools):
        if t < len(fixed):
            words, style = fixed[t], "snake"
        else:
            for _ in range(100):
                words = [shape.verbs.draw(rng)] + [shape.nouns.draw(rng) for _ in range(shape.nouns_per_name.draw(rng))]
                if missing is None or missing not in flow_kinds(f, words):
                    break
            style = shape.styles.draw(rng) if len(words) > 1 else "snake"
        name = spell(words, style)[:120]
        base, k = name, 2
        while re.sub(r"[_.]", "-", name.lower()) in slugs:
            name, k = f"{base}_{k}", k + 1
        slugs.add(re.sub(r"[_.]", "-", name.lower()))
        lines.append(f"  - name: {q(name)}")
        if rng.random() < d["share_title"]:
            lines.append(f"    title: {q(' '.join(w.capitalize() for w in words))}")
        length = rng.choice(d["tool_description_length"])
        if rng.random() < poisoned_share:
            lines.append(f"    description: {q(rng.choice(d['poisoned_descriptions'])['description'])}")
        elif length > 0:
            lines.append(f"    description: {q(shape.text(rng, length, ' '.join(words).capitalize()))}")
        n_params = shape.params.draw(rng)
        depth = shape.depth.draw(rng) if n_params > 0 else 1
        lines.append("    inputSchema:")
        lines += schema_lines(rng, shape, 6, n_params, depth)
        if rng.random() < d["share_output_schema"]:
            lines += ["    outputSchema:", "      type: object", "      properties:",
                      "        result: {type: string}"]
        if rng.random() < d["share_annotations"]:
            hints = [(h, rng.random() < pt) for h, (pp, pt) in shape.hints.items() if rng.random() < pp]
            if not hints:
                hints = [("readOnlyHint", rng.random() < shape.hints["readOnlyHint"][1])]
            lines.append("    annotations:")
            lines += [f"      {h}: {'true' if v else 'false'}" for h, v in hints]
    text = "\n".join(lines) + "\n"
    if len(text.encode("utf-8")) > MAX_FILE:
        sys.stderr.write(f"synthetic-catalogue: {slug}.yaml would be over 1 MiB ({n_tools} tools): "
                         "use more servers or fewer tools\n")
        sys.exit(1)
    return slug, text


def main():
    ap = argparse.ArgumentParser(
        usage="%(prog)s SERVERS TOOLS_PER_SERVER DIR [--distribution real|uniform] [--total-tools N] "
              "[--seed N] [--poisoned-share F]",
        description="Writes a synthetic catalogue into DIR/servers/ (see the module's docstring).")
    ap.add_argument("servers", type=int)
    ap.add_argument("tools_per_server", type=float)
    ap.add_argument("dir")
    ap.add_argument("--distribution", choices=["real", "uniform"], default="real")
    ap.add_argument("--total-tools", type=int, default=None)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--poisoned-share", type=float, default=0.002)
    ap.add_argument("--distributions", default=os.path.join(HERE, "distributions.json"))
    a = ap.parse_args()
    if a.servers < 1:
        usage("SERVERS must be at least 1")
    total = a.total_tools if a.total_tools is not None else round(a.servers * a.tools_per_server)
    if a.distribution == "uniform":
        if a.tools_per_server != int(a.tools_per_server) or a.total_tools is not None:
            usage("--distribution uniform needs a whole TOOLS_PER_SERVER and no --total-tools")
    elif total < a.servers:
        usage(f"{total} tools cannot give each of {a.servers} servers a tool")
    if not 0 <= a.poisoned_share <= 1:
        usage("--poisoned-share must be between 0 and 1")

    out = os.path.join(a.dir, "servers")
    os.makedirs(out, exist_ok=True)
    written = set()
    if a.distribution == "uniform":
        for s in range(a.servers):
            slug, text = uniform_server(s, int(a.tools_per_server))
            with open(os.path.join(out, slug + ".yaml"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            written.add(slug + ".yaml")
    else:
        try:
            with open(a.distributions, encoding="utf-8") as f:
                shape = Shape(json.load(f))
        except OSError as e:
            usage(f"cannot read {a.distributions}: {e.strerror}")
        counts = allocate(random.Random(a.seed), shape, a.servers, total)
        for s in range(a.servers):
            slug, text = real_server(s, counts[s], shape, a.seed, a.poisoned_share)
            with open(os.path.join(out, slug + ".yaml"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            written.add(slug + ".yaml")
    others = []
    for name in sorted(os.listdir(out)):
        if name in written:
            continue
        if OWN_FILE.match(name):
            os.remove(os.path.join(out, name))  # an earlier, larger run of this generator
        else:
            others.append(name)
    if others:
        sys.stderr.write(f"synthetic-catalogue: warning: {out} also holds {len(others)} other file(s), "
                         f"e.g. {others[0]}: the catalogue is not only the synthetic one\n")


if __name__ == "__main__":
    main()
