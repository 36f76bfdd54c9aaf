#!/usr/bin/env python3
"""Summarises the raw measurements of bench/run.sh: one row per size with the median of each build's runs
and the ratios, as a Markdown table on stdout and as TSV in SUMMARY_TSV.

Usage: bench/summarize.py RAW_TSV SUMMARY_TSV

RAW_TSV has a header and one row per run: size servers tools build run exit wall_s user_s sys_s maxrss_kb
files bytes note; build is "ours", "floor", "hugo" or "generate" (the catalogue's generation, not shown).
A build that failed in every run shows the median of its failed runs and its status ("exit 124 (time
limit)"); when some runs failed and others did not, the medians are of the runs that passed.
"""
import csv
import statistics
import sys

FIELDS = ["size", "servers", "tools", "build", "run", "exit", "wall_s", "user_s", "sys_s", "maxrss_kb",
          "files", "bytes", "note"]


def status(code, note):
    code = int(code)
    if code == 0:
        return "ok"
    why = {124: "time limit", 137: "killed (SIGKILL: out of memory, or the time limit's kill)",
           143: "terminated (SIGTERM)"}.get(code)
    text = f"exit {code}" + (f" ({why})" if why else "")
    return text + (f"; last output: {note}" if note else "")


def summary(rows):
    """The medians of a build's runs: (status, runs, wall, cpu, rss_mb, files, bytes), or None."""
    if not rows:
        return None
    ok = [r for r in rows if r["exit"] == "0"]
    use = ok or rows
    med = lambda key: statistics.median(float(r[key]) for r in use)
    failed = [r for r in rows if r["exit"] != "0"]
    if ok:
        st = "ok" if not failed else \
            f"ok in {len(ok)} of {len(rows)} runs; a failed run: {status(failed[0]['exit'], failed[0]['note'])}"
    else:
        st = status(use[0]["exit"], use[0]["note"]) + (f" (all {len(rows)} runs)" if len(rows) > 1 else "")
    files = use[0]["files"] or ""
    size = use[0]["bytes"] or ""
    return (st, len(rows), med("wall_s"), med("user_s") + med("sys_s"), med("maxrss_kb") / 1024, files, size, bool(ok))


def fmt(x, digits=1):
    return "" if x is None else f"{x:,.{digits}f}"


def ratio(a, b):
    return f"{a / b:.2f}×" if a is not None and b else ""


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: bench/summarize.py RAW_TSV SUMMARY_TSV\n")
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    sizes = []
    for r in rows:
        if r["size"] not in sizes:
            sizes.append(r["size"])
    header = ["size", "servers", "tools", "our files", "our MiB", "ours: status", "ours: wall s", "ours: CPU s",
              "ours: peak RSS MB", "floor: wall s", "floor: CPU s", "Hugo: wall s", "Hugo: CPU s",
              "Hugo: peak RSS MB", "ours/floor wall", "ours/Hugo wall", "ours/Hugo RSS"]
    table = []
    for size in sizes:
        of = [r for r in rows if r["size"] == size]
        ours = summary([r for r in of if r["build"] == "ours"])
        floor = summary([r for r in of if r["build"] == "floor"])
        hugo = summary([r for r in of if r["build"] == "hugo"])
        ours_ok = ours is not None and ours[7]
        floor_ok = floor is not None and floor[7]
        hugo_ok = hugo is not None and hugo[7]
        mib = float(ours[6]) / 2**20 if ours_ok and ours[6] else None
        table.append([
            size, of[0]["servers"], of[0]["tools"],
            f"{int(ours[5]):,}" if ours_ok and ours[5] else "", fmt(mib),
            ours[0] if ours else "not run",
            fmt(ours and ours[2], 2), fmt(ours and ours[3], 2), fmt(ours and ours[4], 0),
            fmt(floor[2], 2) if floor_ok else ("not run" if floor is None else floor[0]),
            fmt(floor[3], 2) if floor_ok else "",
            fmt(hugo[2], 2) if hugo_ok else ("not run" if hugo is None else hugo[0]),
            fmt(hugo[3], 2) if hugo_ok else "",
            fmt(hugo[4], 0) if hugo_ok else "",
            ratio(ours[2], floor[2]) if ours_ok and floor_ok else "",
            ratio(ours[2], hugo[2]) if ours_ok and hugo_ok else "",
            ratio(ours[4], hugo[4]) if ours_ok and hugo_ok else "",
        ])
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in table:
        print("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(table)


if __name__ == "__main__":
    main()
