#!/usr/bin/env bash
# Build the Linux bundle (PyInstaller, one folder) and the .deb, then self-test the bundle.
#
#     bash packaging/build_linux.sh          # writes build/dist/ and build/timeline-viewer_VERSION_ARCH.deb
#
# Uses its own virtual environment (build/venv) with the project installed normally, so
# nothing in the source checkout's environment leaks in. Needs python3 (3.11+) and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build
NAME=timeline-viewer
APPID=io.github.timeline_viewer.TimelineViewer  # AppStream id (reverse DNS)
start=$(date +%s)

python3 -m venv "$BUILD/venv"
"$BUILD/venv/bin/pip" install -q --upgrade pip
"$BUILD/venv/bin/pip" install -q ".[package]"
VERSION=$("$BUILD/venv/bin/python" -c 'import viewer; print(viewer.__version__)')
ARCH=$(dpkg --print-architecture)

rm -rf "$BUILD/dist" "$BUILD/work" "$BUILD/icons" "$BUILD/deb"
"$BUILD/venv/bin/python" packaging/render_icons.py "$BUILD/icons"
"$BUILD/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$BUILD/dist" --workpath "$BUILD/work" packaging/$NAME.spec
bundle=$BUILD/dist/$NAME
# Strip debug symbols, except from the libraries auditwheel patched into *.libs folders
# (stripping those breaks them: numpy's OpenBLAS stops loading).
find "$bundle/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' \
  -exec strip --strip-unneeded {} +
# PySide6's signature support, compiled at build time, where PySide6 looks for it.
test -f "$bundle/_internal/shiboken6/files.dir/shibokensupport/signature/loader.pyc" \
  || { echo "the bundle lacks PySide6's compiled signature support" >&2; exit 1; }
echo "--- self-test of the bundle"
QT_QPA_PLATFORM=offscreen "$bundle/$NAME" --self-test
# The terminal's commands never load Qt (packaging/rthook_qt_paths.py).
if LD_DEBUG=libs "$bundle/$NAME" list kinds 2>&1 >/dev/null | grep -q libQt6Core; then
  echo "'$NAME list kinds' loaded Qt" >&2
  exit 1
fi

echo "--- .deb"
root=$BUILD/deb/root
install -d "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/metainfo" "$root/usr/share/icons" "$root/DEBIAN" \
  "$root/usr/share/doc/$NAME"
cp -a "$bundle" "$root/opt/$NAME"
# Shared libraries are read, not run (lintian: shared-library-is-executable).
find "$root/opt/$NAME/_internal" -type f -name '*.so*' -exec chmod 0644 {} +
install -m 755 packaging/linux/launcher.sh "$root/usr/bin/$NAME"
install -m 644 packaging/linux/$NAME.desktop "$root/usr/share/applications/"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
  packaging/linux/$APPID.metainfo.xml > "$root/usr/share/metainfo/$APPID.metainfo.xml"
cp -a "$BUILD/icons/hicolor" "$root/usr/share/icons/"
# The catalogs' own file type (.tlcat): shared-mime-info's trigger reads this folder.
install -D -m 644 packaging/linux/timeline-viewer-mime.xml \
  "$root/usr/share/mime/packages/$NAME.xml"
# The copyright file names every component and points to its texts, which the spec
# wrote into the bundle (packaging/licences.py).
{
  printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n'
  printf 'Upstream-Name: Timeline Viewer\n\nFiles: *\n'
  printf 'Copyright: 2026 Timeline Viewer developers\nLicense: MIT\n'
  printf ' This package also redistributes the components listed in\n'
  printf ' /opt/%s/licences/LICENCES.md, whose licence texts are in that folder:\n' "$NAME"
  "$BUILD/venv/bin/python" packaging/licences.py --list "$bundle" | sed 's/^/ /'
} > "$root/usr/share/doc/$NAME/copyright"
# The manual page, made from the argument parser (viewer/cli_manual.py) at build time.
install -d "$root/usr/share/man/man1"
"$BUILD/venv/bin/python" -m viewer.cli_manual | gzip -9n > "$root/usr/share/man/man1/$NAME.1.gz"
# What lintian asks of every package: a changelog (and, below, the files' md5sums).
printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' \
  "$NAME" "$VERSION" "$VERSION" "Timeline Viewer developers <maintainers@timeline-viewer.invalid>" \
  "$(date -u -R)" | gzip -9n > "$root/usr/share/doc/$NAME/changelog.gz"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# Depends, computed: dpkg-shlibdeps reads every ELF file of the bundle, and names the
# package of each library it leaves to the system, with the least version its symbols
# need (libc6's is the glibc floor: a guessed one let the .deb install where it could
# not start). The libraries the bundle carries are its own (-l: no package needed).
shlib=$BUILD/shlibdeps
rm -rf "$shlib" && mkdir -p "$shlib/debian"
printf 'Source: %s

Package: %s
Architecture: any
' "$NAME" "$NAME" > "$shlib/debian/control"
mapfile -t elves < <(find "$root/opt/$NAME" -type f \( -name '*.so*' -o -perm -u+x \) \
  -exec sh -c 'for f; do [ "$(head -c4 "$f")" = "$(printf "\177ELF")" ] && echo "$f"; done' _ {} +)
mapfile -t private < <(printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u | sed 's/^/-l/')
depends=$(cd "$shlib" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 "${private[@]}" \
  "${elves[@]/#/-e}" | sed -n 's/^shlibs:Depends=//p')
echo "Depends (computed): $depends"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$size/" \
  -e "s/@SHLIBS@/$depends/" packaging/linux/control.in > "$root/DEBIAN/control"
install -m 755 packaging/linux/postinst packaging/linux/postrm "$root/DEBIAN/"
chmod -R go-w "$root"  # whatever the umask of the checkout (lintian: non-standard-file-perm)
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)
deb=$BUILD/${NAME}_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null

echo "--- portable tarball (any Linux with glibc $(sed -n 's/.*libc6 (>= \([^)]*\)).*/\1/p' "$root/DEBIAN/control")+)"
# The same bundle with the desktop files beside it and a script that adds it to the
# user's menu: for Fedora, Arch and the rest, without root rights.
portable=$BUILD/portable/$NAME-$VERSION
rm -rf "$BUILD/portable" && mkdir -p "$portable"
cp -a "$bundle/." "$portable/"
mkdir -p "$portable/share"
cp -a "$root/usr/share/applications" "$root/usr/share/icons" "$root/usr/share/mime" \
  "$root/usr/share/metainfo" "$portable/share/"
install -m 755 packaging/linux/install-menu-entry.sh "$portable/"
tarball=$BUILD/$NAME-$VERSION-linux-$ARCH.tar.xz
tar -C "$BUILD/portable" --owner=0 --group=0 -cf - "$NAME-$VERSION" | xz -T0 -6 > "$tarball"

end=$(date +%s)
echo "--- figures"
echo "bundle:     $(du -sh "$bundle" | cut -f1)  ($bundle)"
echo ".deb (xz):  $(du -h "$deb" | cut -f1)  ($deb)"
echo "tarball:    $(du -h "$tarball" | cut -f1)  ($tarball)"
echo "build time: $((end - start)) s"
