#!/bin/sh
# Timeline Viewer, portable: add the app in this folder to your desktop's menu, with its
# icon and the catalogs' file type (.tlcat), for you alone, without root rights.
#
#   ./install-menu-entry.sh            add it (again, after moving the folder)
#   ./install-menu-entry.sh --remove   take it away (your notes are kept)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$data/applications/timeline-viewer.desktop
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$data/mime/packages/timeline-viewer.xml"
  find "$data/icons/hicolor" -path '*/apps/timeline-viewer.*' -delete 2>/dev/null || true
  echo "Removed the menu entry; your notes are where they were."
  exit 0
fi
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons"
cp -R "$here/share/icons/hicolor" "$data/icons/"
cp "$here/share/mime/packages/timeline-viewer.xml" "$data/mime/packages/"
# The installed entry runs /usr/bin/timeline-viewer; this one runs the copy here.
sed "s|^Exec=timeline-viewer|Exec=\"$here/timeline-viewer\"|" \
  "$here/share/applications/timeline-viewer.desktop" > "$entry"
if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime"; fi
if command -v update-desktop-database >/dev/null; then
  update-desktop-database "$data/applications"
fi
echo "Added Timeline Viewer to your menu: $entry"
