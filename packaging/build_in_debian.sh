#!/usr/bin/env bash
# Build the Linux bundle and the .deb in a clean Debian 12 root, with Debian's own
# Python 3.11: the same recipe as the release workflow's debian:12 container (the
# packages of packaging/build-packages.txt, then packaging/build_linux.sh on the
# committed source), so what is built and tested here is what CI builds.
#
#     sudo bash packaging/build_in_debian.sh     # writes build/debian12/*.deb
#
# Needs root, debootstrap and Debian's mirror (the one this machine's apt uses); the
# root is cached in build/debian-root.tar (shared with test_deb_in_debian.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/debian_root.sh
. packaging/debian_root.sh
BUILD=$PWD/build
root=$BUILD/debian-build-root
out=$BUILD/debian12
trap leave_root EXIT

debian_root "$root"
# pip's settings and the package indexes this machine uses, when it has local ones
for conf in /etc/pip.conf /etc/xdg/pip/constraints.txt; do
  if [ -f "$conf" ]; then mkdir -p "$root$(dirname "$conf")" && cp "$conf" "$root$conf"; fi
done
for index in /opt/wheels /opt/pypi /opt/pypi-more; do
  if [ -d "$index" ]; then mkdir -p "$root$index" && mount --bind -o ro "$index" "$root$index"; fi
done

echo "--- the build packages (packaging/build-packages.txt)"
in_root apt-get update -qq
# shellcheck disable=SC2046 # one package a line
in_root apt-get install -y -qq --no-install-recommends \
  $(grep -v '^#' packaging/build-packages.txt) >/dev/null
in_root python3 --version
# The certificate authorities this machine trusts (a proxy's own, where one inspects TLS)
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

echo "--- the committed source, as the workflow checks it out"
mkdir -p "$root/src"
git archive HEAD | tar -x -C "$root/src"
in_root bash -c 'cd /src && bash packaging/build_linux.sh'

echo "--- lintian"
mkdir -p "$out"
rm -f "$out"/*.deb
cp "$root"/src/build/timeline-viewer_*.deb "$out/"
deb=$(ls "$out"/timeline-viewer_*.deb)
# As the release workflow runs it: an error or warning not in the expected list fails.
if command -v lintian >/dev/null; then
  lintian --fail-on error,warning \
    --suppress-tags-from-file packaging/linux/lintian-expected.txt "$deb"
fi
echo "built in a clean Debian 12: $deb"
