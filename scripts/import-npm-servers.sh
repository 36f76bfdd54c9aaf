#!/usr/bin/env bash
# Imports real MCP servers published on npm into the catalogue, live, with `catalogue import-bulk` (README,
# docs/sandbox.md): each pinned package of the list is installed under target/npm-servers/ (install scripts
# disabled: nothing is downloaded but the package and its dependencies), started in the sandbox (no network,
# read-only system, only the package's own install folder visible, a private home and /tmp, limits on memory
# and processes), asked for tools/list over stdio, and stopped; two at a time (JOBS). Then the catalogue is
# validated. A server is somebody else's code: never run it with --no-sandbox.
#
# Columns of the TSV (tab-separated; "-" for none): package@version, slug, display name, repository, arguments
# (space-separated; {work} is an empty folder the server may write: the sandbox's private home), environment
# (space-separated NAME=value), publisher, entry (a bin name or a path inside the package; default: its bin).
# Name and repository are "-" when the slug exists already: the file keeps its own. Some servers refuse to
# start without an API key or token, though listing their tools needs none: those get an obvious placeholder
# such as BRAVE_API_KEY=placeholder, which is never sent anywhere and never written to the catalogue. A slug
# that already exists (a scaffold of the same server) is updated: the live definitions replace its names-only
# tools.
#
# The run resumes: servers already done (target/bulk-import/LIST.state.tsv) are skipped; give --force to import
# them all again (an unchanged list then reports every server unchanged). The report is
# target/bulk-import/LIST.report.tsv.
#
# Usage: scripts/import-npm-servers.sh [TSV [import-bulk options...]]   (default: scripts/npm-servers.tsv)
#   e.g. scripts/import-npm-servers.sh scripts/bulk-servers.tsv --force
set -euo pipefail
cd "$(dirname "$0")/.."
tsv=${1:-scripts/npm-servers.tsv}
[ $# -gt 0 ] && shift
[ -x /usr/bin/bwrap ] || scripts/apt-install.sh bubblewrap
verified=()
[ -n "${VERIFIED:-}" ] && verified=(--verified "$VERIFIED")

bin/catalogue import-bulk --jobs "${JOBS:-2}" "${verified[@]}" "$@" "$tsv"
bin/catalogue validate
