#!/usr/bin/env python3
"""Builds src/test/resources/classify/labelled-tools.yaml from hand-written judgements.

The judgements-*.yaml files next to this script hold the human decisions: which tools are
in the evaluation set, their label, the one-sentence reason and the hard flag. This script
decides nothing. It only looks each named tool up in the read-only reference sources and
copies its definition verbatim:

  mcp-tools  description, inputSchema and annotations from github-mcp-server.tools.json
  docker     description and annotations from <server>/tools.json; inputSchema copied when
             the tool has one, otherwise built from its `arguments` list (name, type, desc,
             items; an argument is required unless it says `optional: true`, or when it
             says `required: true`). A tool with no `arguments` key gets no inputSchema.
             For curl, docker and ffmpeg the tools live in server.yaml (`parameters` is
             copied as inputSchema).
  scaffold   the one-line description from the `#  name: description` comment above the
             tool in policylayer-scaffolds/<server>.yaml; no schema, no annotations.
  catalogue  title, description, inputSchema, outputSchema and annotations from
             catalogue/servers/<stem>.yaml of this repository (judgements-catalogue-*.yaml and judgements-holdout-*.yaml,
             every file matching that glob). These go to a second output file,
             labelled-catalogue.yaml, and each entry gets `split: dev` or `split: test`,
             decided by the judgements file (see split_of and docs/labelling.md).
             A tool already in CATALOGUE_OUTPUT_FILE keeps the definition written
             there (the one its labeller read), even if a later import changed it.

Usage: build_labelled_tools.py REFERENCE_DIR OUTPUT_FILE [CATALOGUE_OUTPUT_FILE]

With a third argument the catalogue set is written too (to CATALOGUE_OUTPUT_FILE, normally
src/test/resources/classify/labelled-catalogue.yaml); OUTPUT_FILE is rewritten either way.
"""
import collections
import copy
import glob
import hashlib
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ("Read", "Write", "Execute", "Destructive", "Financial")
SOURCES = ("github", "docker", "scaffold")


REPO = os.path.dirname(os.path.dirname(HERE))
CATALOGUE_SERVERS = os.path.join(REPO, "catalogue", "servers")
CATALOGUE_FIELDS = ("title", "description", "inputSchema", "outputSchema", "annotations")
SPLITS = ("dev", "test")


def fail(msg):
    sys.exit("error: " + msg)


def load_judgements(name):
    with open(os.path.join(HERE, f"judgements-{name}.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    return doc


def github_tools(ref):
    with open(os.path.join(ref, "mcp-tools", "github-mcp-server.tools.json"), encoding="utf-8") as f:
        return {t["name"]: t for t in json.load(f)["tools"]}


def docker_tool(ref, server, name):
    base = os.path.join(ref, "docker-mcp-registry", server)
    tools_json = os.path.join(base, "tools.json")
    if os.path.exists(tools_json):
        with open(tools_json, encoding="utf-8") as f:
            for t in json.load(f):
                if t["name"] == name:
                    return "tools.json", t
    with open(os.path.join(base, "server.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    for t in doc.get("tools") or []:
        if t["name"] == name:
            return "server.yaml", t
    fail(f"docker tool {server}/{name} not found")


def schema_from_arguments(args):
    props = {}
    required = []
    for a in args:
        p = {"type": a["type"], "description": a["desc"]}
        if "items" in a:
            p["items"] = copy.deepcopy(a["items"])
        if a["name"] in props:
            fail(f"duplicate argument {a['name']}")
        props[a["name"]] = p
        if a.get("required") is True or (not a.get("optional", False) and a.get("required") is not False):
            required.append(a["name"])
    schema = {"type": "object", "properties": props}
    if required:
        schema["required"] = required
    return schema


SCAFFOLD_COMMENT = re.compile(r"^    #  ([^\s:][^:]*): (.*)$")
SCAFFOLD_KEY = re.compile(r"^    ([^\s#][^:]*):\s*$")


def scaffold_descriptions(ref, server):
    path = os.path.join(ref, "policylayer-scaffolds", f"{server}.yaml")
    out = {}
    pending = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = SCAFFOLD_COMMENT.match(line.rstrip("\n"))
            if m:
                pending = (m.group(1), m.group(2))
                continue
            m = SCAFFOLD_KEY.match(line.rstrip("\n"))
            if m:
                name = m.group(1)
                if pending is None or pending[0] != name:
                    fail(f"{server}: tool {name} has no matching description comment")
                out[name] = pending[1]
                pending = None
    return out


def entry(server, source, name, description, schema, annotations, j):
    label = j["l"]
    if label not in LABELS:
        fail(f"{server}/{name}: unknown label {label}")
    reason = j["r"].strip()
    if not reason:
        fail(f"{server}/{name}: empty reason")
    e = {"server": server, "source": source, "name": name, "description": description}
    if schema is not None:
        e["inputSchema"] = copy.deepcopy(schema)
    if annotations is not None:
        e["annotations"] = copy.deepcopy(annotations)
    e["label"] = label
    e["reason"] = reason
    if j.get("h"):
        e["hard"] = True
    return e


def build(ref):
    entries = []
    gh = github_tools(ref)
    doc = load_judgements("github")
    for j in doc["tools"]:
        t = gh.get(j["n"]) or fail(f"github tool {j['n']} not found")
        entries.append(entry(doc["server"], "mcp-tools", t["name"], t["description"],
                             t.get("inputSchema"), t.get("annotations"), j))

    for j in load_judgements("docker")["tools"]:
        kind, t = docker_tool(ref, j["s"], j["n"])
        if kind == "server.yaml":
            schema = t.get("parameters")
        elif "inputSchema" in t:
            schema = t["inputSchema"]
        elif "arguments" in t:
            schema = schema_from_arguments(t["arguments"])
        else:
            schema = None
        entries.append(entry(j["s"], "docker", t["name"], t["description"], schema, t.get("annotations"), j))

    cache = {}
    for j in load_judgements("scaffold")["tools"]:
        if j["s"] not in cache:
            cache[j["s"]] = scaffold_descriptions(ref, j["s"])
        desc = cache[j["s"]].get(j["n"]) or fail(f"scaffold tool {j['s']}/{j['n']} not found")
        entries.append(entry(j["s"], "scaffold", j["n"], desc, None, None, j))

    seen = set()
    for e in entries:
        key = (e["source"], e["server"], e["name"])
        if key in seen:
            fail(f"duplicate entry {key}")
        seen.add(key)
    return entries


def split_of(origin):
    """dev or test, from the judgements file alone, so that whole servers fall on one side.

    The test split is the holdout: judgements-holdout-*.yaml, the tools select_holdout.py chose
    from servers nobody had labelled (holdout-3.tsv), labelled before any rule was changed for
    classifier v3. Everything in judgements-catalogue-*.yaml is dev. The two earlier test splits
    (a stem-hash rule: test when the first 8 hex digits of the stem's SHA-256 are 0 or 1 modulo 5)
    were each measured once and reported (docs/labelling.md, "Test splits"); their misses were read
    afterwards, so they are spent and belong to dev now."""
    return "test" if origin.startswith("judgements-holdout-") else "dev"


def catalogue_tools(stem, cache):
    if stem not in cache:
        path = os.path.join(CATALOGUE_SERVERS, f"{stem}.yaml")
        if not os.path.isfile(path):
            fail(f"catalogue server {stem}: no file {path}")
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        tools = {}
        for t in doc.get("tools") or []:
            if t["name"] in tools:
                fail(f"catalogue server {stem}: tool {t['name']} defined twice")
            tools[t["name"]] = t
        cache[stem] = tools
    return cache[stem]


def load_catalogue_judgements():
    files = sorted(glob.glob(os.path.join(HERE, "judgements-catalogue-*.yaml"))
                   + glob.glob(os.path.join(HERE, "judgements-holdout-*.yaml")))
    if not files:
        fail("no judgements-catalogue-*.yaml files next to the script")
    out = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict) or doc.get("source") != "catalogue" or not isinstance(doc.get("tools"), list):
            fail(f"{path}: expected a mapping with source: catalogue and a tools: list")
        for j in doc["tools"]:
            if not isinstance(j, dict) or not isinstance(j.get("s"), str) or not isinstance(j.get("n"), str):
                fail(f"{os.path.basename(path)}: judgement {j!r} needs s (server stem) and n (tool name)")
            if not isinstance(j.get("l"), str) or not isinstance(j.get("r"), str):
                fail(f"{os.path.basename(path)}: {j['s']}/{j['n']}: needs l (label) and r (reason)")
            if "h" in j and j["h"] is not True:
                fail(f"{os.path.basename(path)}: {j['s']}/{j['n']}: h is either true or absent")
            unknown = set(j) - {"s", "n", "l", "r", "h"}
            if unknown:
                fail(f"{os.path.basename(path)}: {j['s']}/{j['n']}: unknown keys {sorted(unknown)}")
            out.append((os.path.basename(path), j))
    return out


def previous_definitions(path):
    """The definitions the labellers read: (server, name) -> tool fields, from the catalogue set
    already written at PATH (empty when there is none). A judgement keeps the definition it was
    made on; a later import that changes or drops the tool in catalogue/servers/ does not move it."""
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f) or []
    out = {}
    for e in doc:
        out[(e["server"], e["name"])] = {k: e[k] for k in ("name",) + CATALOGUE_FIELDS if k in e}
    return out


def build_catalogue(known_tools, previous=None):
    """The catalogue set. known_tools: (name, description) pairs already in labelled-tools.yaml,
    which are refused here so that no tool is counted in both sets. previous: the definitions of an
    earlier run (previous_definitions), kept for the tools it has."""
    previous = previous or {}
    cache = {}
    entries = []
    seen = {}
    for origin, j in load_catalogue_judgements():
        stem, name = j["s"], j["n"]
        key = (stem, name)
        if key in seen:
            fail(f"duplicate judgement for catalogue tool {stem}/{name} (in {seen[key]} and {origin})")
        seen[key] = origin
        t = previous.get(key) or catalogue_tools(stem, cache).get(name) \
            or fail(f"{origin}: unknown catalogue tool {stem}/{name}")
        if (t["name"], t.get("description", "")) in known_tools:
            fail(f"{origin}: catalogue tool {stem}/{name} is already in labelled-tools.yaml")
        e = entry(stem, "catalogue", t["name"], t.get("description", ""), t.get("inputSchema"),
                  t.get("annotations"), j)
        if "title" in t:
            e = {**{k: e[k] for k in ("server", "source", "name")}, "title": t["title"],
                 **{k: v for k, v in e.items() if k not in ("server", "source", "name")}}
        if "outputSchema" in t:
            items = list(e.items())
            at = [k for k, _ in items].index("label")
            items.insert(at, ("outputSchema", copy.deepcopy(t["outputSchema"])))
            e = dict(items)
        e["split"] = split_of(origin)
        entries.append(e)
    return entries


def print_counts(title, entries, by):
    counts = collections.Counter((e[by], e["label"]) for e in entries)
    groups = sorted({e[by] for e in entries})
    print(f"{title}: {len(entries)} tools from {len({e['server'] for e in entries})} servers")
    print(f"  {'':8}" + "".join(f"{lab:>12}" for lab in LABELS) + f"{'total':>8}{'servers':>9}")
    for g in groups:
        row = [counts[(g, lab)] for lab in LABELS]
        servers = len({e["server"] for e in entries if e[by] == g})
        print(f"  {g:8}" + "".join(f"{n:>12}" for n in row) + f"{sum(row):>8}{servers:>9}")
    total = [sum(counts[(g, lab)] for g in groups) for lab in LABELS]
    print(f"  {'all':8}" + "".join(f"{n:>12}" for n in total) + f"{sum(total):>8}")
    hard = collections.Counter(e["label"] for e in entries if e.get("hard"))
    print(f"  {'hard':8}" + "".join(f"{hard[lab]:>12}" for lab in LABELS) + f"{sum(hard.values()):>8}")


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # never emit anchors/aliases (the project's reader refuses them)
        return True


def str_representer(dumper, value):
    if "\n" in value and not any(line != line.rstrip() for line in value.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


Dumper.add_representer(str, str_representer)

HEADER = """\
# Labelled evaluation set for the MCP tool classifier.
# Every label, reason and hard flag is a human judgement (see docs/labelling.md);
# descriptions, inputSchemas and annotations are copied verbatim from the sources named
# in /work/shared/reference/README.md (github/github-mcp-server MIT, docker/mcp-registry MIT,
# policylayer/intercept Apache-2.0). Regenerate with scripts/labelling/build_labelled_tools.py.
"""


CATALOGUE_HEADER = """\
# Labelled development set of the catalogue's own tools (catalogue/servers/*.yaml).
# Every label, reason and hard flag is a human judgement made by reading the tool (see
# docs/labelling.md, "The catalogue set"); definitions are copied verbatim from the server
# files. `split` is decided by the judgements file (split_of in build_labelled_tools.py: the holdout is test):
# the test split is frozen and no rule may be tuned by looking at its tools.
# Regenerate with scripts/labelling/build_labelled_tools.py.
"""


def write(path, header, entries):
    text = yaml.dump(entries, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + text)
    # Round-trip check: what we wrote must read back to exactly the same data.
    with open(path, encoding="utf-8") as f:
        back = yaml.safe_load(f)
    if back != entries:
        fail(f"round-trip mismatch in {path}")
    print(f"wrote {len(entries)} entries to {path}")


def main():
    if len(sys.argv) not in (3, 4):
        fail("usage: build_labelled_tools.py REFERENCE_DIR OUTPUT_FILE [CATALOGUE_OUTPUT_FILE]")
    entries = build(sys.argv[1])
    if len(sys.argv) == 4:
        catalogue = build_catalogue({(e["name"], e["description"]) for e in entries},
                                    previous_definitions(sys.argv[3]))
    write(sys.argv[2], HEADER, entries)
    if len(sys.argv) == 4:
        write(sys.argv[3], CATALOGUE_HEADER, catalogue)
        print_counts("catalogue set by split", catalogue, "split")


if __name__ == "__main__":
    main()
