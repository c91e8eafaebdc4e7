#!/usr/bin/env bash
# Install the real programs the exports are tested in: headless Chromium and rsvg-convert
# (Debian), and TimelineJS 3 (npm). The tests that need them skip, saying why, where they are missing.
# .ci/run runs this; run it by hand (as root) to run those tests locally.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  if ! command -v chromium >/dev/null || ! command -v rsvg-convert >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium librsvg2-bin >/dev/null
  fi
fi
if command -v npm >/dev/null && [ ! -d node_modules/@knight-lab/timelinejs ]; then
  npm install --silent --no-package-lock --no-audit --no-fund >/dev/null
fi
