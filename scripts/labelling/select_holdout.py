#!/usr/bin/env python3
"""Chooses the third test split (the "holdout") of the catalogue set, before anyone labels it.

Run once, on 2026-11-30, before any rule was changed for classifier v3; its output,
holdout-3.tsv, is committed and is the list the labellers read. The choice never looks at a
classifier verdict, only at file stems and tool names:

  * the candidates are the catalogue servers no judgements-*.yaml file names yet (their tools
    have never been labelled, measured or read for tuning);
  * every candidate tool whose SHA-256 of "holdout-3:<stem>/<name>", first 8 hex digits read as
    an integer, is 0 modulo 16 is taken (a sample spread over every unseen server);
  * on the two unseen servers with billing, payment and ordering modules (0nmcp, hostinger-api)
    the modulus is 8 and 4 instead, and the small unseen servers whose whole domain is money, markets
    or commerce (chosen by their server description, listed in MONEY_SERVERS) are taken whole,
    so that the split holds enough Financial tools to measure them.

Each row: stem, tool name, part (1, 2 or 3: which labeller reads it; by server, except that the
large servers are shared by tool hash).

Usage: select_holdout.py > scripts/labelling/holdout-3.tsv
"""
import glob
import hashlib
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SERVERS = os.path.join(REPO, "catalogue", "servers")
DENSE = {"0nmcp": 8, "hostinger-api": 4}
MONEY_SERVERS = ("commerce-extensibility-tools", "opendata", "provenonce", "shopify-admin", "stockquotes",
                 "tradingview", "trust")
MODULUS = 16
PARTS = 3


def h(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)


def labelled_stems():
    stems = set()
    for path in glob.glob(os.path.join(HERE, "judgements-*.yaml")):
        with open(path, encoding="utf-8") as f:
            for m in re.finditer(r"\{s: ([^,]+),", f.read()):
                stems.add(m.group(1).strip())
    return stems


def main():
    seen = labelled_stems()
    rows = []
    for path in sorted(glob.glob(os.path.join(SERVERS, "*.yaml"))):
        stem = os.path.basename(path)[:-5]
        if stem in seen:
            continue
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for t in doc.get("tools") or []:
            name = t["name"]
            key = h(f"holdout-3:{stem}/{name}")
            if stem in MONEY_SERVERS or key % DENSE.get(stem, MODULUS) == 0:
                part = (key // 7) % PARTS + 1 if stem in DENSE else h(stem) % PARTS + 1
                rows.append((stem, name, part))
    sys.stdout.write("# stem\ttool\tpart (chosen by select_holdout.py; never edit by hand)\n")
    for r in rows:
        sys.stdout.write(f"{r[0]}\t{r[1]}\t{r[2]}\n")


if __name__ == "__main__":
    main()
