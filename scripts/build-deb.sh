#!/usr/bin/env bash
# Builds counter-desk_<version>_<arch>.deb for Debian-based desks (UOS, Kylin, Debian 12).
#
#   bash scripts/build-deb.sh                       # -> dist/counter-desk_<v>_<arch>.deb
#   BUILD_DEB_SKIP_VENV=1 bash scripts/build-deb.sh # sources + metadata only (fast; tests)
#
# Layout: /opt/counter-desk/app (our packages), /opt/counter-desk/venv (third-party packages
# from uv.lock, `uv sync --frozen --no-dev`), /usr/bin/desk-app, the .desktop entry and icon.
# The venv runs on the build machine's Debian python3 (Depends: python3.X), so build on the
# same distribution release and CPU as the desks (amd64 or arm64; no cross-building: the venv
# holds compiled wheels). Environment: OUT_DIR (default dist), BUILD_DIR (default build/deb),
# BUILD_DEB_PYTHON (default /usr/bin/python3), UV (default: uv on PATH, else .tools/bin/uv),
# DEB_MAINTAINER.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT_DIR=$(mkdir -p "${OUT_DIR:-dist}" && cd "${OUT_DIR:-dist}" && pwd)
BUILD_DIR=${BUILD_DIR:-build/deb}
PYTHON=${BUILD_DEB_PYTHON:-/usr/bin/python3}
SKIP_VENV=${BUILD_DEB_SKIP_VENV:-0}
DEB_SRC=installer/debian
APP_PACKAGES=(desk_app devices forms center resources)
start=$(date +%s)

fail() { echo "build-deb: $*" >&2; exit 1; }
command -v dpkg-deb >/dev/null || fail "需要 dpkg-deb（Debian 软件包 dpkg）"
[[ -x $PYTHON ]] || fail "找不到构建用的 Python：$PYTHON（设置 BUILD_DEB_PYTHON）"
# The venv must point at the versioned interpreter (python3.11), which the Depends names:
# /usr/bin/python3 may later move to another minor version on the desk.
PYTHON=$(readlink -f "$PYTHON")
UV=${UV:-$(command -v uv || echo "$ROOT/.tools/bin/uv")}
ARCH=$(dpkg --print-architecture)
VERSION=$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' pyproject.toml)
PY_MINOR=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')

STAGE="$BUILD_DIR/stage"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt/counter-desk/app" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/doc/counter-desk" "$STAGE/etc/counter-desk"

# Our sources: the tracked files (a checkout's stray files and caches stay out).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z -- "${APP_PACKAGES[@]}" |
    while IFS= read -r -d '' f; do [[ -f $f ]] && printf '%s\0' "$f"; done |
    xargs -0 cp --parents -t "$STAGE/opt/counter-desk/app"
else
  tar -cf - --exclude=__pycache__ --exclude='*.pyc' "${APP_PACKAGES[@]}" |
    tar -xf - -C "$STAGE/opt/counter-desk/app"
fi

if [[ $SKIP_VENV != 1 ]]; then
  [[ -x $UV ]] || fail "需要 uv（scripts/bootstrap-venv.sh 会安装到 .tools/bin）"
  VENV="$ROOT/$STAGE/opt/counter-desk/venv"
  # --relocatable: console scripts find their interpreter relative to themselves, so the venv
  # works after moving from the staging folder to /opt/counter-desk/venv.
  "$UV" venv -q --relocatable --python "$PYTHON" "$VENV"
  UV_PROJECT_ENVIRONMENT="$VENV" "$UV" sync -q --frozen --no-dev --no-install-project \
    --python "$PYTHON"
  site=$(echo "$VENV"/lib/python*/site-packages)
  echo /opt/counter-desk/app > "$site/counter-desk-app.pth"
  find "$VENV" -depth -type d -name __pycache__ -exec rm -rf {} +
fi

install -m 0755 "$DEB_SRC/desk-app" "$STAGE/usr/bin/desk-app"
install -m 0644 "$DEB_SRC/counter-desk.desktop" "$STAGE/usr/share/applications/"
install -m 0644 resources/icons/counter-desk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 "$DEB_SRC/copyright" "$STAGE/usr/share/doc/counter-desk/copyright"
install -m 0755 "$DEB_SRC/postinst" "$DEB_SRC/prerm" "$STAGE/DEBIAN/"
# Owner bits come from --root-owner-group; modes must not depend on the builder's umask.
chmod -R u+rwX,go+rX,go-w "$STAGE"

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
"$PYTHON" "$DEB_SRC/gen_control.py" --version "$VERSION" --arch "$ARCH" \
  --python "python$PY_MINOR" --installed-size "$SIZE_KB" \
  ${DEB_MAINTAINER:+--maintainer "$DEB_MAINTAINER"} > "$STAGE/DEBIAN/control"

DEB="$OUT_DIR/counter-desk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1), installed ${SIZE_KB} KiB) in $(( $(date +%s) - start )) s"
