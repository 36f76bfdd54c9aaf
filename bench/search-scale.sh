#!/usr/bin/env bash
# The search benchmark at registry scale (docs/performance.md, "Search at registry scale"; issue 11, item 2).
# Writes the search index of a synthetic catalogue (SERVERS servers, TOOLS tools in all, drawn from
# bench/distributions.json with a fixed seed) with the site's own index builder, into the search page of a small
# built site, then opens the page once per query in Debian's Chromium with the CPU slowed 4x (DevTools
# Emulation.setCPUThrottlingRate) and the cache off, so that every query is a first query, and prints a
# Markdown table: per query, the index files loaded, their bytes and gzip sizes, the time from the search's
# start to its results on the page, and from navigation start; then the medians. Also in
# target/search-scale/result.md. Needs Java, Maven and `apt-get install chromium chromium-driver`.
#
# Usage: bench/search-scale.sh [SERVERS [TOOLS [RUNS]]]     (default 32500 515000 1)
# Runs offline (-o): drop it in MVN_FLAGS on a machine whose ~/.m2 lacks the project's dependencies.
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
servers=${1:-32500}
tools=${2:-515000}
runs=${3:-1}
case "$servers$tools$runs" in *[!0-9]*) echo "usage: bench/search-scale.sh [SERVERS [TOOLS [RUNS]]]" >&2; exit 2 ;; esac
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || { echo "bench/search-scale.sh: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)" >&2; exit 2; }
mvn -B -q ${MVN_FLAGS--o} test -Dtest=SearchScaleMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsearch.servers="$servers" -Dsearch.tools="$tools" -Dsearch.runs="$runs"
