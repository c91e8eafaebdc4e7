#!/usr/bin/env bash
# Install the .deb into a clean Debian 12 root and prove it works there.
#
#     sudo bash packaging/test_deb_in_debian.sh build/timeline-viewer_VERSION_ARCH.deb
#
# 1. debootstrap a minimal bookworm root (cached in build/debian-root.tar between runs);
# 2. apt-get install the .deb there (--no-install-recommends): only its Depends come in;
# 3. run the installed app's --self-test offscreen, then under Xvfb (installed after);
# 4. the user's annotations survive: a file in ~/.local/share/timeline-viewer is still
#    the same after `apt-get purge` and a reinstall, and the reinstalled app opens it.
# Needs root, debootstrap, and Debian's package mirror (the one this machine's apt uses).
set -euo pipefail
deb=$(realpath "$1")
cd "$(dirname "$0")/.."
BUILD=$PWD/build
root=$BUILD/debian-root
cache=$BUILD/debian-root.tar
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null \
  || true)
mirror=${mirror:-$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list)}

cleanup() {
  for m in proc sys dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
rm -rf "$root"
if [ -f "$cache" ]; then
  mkdir -p "$root" && tar -xf "$cache" -C "$root"
else
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  tar -cf "$cache" -C "$root" .
fi
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 "$@"; }

echo "--- install the .deb (apt resolves its Depends)"
cp "$deb" "$root/tmp/app.deb"
in_root apt-get install -y -qq --no-install-recommends /tmp/app.deb >/dev/null
in_root dpkg -s timeline-viewer | grep -E '^(Status|Version|Installed-Size)'
echo "--- self-test, offscreen"
in_root env QT_QPA_PLATFORM=offscreen timeline-viewer --self-test

echo "--- self-test, on an X server (Xvfb)"
in_root apt-get install -y -qq xvfb xauth >/dev/null
in_root xvfb-run -a -s "-screen 0 1600x1000x24" timeline-viewer --self-test

echo "--- the user's annotations survive purge and reinstall"
data=$root/root/.local/share/timeline-viewer
mkdir -p "$data"
opens_and_keeps_running() {  # 124: still running when timeout stopped it, as it should be
  local status=0
  in_root xvfb-run -a timeout -s TERM 8 timeline-viewer --no-err-windows || status=$?
  if [ "$status" -ne 124 ] && [ "$status" -ne 0 ]; then
    echo "the installed app exited with status $status instead of showing its window"; exit 1
  fi
}
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
opens_and_keeps_running  # it opens them
before=$(sha256sum < "$data/annotations.sqlite")
in_root apt-get purge -y -qq timeline-viewer >/dev/null
test ! -e "$root/opt/timeline-viewer" && test ! -e "$root/usr/bin/timeline-viewer"
echo "uninstalled: /opt/timeline-viewer and /usr/bin/timeline-viewer are gone"
test "$(sha256sum < "$data/annotations.sqlite")" = "$before"
in_root apt-get install -y -qq --no-install-recommends /tmp/app.deb >/dev/null
opens_and_keeps_running
if ls "$data" | grep -q damaged; then echo "annotations were moved aside"; exit 1; fi
annotations '
import sys; from pathlib import Path
from viewer.core.annotations.store import AnnotationStore
d = Path(sys.argv[1]); s = AnnotationStore(d / "annotations.sqlite", d / "backups")
a = s.get("2018-07-16-helsinki-summit"); s.close()
assert a.note == "check the transcript" and a.starred and a.tags == ("essay",), a
print("annotation kept after purge and reinstall:", a.note, a.tags)'
echo "all Debian 12 checks passed"
