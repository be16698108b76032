#!/usr/bin/env bash
# Builds counter-desk_<version>_<arch>.deb for Debian-based desks (UOS, Kylin, Debian 12).
#
#   bash scripts/build-deb.sh                          # -> dist/counter-desk_<v>_<arch>.deb
#   BUILD_DEB_SKIP_BUNDLE=1 bash scripts/build-deb.sh  # metadata only, no bundle (fast; tests)
#
# The package carries the PyInstaller onedir bundle (its own Python and every wheel) in
# /opt/counter-desk, so it depends only on system libraries (Qt's xcb libraries, PC/SC,
# SANE, fonts), never on a system python3. Layout: /opt/counter-desk/desk-app and
# /opt/counter-desk/_internal/ (the bundle), /usr/bin/desk-app (launcher), the .desktop
# entry and icon. Build on the desks' CPU (amd64 or arm64; PyInstaller does not
# cross-build) and on a system whose glibc is not newer than the desks' (the bundle's
# floor: scripts/glibc_floor.py). Environment: OUT_DIR (default dist), BUILD_DIR (default
# build/deb), BUILD_DEB_BUNDLE (a built bundle folder; default: build it now into
# dist/pyinstaller/desk-app), DEB_COMPRESS (xz, the default, or gzip; dpkg on UOS 20 /
# Kylin V10 reads both, not zstd), DEB_MAINTAINER.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT_DIR=$(mkdir -p "${OUT_DIR:-dist}" && cd "${OUT_DIR:-dist}" && pwd)
BUILD_DIR=${BUILD_DIR:-build/deb}
PYTHON=/usr/bin/python3  # any python3 >= 3.7 (UOS 20 has 3.7): fills the control file
SKIP_BUNDLE=${BUILD_DEB_SKIP_BUNDLE:-0}
BUNDLE=${BUILD_DEB_BUNDLE:-}
COMPRESS=${DEB_COMPRESS:-xz}
DEB_SRC=installer/debian
start=$(date +%s)

fail() { echo "build-deb: $*" >&2; exit 1; }
command -v dpkg-deb >/dev/null || fail "需要 dpkg-deb（Debian 软件包 dpkg）"
[[ -x $PYTHON ]] || PYTHON=$(command -v python3) || fail "需要 python3（生成 control 文件）"
case $COMPRESS in xz|gzip) ;; *) fail "DEB_COMPRESS 只能是 xz 或 gzip（UOS 20 的 dpkg 不认 zstd）";; esac
ARCH=$(dpkg --print-architecture)
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)
[[ -n $VERSION ]] || fail "pyproject.toml 里找不到 version"

STAGE="$BUILD_DIR/stage"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt/counter-desk" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/doc/counter-desk" "$STAGE/etc/counter-desk"

if [[ $SKIP_BUNDLE != 1 ]]; then
  if [[ -z $BUNDLE ]]; then
    bash scripts/build-pyinstaller.sh
    BUNDLE=${PYI_DIST:-dist/pyinstaller}/desk-app
  fi
  [[ -x $BUNDLE/desk-app && -d $BUNDLE/_internal ]] ||
    fail "$BUNDLE 不是 PyInstaller 构建的 desk-app 目录（缺 desk-app 或 _internal/）"
  built=$("$BUNDLE/desk-app" --version | awk '{print $2}')
  [[ $built == "$VERSION" ]] || fail "$BUNDLE 是 $built 版，pyproject.toml 是 $VERSION：请重新构建"
  cp -a "$BUNDLE/." "$STAGE/opt/counter-desk/"
fi

install -m 0755 "$DEB_SRC/desk-app" "$STAGE/usr/bin/desk-app"
install -m 0644 "$DEB_SRC/counter-desk.desktop" "$STAGE/usr/share/applications/"
install -m 0644 resources/icons/counter-desk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 "$DEB_SRC/copyright" "$STAGE/usr/share/doc/counter-desk/copyright"
install -m 0755 "$DEB_SRC/prerm" "$STAGE/DEBIAN/"
# Owner bits come from --root-owner-group; modes must not depend on the builder's umask.
chmod -R u+rwX,go+rX,go-w "$STAGE"

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
"$PYTHON" "$DEB_SRC/gen_control.py" --version "$VERSION" --arch "$ARCH" \
  --installed-size "$SIZE_KB" \
  ${DEB_MAINTAINER:+--maintainer "$DEB_MAINTAINER"} > "$STAGE/DEBIAN/control"

DEB="$OUT_DIR/counter-desk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group "-Z$COMPRESS" --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1), installed ${SIZE_KB} KiB) in $(( $(date +%s) - start )) s"
