#!/bin/bash
# What Orca says while a keyboard user walks the timeline: the app and Orca under Xvfb
# on the AT-SPI bus, keys pressed with xdotool, Orca's speech read from its debug log
# (no sound needed). Needs: apt-get install xvfb dbus-x11 at-spi2-core orca xdotool
# Usage: bash tests/tools/orca_speech.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
Xvfb :96 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=:96 WORK="$work"
# shellcheck disable=SC2016 # expanded by the inner shell, from the exported variables
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 2
  mkdir -p "$WORK/prefs"
  orca --replace -u "$WORK/prefs" --debug-file="$WORK/orca.log" >/dev/null 2>&1 &
  orca=$!
  sleep 4
  QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb \
    .venv/bin/timeline-viewer --data-dir "$WORK/data" >"$WORK/app.log" 2>&1 &
  app=$!
  sleep 8
  window=$(xdotool search --name "Timeline Viewer" | head -1)
  xdotool windowactivate --sync "$window" 2>/dev/null || true  # no window manager:
  xdotool windowfocus "$window"  # so give it the keyboard directly
  sleep 1
  for key in ctrl+t Home Right Right Return Escape F6 F6; do
    xdotool key "$key"
    sleep 1
  done
  status=0
  kill -0 "$app" 2>/dev/null || { echo "the app stopped: $(tail -3 "$WORK/app.log")"; status=1; }
  kill "$app" 2>/dev/null || true
  sleep 1
  kill "$orca" 2>/dev/null || true
  sleep 2
  grep -o "SPEECH OUTPUT: .*" "$WORK/orca.log" | cut -d"{" -f1
  exit "$status"
' 2> >(grep -v "Failed to set fd limit" >&2)
