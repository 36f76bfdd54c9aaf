#!/usr/bin/env python3
"""Extracts every tool of the policylayer scaffolds with the scaffold's OWN category.

The category is whatever `#  ── <Category> Tools ───` comment header the tool sits under in
the scaffold file (Read, Write, Execute, Destructive, Financial or Other). These are the
scaffolds' keyword guesses, kept so they can be compared with the hand labels; they are not
labels of ours. The script cross-checks its line-based reading against a YAML parse of each file.

Usage: extract_scaffold_categories.py SCAFFOLD_DIR OUTPUT_TSV
"""
import os
import re
import sys

import yaml

HEADER = re.compile(r"^\s*#\s*──\s*(\w+) Tools\s*─")
KEY = re.compile(r"^    ([^\s#][^:]*):\s*$")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: extract_scaffold_categories.py SCAFFOLD_DIR OUTPUT_TSV")
    directory, output = sys.argv[1], sys.argv[2]
    rows = []
    for fname in sorted(os.listdir(directory)):
        if not fname.endswith(".yaml"):
            continue
        server = fname[:-len(".yaml")]
        with open(os.path.join(directory, fname), encoding="utf-8") as f:
            text = f.read()
        parsed = set((yaml.safe_load(text).get("tools") or {}).keys())
        category = None
        seen = []
        for line in text.splitlines():
            m = HEADER.match(line)
            if m:
                category = m.group(1)
                continue
            m = KEY.match(line)
            if m:
                name = m.group(1).strip().strip("\"'")
                if category is None:
                    sys.exit(f"{fname}: tool {name} appears before any category header")
                rows.append((server, name, category))
                seen.append(name)
        if set(seen) != parsed or len(seen) != len(set(seen)):
            sys.exit(f"{fname}: header scan and YAML parse disagree: {sorted(set(seen) ^ parsed)}")
    with open(output, "w", encoding="utf-8") as out:
        out.write("server\ttool\tscaffold_category\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} tools from {len({r[0] for r in rows})} scaffolds to {output}")


if __name__ == "__main__":
    main()
