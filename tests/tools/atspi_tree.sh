#!/bin/bash
# What a screen reader hears from the app: start it under Xvfb with the AT-SPI bus (as a
# desktop with Orca has it) and print its accessible tree (tests/tools/atspi_tree.py).
# Needs: apt-get install xvfb dbus-x11 at-spi2-core python3-pyatspi
# Usage: bash tests/tools/atspi_tree.sh [OUT.txt]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/dev/stdout}
data=$(mktemp -d)
Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=:97 DATA="$data" OUT="$out"
# shellcheck disable=SC2016 # expanded by the inner shell, from the exported variables
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 2
  QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb \
    .venv/bin/timeline-viewer --data-dir "$DATA" >/dev/null 2>&1 &
  app=$!
  status=0
  /usr/bin/python3 tests/tools/atspi_tree.py > "$OUT" || status=$?
  kill "$app"
  exit "$status"
' 2> >(grep -v "Failed to set fd limit" >&2)
