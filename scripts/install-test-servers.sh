#!/usr/bin/env bash
# Installs the real MCP servers that the live import tests (ImportLiveTest) start over stdio, into
# target/mcp-servers/. Idempotent and quiet: does nothing when the pinned versions are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

FILESYSTEM_VERSION=2026.8.31
MEMORY_VERSION=2026.8.31
prefix=target/mcp-servers

installed() {
  node -e "process.exit(require('./$prefix/node_modules/$1/package.json').version === '$2' ? 0 : 1)" 2>/dev/null
}

if installed @modelcontextprotocol/server-filesystem "$FILESYSTEM_VERSION" \
    && installed @modelcontextprotocol/server-memory "$MEMORY_VERSION"; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "error: npm is needed to install the test MCP servers" >&2; exit 1; }
echo "installing @modelcontextprotocol/server-filesystem@$FILESYSTEM_VERSION and server-memory@$MEMORY_VERSION into $prefix"
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --silent --save-exact \
  "@modelcontextprotocol/server-filesystem@$FILESYSTEM_VERSION" \
  "@modelcontextprotocol/server-memory@$MEMORY_VERSION" >/dev/null
