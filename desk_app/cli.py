"""``desk-app``: the GUI, the demo, and the technicians' commands.

Each sub-command lives in its own module under ``desk_app.commands`` and exposes
``register(subparsers)``; a registered parser sets ``func(args, ctx) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from desk_app import __version__
from desk_app.commands.context import CommandContext

COMMAND_MODULES = (
    "desk_app.commands.devices",
    "desk_app.commands.doctor",
    "desk_app.commands.outbox",
    "desk_app.commands.cases",
    "desk_app.commands.audit",
    "desk_app.commands.update",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app", description="综窗受理台 Counter Desk — 综合窗口受理客户端"
    )
    parser.add_argument(
        "--config", type=Path, help="machine config TOML (default: platform config dir)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start an in-process reference center with demo data and simulated devices",
    )
    parser.add_argument(
        "--data-root", type=Path, help="keep config, data, logs and cache below this folder"
    )
    parser.add_argument("--version", action="version", version=f"desk-app {__version__}")
    parser.add_argument("--lang", default="zh_CN", help="UI language (zh_CN; en where translated)")
    parser.add_argument("--ready-file", type=Path, help=argparse.SUPPRESS)  # automation: window up
    subparsers = parser.add_subparsers(dest="command")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CommandContext.from_args(args)
    if args.command is None:
        from desk_app.ui.gui_main import run_gui  # Qt only when a window is wanted

        return run_gui(ctx, demo=args.demo, ready_file=args.ready_file, language=args.lang)
    return int(args.func(args, ctx) or 0)


if __name__ == "__main__":
    sys.exit(main())
