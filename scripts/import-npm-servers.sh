#!/usr/bin/env bash
# Imports real MCP servers published on npm into the catalogue, live: each pinned package in
# scripts/npm-servers.tsv is installed under target/npm-servers/ (install scripts disabled: nothing is
# downloaded but the package and its dependencies), started in the sandbox (docs/sandbox.md: no network,
# read-only system, only the package's own install folder visible, a private home and /tmp, limits on memory
# and processes), asked for tools/list over stdio by `catalogue import --stdio`, and stopped. A server is
# somebody else's code: never run it with --no-sandbox.
#
# Columns of the TSV: package@version, slug, display name, repository, arguments (space-separated; {work} is an
# empty folder the server may write: the sandbox's private home), and environment (space-separated
# NAME=value); "-" for none. Name and
# repository are "-" when the slug exists already: the file keeps its own. Some servers refuse to start without an API key or token, though
# listing their tools needs none: those get an obvious placeholder such as BRAVE_API_KEY=placeholder, which
# is never sent anywhere and never written to the catalogue. A slug that already exists (a scaffold of the
# same server) is updated: the live definitions replace its names-only tools.
#
# Usage: scripts/import-npm-servers.sh [TSV]   (default: scripts/npm-servers.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
tsv=${1:-scripts/npm-servers.tsv}
verified=${VERIFIED:-2026-11-21}
root=target/npm-servers
work=/home/sandbox   # the sandbox's private home (org.mcpcatalogue.importer.Sandbox.HOME)
failed=0
[ -x /usr/bin/bwrap ] || scripts/apt-install.sh bubblewrap

while IFS=$'\t' read -r spec slug name repository args env publisher; do
  case "$spec" in ''|'#'*) continue ;; esac
  [ "$args" = - ] && args=
  [ "$env" = - ] && env=
  package=${spec%@*}
  dir=$root/${spec//[@\/]/_}
  if [ ! -f "$dir/node_modules/$package/package.json" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error "$spec" >/dev/null
  fi
  entry=$(node -e '
    const pj = require(process.argv[1]);
    const bin = typeof pj.bin === "string" ? pj.bin : Object.values(pj.bin || {})[0] || pj.main;
    console.log(require("path").join(require("path").dirname(process.argv[1]), bin));' \
    "$PWD/$dir/node_modules/$package/package.json")
  facts=(--slug "$slug")
  [ -n "$name" ] && [ "$name" != - ] && facts+=(--name "$name")
  [ -n "$repository" ] && [ "$repository" != - ] && facts+=(--repository "$repository")
  [ -n "${publisher:-}" ] && [ "$publisher" != - ] && facts+=(--publisher "$publisher")
  # shellcheck disable=SC2086
  if ! bin/catalogue import --stdio "${facts[@]}" \
      --verified "$verified" --source "npm $spec, live tools/list over stdio" \
      --sandbox-dir "$PWD/$dir" -- env $env node "$entry" ${args//\{work\}/$work}; then
    echo "failed: $spec" >&2
    failed=$((failed + 1))
  fi
done < "$tsv"

bin/catalogue validate
exit $((failed > 0))
