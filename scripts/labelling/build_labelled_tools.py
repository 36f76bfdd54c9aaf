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

Usage: build_labelled_tools.py REFERENCE_DIR OUTPUT_FILE
"""
import copy
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ("Read", "Write", "Execute", "Destructive", "Financial")
SOURCES = ("github", "docker", "scaffold")


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


def main():
    if len(sys.argv) != 3:
        fail("usage: build_labelled_tools.py REFERENCE_DIR OUTPUT_FILE")
    entries = build(sys.argv[1])
    text = yaml.dump(entries, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(HEADER + text)
    # Round-trip check: what we wrote must read back to exactly the same data.
    with open(sys.argv[2], encoding="utf-8") as f:
        back = yaml.safe_load(f)
    if back != entries:
        fail("round-trip mismatch")
    print(f"wrote {len(entries)} entries to {sys.argv[2]}")


if __name__ == "__main__":
    main()
