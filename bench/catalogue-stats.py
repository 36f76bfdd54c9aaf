#!/usr/bin/env python3
"""Measures the real catalogue's shape for the synthetic generator (bench/synthetic-catalogue.py), so that the
generator needs neither the catalogue nor the test corpus when it runs. Writes JSON to stdout; the committed
copy is bench/distributions.json:

    python3 bench/catalogue-stats.py > bench/distributions.json

What it measures, per server: tools per server, description length, tags; per tool: the verb (first word of
the name) and the nouns after it, the name's style, description length (0 = none), title, annotations (each
hint's presence and value), outputSchema; per inputSchema: number of properties, nesting depth, property
types and names, the share of properties with a description (and its length), an enum (and its size),
numeric or length bounds, and the share that are required. Flow cases: the share of servers that have, by
the `flows:` vocabulary of catalogue/rules/classification.yaml, a tool reading untrusted content, one
reading private data and one sending data out (read from tool names, as a stand-in for the classifier).
Poisoned descriptions: the `where: description` entries of src/test/resources/classify/poisoning/*.yaml.

Usage: bench/catalogue-stats.py [--catalogue DIR] [--corpus DIR] [--rules FILE]
Needs PyYAML (Debian: python3-yaml). Output is deterministic: keys sorted, lists sorted.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("catalogue-stats: PyYAML is needed (apt-get install python3-yaml)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
          "minItems", "maxItems")
HINTS = ("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")


def name_words(name):
    """The words of a tool name: snake_case, kebab-case, dotted and camelCase all split."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w.lower() for w in re.split(r"[\s_.\-]+", spaced) if w]


def name_style(name):
    if "_" in name:
        return "snake"
    if "-" in name:
        return "kebab"
    if "." in name:
        return "dotted"
    if re.search(r"[a-z][A-Z]", name):
        return "camel"
    return "single"


def depth(schema):
    """1 for an object of scalars; each nested object (or array of objects) adds a level."""
    if not isinstance(schema, dict):
        return 0
    deepest = 0
    props = schema.get("properties")
    if isinstance(props, dict):
        for p in props.values():
            if isinstance(p, dict):
                inner = p.get("items") if p.get("type") == "array" else p
                deepest = max(deepest, depth(inner) if isinstance(inner, dict) and "properties" in inner else 0)
    return 1 + deepest


def counter(c):
    return {str(k): v for k, v in sorted(c.items(), key=lambda kv: str(kv[0]))}


def top(c, n):
    """The n most frequent entries, ties broken by name, so that the output does not depend on file order."""
    return {k: v for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--catalogue", default=os.path.join(ROOT, "catalogue"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "src/test/resources/classify/poisoning"))
    ap.add_argument("--rules", default=None, help="default: CATALOGUE/rules/classification.yaml")
    a = ap.parse_args()
    rules = yaml.safe_load(open(a.rules or os.path.join(a.catalogue, "rules/classification.yaml"), encoding="utf-8"))
    flows = rules["flows"]

    files = sorted(glob.glob(os.path.join(a.catalogue, "servers", "*.yaml")))
    if not files:
        sys.exit(f"catalogue-stats: no servers in {a.catalogue}/servers")
    tools_per_server, server_desc, tags_per_server = [], [], []
    tags, verbs, nouns, nouns_per_name, styles = (collections.Counter() for _ in range(5))
    tool_desc, param_desc, n_params, depths = [], [], collections.Counter(), collections.Counter()
    types, param_names, enum_sizes, desc_words = (collections.Counter() for _ in range(4))
    hints = {h: collections.Counter() for h in HINTS}
    n_tools = n_props = with_title = with_annotations = with_output = 0
    with_pdesc = with_enum = with_bounds = with_required = 0
    flow_servers = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            server = yaml.safe_load(fh)
        tools = server.get("tools") or []
        tools_per_server.append(len(tools))
        server_desc.append(len(str(server.get("description") or "")))
        st = server.get("tags") or []
        tags_per_server.append(len(st))
        tags.update(st)
        kinds = set()
        for t in tools:
            n_tools += 1
            words = name_words(t["name"])
            verbs[words[0]] += 1
            nouns.update(words[1:])
            nouns_per_name[min(len(words) - 1, 4)] += 1
            styles[name_style(t["name"])] += 1
            if words[0] in flows["untrusted"]["verbs"] or any(w in flows["untrusted"]["nouns"] for w in words[1:]):
                kinds.add("untrusted")
            if any(w in flows["private"]["nouns"] for w in words[1:]):
                kinds.add("private")
            if words[0] in flows["outbound"]["verbs"]:
                kinds.add("outbound")
            d = str(t.get("description") or "")
            tool_desc.append(len(d))
            desc_words.update(w.lower() for w in WORD.findall(d))
            with_title += "title" in t
            with_output += "outputSchema" in t
            ann = t.get("annotations") or {}
            with_annotations += bool(ann)
            for h in HINTS:
                hints[h][str(ann[h]).lower() if h in ann else "absent"] += 1
            schema = t.get("inputSchema") or {}
            props = schema.get("properties") or {}
            required = set(schema.get("required") or [])
            n_params[len(props)] += 1
            depths[depth(schema)] += 1
            for pname, p in props.items():
                n_props += 1
                param_names[pname] += 1
                p = p if isinstance(p, dict) else {}
                ty = p.get("type")
                types[ty if isinstance(ty, str) else "other"] += 1
                if p.get("description"):
                    with_pdesc += 1
                    param_desc.append(len(str(p["description"])))
                if isinstance(p.get("enum"), list):
                    with_enum += 1
                    enum_sizes[min(len(p["enum"]), 50)] += 1
                with_bounds += any(b in p for b in BOUNDS)
                with_required += pname in required
        flow_servers += kinds == {"untrusted", "private", "outbound"}

    poisoned = []
    for f in sorted(glob.glob(os.path.join(a.corpus, "poisoned*.yaml"))):
        with open(f, encoding="utf-8") as fh:
            for entry in yaml.safe_load(fh) or []:
                d = (entry.get("tool") or {}).get("description")
                if entry.get("where") == "description" and isinstance(d, str):
                    poisoned.append({"attack": entry.get("attack", ""), "description": d})

    out = {
        "about": "Measured by bench/catalogue-stats.py from catalogue/servers/*.yaml and the poisoning test "
                 "corpus; read by bench/synthetic-catalogue.py. Regenerate with: "
                 "python3 bench/catalogue-stats.py > bench/distributions.json",
        "servers": len(files),
        "tools": n_tools,
        "properties": n_props,
        "tools_per_server": sorted(tools_per_server),
        "server_description_length": sorted(server_desc),
        "tags_per_server": counter(collections.Counter(tags_per_server)),
        "tags": top(tags, 200),
        "verbs": top(verbs, 400),
        "nouns": top(nouns, 800),
        "nouns_per_name": counter(nouns_per_name),
        "name_style": counter(styles),
        "tool_description_length": sorted(tool_desc),
        "description_words": top(desc_words, 3000),
        "share_title": round(with_title / n_tools, 4),
        "share_annotations": round(with_annotations / n_tools, 4),
        "share_output_schema": round(with_output / n_tools, 4),
        "hints": {h: counter(c) for h, c in hints.items()},
        "parameters_per_tool": counter(n_params),
        "schema_depth": counter(depths),
        "property_types": counter(types),
        "property_names": top(param_names, 600),
        "share_property_description": round(with_pdesc / n_props, 4),
        "property_description_length": sorted(param_desc),
        "share_enum": round(with_enum / n_props, 4),
        "enum_sizes": counter(enum_sizes),
        "share_bounds": round(with_bounds / n_props, 4),
        "share_required": round(with_required / n_props, 4),
        "share_flow_servers": round(flow_servers / len(files), 4),
        "flow_vocabulary": {k: {kk: sorted(vv) for kk, vv in sorted(v.items())} for k, v in sorted(flows.items())},
        "poisoned_descriptions": poisoned,
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
