#!/usr/bin/env python3
"""The floor of a build: writes N_FILES files holding BYTES bytes in all into DIR, and does nothing else
(no reading, no rendering, no checking, no fsync — the build does not fsync either). Each file sits in its
own folder, as a page's index.html does (DIR/000/000042/index.html, 1,000 folders per group), and the
sizes differ by at most one byte. bench/run.sh times this beside `catalogue build` with the file count and
total size of the build's own output.

Usage: bench/floor.py N_FILES BYTES DIR      (DIR must not exist or be empty)
Exit 0 when written, 2 on a usage error or when DIR is not empty.
"""
import os
import sys


def fail(msg):
    sys.stderr.write(f"floor: {msg}\n")
    sys.exit(2)


def main():
    if len(sys.argv) != 4:
        fail("usage: bench/floor.py N_FILES BYTES DIR")
    try:
        n, total = int(sys.argv[1]), int(sys.argv[2])
    except ValueError:
        fail("N_FILES and BYTES must be whole numbers")
    out = sys.argv[3]
    if n < 1 or total < 0:
        fail("N_FILES must be at least 1 and BYTES at least 0")
    if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
        fail(f"{out} exists and is not an empty folder")
    size, extra = divmod(total, n)
    line = b"<p>The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.</p>\n"
    block = (line * (size // len(line) + 2))[:size + 1]
    for i in range(n):
        folder = os.path.join(out, f"{i // 1000:03d}", f"{i:06d}")
        os.makedirs(folder)
        with open(os.path.join(folder, "index.html"), "wb") as f:
            f.write(block if i < extra else block[:size])


if __name__ == "__main__":
    main()
