# shellcheck shell=bash
# Sourced by build_in_debian.sh and test_deb_in_debian.sh: a clean Debian 12 (bookworm)
# root made with debootstrap from the mirror this machine's apt uses, kept as a tarball
# in build/ between runs, and a way to run commands in it.
#
#   debian_root DIR      make DIR a fresh minimal bookworm root, mounted for use
#   in_root CMD...       run CMD in it, as root, with a clean environment
#   as_user CMD...       run CMD in it as the unprivileged user "reader"
#   leave_root           unmount it (the caller's EXIT trap)

DEBIAN_CACHE=${DEBIAN_CACHE:-$PWD/build/debian-root.tar}
ROOT_DIR=""

debian_mirror() {
  local mirror
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null \
    || true)
  echo "${mirror:-$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list)}"
}

debian_root() {
  ROOT_DIR=$1
  # Whatever an interrupted run left mounted in it goes first (/dev and /sys are bound
  # in: never delete through them), and rm stays on the root's own file system.
  leave_root
  if awk -v root="$(realpath -m "$ROOT_DIR")/" 'index($2 "/", root) == 1 {found=1} END {exit !found}' \
    /proc/mounts; then
    echo "$ROOT_DIR still has file systems mounted in it; not removing it" >&2
    return 1
  fi
  rm -rf --one-file-system "$ROOT_DIR"
  mkdir -p "$ROOT_DIR"
  if [ -f "$DEBIAN_CACHE" ]; then
    tar -xf "$DEBIAN_CACHE" -C "$ROOT_DIR"
  else
    debootstrap --variant=minbase bookworm "$ROOT_DIR" "$(debian_mirror)" >/dev/null
    mkdir -p "$(dirname "$DEBIAN_CACHE")"
    tar -cf "$DEBIAN_CACHE" -C "$ROOT_DIR" .
  fi
  mount -t proc proc "$ROOT_DIR/proc"
  mount --rbind /sys "$ROOT_DIR/sys"
  mount --rbind /dev "$ROOT_DIR/dev"
  cp /etc/resolv.conf "$ROOT_DIR/etc/resolv.conf" 2>/dev/null || true
}

leave_root() {
  [ -n "$ROOT_DIR" ] && [ -d "$ROOT_DIR" ] || return 0
  local root target
  root=$(realpath -m "$ROOT_DIR")
  # every mount below the root, deepest first
  awk -v root="$root/" 'index($2 "/", root) == 1 {print $2}' /proc/mounts | sort -r \
    | while read -r target; do umount -l "$target" 2>/dev/null || true; done
}

in_root() {
  chroot "$ROOT_DIR" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 "$@"
}

as_user() {
  in_root id reader >/dev/null 2>&1 || in_root useradd --create-home reader
  chroot --userspec=reader:reader "$ROOT_DIR" /usr/bin/env -i HOME=/home/reader \
    PATH=/usr/bin:/bin LANG=C.UTF-8 USER=reader "$@"
}
