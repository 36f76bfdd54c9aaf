#!/usr/bin/env bash
# Installs Debian packages, quietly: as root, or through sudo. Runs `apt-get update` first (a fresh machine's
# package lists may be missing or old). Used by the scripts that prepare a machine for the tests.
#
# Usage: scripts/apt-install.sh PACKAGE...
# Exit 0 when installed, 2 when this machine cannot install them (no apt-get, neither root nor sudo).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/apt-install.sh PACKAGE..." >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $* needed, and this is not a Debian machine (no apt-get): install them by hand" >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "error: $* needed, and this is neither root nor has sudo: install them by hand" >&2
  exit 2
fi

echo "installing $* (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp "${TMPDIR:-/tmp}/apt-install.XXXXXX")
trap 'rm -f "$log"' EXIT
if ! "${as_root[@]}" apt-get update -qq >"$log" 2>&1 \
    || ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >>"$log" 2>&1; then
  cat "$log" >&2
  echo "error: could not install $* (apt-get's output above)" >&2
  exit 2
fi
