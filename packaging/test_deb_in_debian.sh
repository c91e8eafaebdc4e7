#!/usr/bin/env bash
# Install the .deb into a clean Debian 12 root and prove it works there, as a person
# would use it: a user without root rights, from the menu entry, with its icon.
#
#     sudo bash packaging/test_deb_in_debian.sh build/debian12/timeline-viewer_VERSION_ARCH.deb
#
# 1. a minimal bookworm root (packaging/debian_root.sh; cached in build/debian-root.tar);
# 2. apt-get install the .deb there (--no-install-recommends): only its Depends come in;
# 3. before anything else is installed: the app's --self-test as the user "reader",
#    offscreen and then on X11 (an Xvfb of this machine's, its socket shared with the
#    root), so the declared Depends alone are proven to carry the X11 back end;
# 4. the menu entry: its command and icon resolve, it declares the catalogs' type, and
#    its Exec line opens a .tlcat file (the window stays up until stopped);
# 5. the user's annotations survive `apt-get purge` and a reinstall.
# Every step's exit status counts. Needs root, debootstrap, Xvfb and Debian's mirror.
set -euo pipefail
deb=$(realpath "$1")
cd "$(dirname "$0")/.."
# shellcheck source=packaging/debian_root.sh
. packaging/debian_root.sh
BUILD=$PWD/build
root=$BUILD/debian-root
display=:95
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
finish() { kill "$xvfb" 2>/dev/null || true; leave_root; }
trap finish EXIT

debian_root "$root"
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"

echo "--- install the .deb (apt resolves its Depends, and nothing else)"
cp "$deb" "$root/tmp/app.deb"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends /tmp/app.deb >/dev/null
in_root dpkg -s timeline-viewer | grep -E '^(Status|Version|Installed-Size|Depends)'

echo "--- self-test as a user, offscreen, then on X11 (nothing installed but the Depends)"
as_user env QT_QPA_PLATFORM=offscreen timeline-viewer --self-test
as_user env DISPLAY="$display" QT_QPA_PLATFORM=xcb timeline-viewer --self-test

echo "--- each Linux display plugin is there (X11, Wayland, and the headless one)"
for plugin in qxcb qwayland qoffscreen; do
  test -f "$root/opt/timeline-viewer/_internal/PySide6/Qt/plugins/platforms/lib$plugin.so"
done
echo "libqxcb.so, libqwayland.so, libqoffscreen.so present"

echo "--- the menu entry and its icon"
entry=$root/usr/share/applications/timeline-viewer.desktop
exec_line=$(sed -n 's/^Exec=//p' "$entry")
icon=$(sed -n 's/^Icon=//p' "$entry")
test "$(in_root sh -c "command -v ${exec_line%% *}")" = /usr/bin/timeline-viewer
icons=$(find "$root/usr/share/icons/hicolor" -path "*/apps/$icon.*" | wc -l)
test "$icons" -ge 4 && echo "Exec resolves to /usr/bin/timeline-viewer; icon '$icon' in $icons sizes"
grep -q '^MimeType=application/x-timeline-catalog;' "$entry"
test -f "$root/usr/share/mime/packages/timeline-viewer.xml"
echo "declares application/x-timeline-catalog (.tlcat), its type file installed"

opens_and_keeps_running() {  # 124: still running when timeout stopped it, as it should be
  local status=0
  as_user env DISPLAY="$display" QT_QPA_PLATFORM=xcb timeout -s TERM 8 "$@" || status=$?
  if [ "$status" -ne 124 ]; then
    echo "'$*' exited with status $status instead of showing its window"; exit 1
  fi
}
echo "--- the menu's command opens a double-clicked catalog"
cp resources/catalog.sqlite "$root/home/reader/summits.tlcat"
in_root chown reader:reader /home/reader/summits.tlcat
read -r -a command <<< "${exec_line/\%f//home/reader/summits.tlcat}"  # Exec's words
opens_and_keeps_running "${command[@]}" --no-err-windows

echo "--- the user's annotations survive purge and reinstall"
data=$root/home/reader/.local/share/timeline-viewer
mkdir -p "$data"
annotations() {  # the build's own environment reads and writes the file from outside
  "$BUILD/venv/bin/python" -c "$1" "$data"
}
annotations '
import sys; from pathlib import Path
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
d = Path(sys.argv[1]); s = AnnotationStore(d / "annotations.sqlite", d / "backups")
s.save(Annotation("2018-07-16-helsinki-summit", "check the transcript", ("essay",), True))
s.close()'
in_root chown -R reader:reader /home/reader/.local
opens_and_keeps_running timeline-viewer --no-err-windows  # it opens them
before=$(sha256sum < "$data/annotations.sqlite")
in_root apt-get purge -y -qq timeline-viewer >/dev/null
test ! -e "$root/opt/timeline-viewer" && test ! -e "$root/usr/bin/timeline-viewer"
echo "uninstalled: /opt/timeline-viewer and /usr/bin/timeline-viewer are gone"
test "$(sha256sum < "$data/annotations.sqlite")" = "$before"
in_root apt-get install -y -qq --no-install-recommends /tmp/app.deb >/dev/null
opens_and_keeps_running timeline-viewer --no-err-windows
if find "$data" -maxdepth 1 -name '*damaged*' | grep -q .; then
  echo "annotations were moved aside"; exit 1
fi
annotations '
import sys; from pathlib import Path
from viewer.core.annotations.store import AnnotationStore
d = Path(sys.argv[1]); s = AnnotationStore(d / "annotations.sqlite", d / "backups")
a = s.get("2018-07-16-helsinki-summit"); s.close()
assert a.note == "check the transcript" and a.starred and a.tags == ("essay",), a
print("annotation kept after purge and reinstall:", a.note, a.tags)'
echo "all Debian 12 checks passed"
