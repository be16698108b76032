#!/usr/bin/env bash
# Opens the client in demo mode on the current X display; without one, on a virtual
# one (Xvfb), so the command also works over SSH.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec .venv/bin/desk-app --demo "$@"
fi
echo "没有图形显示 (DISPLAY 未设置)：在虚拟显示 Xvfb 上启动演示。" >&2
exec xvfb-run -a -s "-screen 0 1600x900x24" .venv/bin/desk-app --demo "$@"
