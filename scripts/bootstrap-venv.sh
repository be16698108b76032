#!/usr/bin/env bash
# Makes .venv from uv.lock with a pinned uv, starting from a bare python3.
# Debian's python3 has no venv/pip until python3-venv is installed.
set -euo pipefail
UV_VERSION=0.13.9
PY=${PYTHON:-python3}
cd "$(dirname "$0")/.."
if ! "$PY" -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; then
  echo "需要 Python 3.11 或更高版本 ($PY)" >&2; exit 1
fi
if [[ ! -x .tools/bin/uv ]]; then
  if ! "$PY" -m venv .tools >/dev/null 2>&1; then
    rm -rf .tools
    bash scripts/ensure-system-packages.sh <(echo python3-venv)
    "$PY" -m venv .tools
  fi
  .tools/bin/python -m pip install -q "uv==$UV_VERSION"
fi
# Byte-compile once: some machines set PYTHONDONTWRITEBYTECODE, and every start of the
# client (and every CLI test) would otherwise recompile thousands of library modules.
.tools/bin/uv sync --frozen --compile-bytecode --python "$PY" -q
