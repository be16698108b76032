#!/usr/bin/env bash
# Onedir PyInstaller build of desk-app from installer/pyinstaller/counter-desk.spec.
# Run on the target OS and CPU (Windows: Git Bash; UOS/Kylin: bash) after `uv sync --frozen`.
# Output: dist/pyinstaller/desk-app/ (then installer/windows/counter-desk.iss on Windows).
# COUNTER_DESK_UPDATE_ROOT: the update repository's root.json to ship (default
# installer/update-root.json; see README "Signed updates").
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[[ -x $PY ]] || PY=.venv/Scripts/python.exe
if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
  echo "缺少 PyInstaller：请先运行 uv sync --frozen（dev 组包含 pyinstaller）" >&2
  exit 1
fi
# The shipped trust anchor of signed updates (see the spec): refuse a damaged one here,
# a package that ships it could never update.
update_root=${COUNTER_DESK_UPDATE_ROOT:-installer/update-root.json}
if [[ -f $update_root ]]; then
  "$PY" -m desk_app.core.updates.trusted_root "$update_root"
  mkdir -p build/update-root  # the bundle keeps the file's name: always update-root.json
  cp "$update_root" build/update-root/update-root.json
  export COUNTER_DESK_UPDATE_ROOT=$PWD/build/update-root/update-root.json
else
  echo "注意：没有 $update_root，此构建不能检查更新（见 README“签名更新”）" >&2
fi
start=$(date +%s)
# PYI_DIST / PYI_WORK: other output and work folders (the package test builds in a temp dir)
dist=${PYI_DIST:-dist/pyinstaller}
"$PY" -m PyInstaller --noconfirm --clean \
  --distpath "$dist" --workpath "${PYI_WORK:-build/pyinstaller}" \
  installer/pyinstaller/counter-desk.spec
out=$dist/desk-app
echo "built $out in $(( $(date +%s) - start )) s, $(du -sh "$out" | cut -f1)"
