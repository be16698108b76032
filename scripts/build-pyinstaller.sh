#!/usr/bin/env bash
# Onedir PyInstaller build of desk-app from installer/pyinstaller/counter-desk.spec.
# Run on the target OS and CPU (Windows: Git Bash; UOS/Kylin: bash) after `uv sync --frozen`.
# Output: dist/pyinstaller/desk-app/ (then installer/windows/counter-desk.iss on Windows).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[[ -x $PY ]] || PY=.venv/Scripts/python.exe
if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
  echo "缺少 PyInstaller：请先运行 uv sync --frozen（dev 组包含 pyinstaller）" >&2
  exit 1
fi
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean \
  --distpath dist/pyinstaller --workpath build/pyinstaller \
  installer/pyinstaller/counter-desk.spec
out=dist/pyinstaller/desk-app
echo "built $out in $(( $(date +%s) - start )) s, $(du -sh "$out" | cut -f1)"
