#!/usr/bin/env bash
# Rebuilds catalogue/servers/ from the reference sources with `catalogue import`, so every server's data can be
# traced to where it came from (catalogue/SOURCES.md credits them). Importing into existing files keeps their
# curated fields and comments, so this can be run again at any time; unchanged servers stay byte-identical.
#
# Usage: scripts/assemble-catalogue.sh [REFERENCE_DIR]   (default: ../shared/reference)
#   REFERENCE_DIR holds mcp-tools/, docker-mcp-registry/ and policylayer-scaffolds/ as described in
#   catalogue/SOURCES.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-../shared/reference}
cat=bin/catalogue
verified=${VERIFIED:-2026-11-21}

docker_src="Docker MCP catalog (docker/mcp-registry @ 818bf16, MIT)"
scaffold_src="PolicyLayer scaffold (policylayer/intercept @ 77f0429, Apache-2.0)"

# What a source does not say about a server: hosted endpoints and images whose entry gives no repository.
# Servers defined only in Docker's registry (Docker-built images, a hosted service with no public source) get
# that registry as their repository.
facts() {
  case "$1" in
    curl|docker|ffmpeg) echo "--publisher docker --repository https://github.com/docker/mcp-registry" ;;
    wayfound) echo "--publisher wayfound --repository https://github.com/docker/mcp-registry --homepage https://app.wayfound.ai" ;;
    microsoft-learn) echo "--publisher microsoft --repository https://github.com/MicrosoftDocs/mcp --homepage https://learn.microsoft.com/api/mcp" ;;
    notion-remote) echo "--publisher makenotion --repository https://github.com/makenotion/notion-mcp-server --homepage https://mcp.notion.com/mcp" ;;
    sentry-remote) echo "--publisher getsentry --repository https://github.com/getsentry/sentry-mcp --homepage https://mcp.sentry.dev" ;;
    stripe-remote) echo "--publisher stripe --repository https://github.com/stripe/agent-toolkit --homepage https://mcp.stripe.com" ;;
    webflow-remote) echo "--publisher webflow --repository https://github.com/webflow/mcp-server --homepage https://mcp.webflow.com" ;;
    notion) echo "--publisher makenotion --repository https://github.com/makenotion/notion-mcp-server" ;;
    linear) echo "--publisher linear --repository https://github.com/docker/mcp-registry --homepage https://linear.app/docs/mcp" ;;
    # Two of its tool names are not valid MCP names: those two are left out, and source says so.
    vectra-ai-rux-mcp-server) echo "--skip-invalid-tools" ;;
  esac
}

# Docker catalog entries that carry tools (tools.json, or tools inline in server.yaml).
for dir in "$ref"/docker-mcp-registry/*/; do
  name=$(basename "$dir")
  if [ -s "$dir/tools.json" ] && [ "$(tr -d ' \n' < "$dir/tools.json")" != "[]" ] || grep -q '^tools:' "$dir/server.yaml"; then
    # shellcheck disable=SC2046
    $cat import --from docker --verified "$verified" --source "$docker_src: $name" $(facts "$name") "$dir" \
      || echo "skipped docker entry $name" >&2
  fi
done

# PolicyLayer scaffolds: names and one-line descriptions; merged into a Docker entry of the same server.
for file in "$ref"/policylayer-scaffolds/*.yaml; do
  stem=$(basename "$file" .yaml)
  slug=$stem
  # Docker's "docker" entry is the Docker CLI; the scaffold's is ckreiling/mcp-server-docker, so its facts are
  # looked up by slug (the Docker CLI's publisher and repository are not this server's).
  [ "$stem" = docker ] && slug=mcp-server-docker
  # shellcheck disable=SC2046
  $cat import --from scaffold --slug "$slug" --verified "$verified" --source "$scaffold_src: $stem" $(facts "$slug") "$file" \
    || echo "skipped scaffold $stem" >&2
done

# GitHub's MCP server: its 117 full definitions, merged over the scaffold's names.
$cat import --from tools-list --slug github --name "GitHub" --publisher github \
  --repository https://github.com/github/github-mcp-server --verified "$verified" \
  --source "tools/list of github/github-mcp-server @ 64a49f3 (pkg/github/__toolsnaps__, MIT)" \
  "$ref/mcp-tools/github-mcp-server.tools.json"

# The filesystem and memory reference servers, imported live over stdio from npm.
scripts/install-test-servers.sh
servers=target/mcp-servers/node_modules/@modelcontextprotocol
work=$(mktemp -d)
$cat import --stdio --slug filesystem --repository https://github.com/modelcontextprotocol/servers \
  --verified "$verified" -- node "$servers/server-filesystem/dist/index.js" "$work"
$cat import --stdio --slug memory --repository https://github.com/modelcontextprotocol/servers \
  --verified "$verified" -- node "$servers/server-memory/dist/index.js"
rm -rf "$work"

$cat validate
