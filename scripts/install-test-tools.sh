#!/usr/bin/env bash
# Installs everything `mvn -B verify` needs on a fresh Debian machine, and nothing that is already there:
# Java 17+ and Maven, Debian's Chromium and its driver (the browser tests), Node.js and npm, bubblewrap (the
# sandbox that live imports run servers in), and the MCP servers from npm that the live import tests start
# (scripts/install-test-servers.sh). Quiet when all is in place.
# With CI=true the browser and live import tests fail rather than skip without these.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# The browser tests use exactly these paths (src/test/java/org/mcpcatalogue/browser/Browser.java).
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The sandbox that live servers run in (docs/sandbox.md); prlimit and setpriv come with util-linux.
[ -x /usr/bin/bwrap ] || missing+=(bubblewrap)
if [ "${#missing[@]}" -gt 0 ]; then
  scripts/apt-install.sh "${missing[@]}"
fi

scripts/install-test-servers.sh
