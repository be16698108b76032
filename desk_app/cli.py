"""``desk-app``: the GUI, the demo, and the technicians' commands.

Each sub-command lives in its own module under ``desk_app.commands`` and exposes
``register(subparsers)``; a registered parser sets ``func(args, ctx) -> int``. Only the
module of the command given is imported (``desk-app`` alone, the GUI, imports none):
the technicians' tools pull in OpenCV, python-escpos, SANE and tufup, half a second
before any window could open.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from desk_app import __version__
from desk_app.services.command_context import CommandContext

COMMAND_MODULES = {
    "devices": "desk_app.commands.devices",
    "doctor": "desk_app.commands.doctor",
    "outbox": "desk_app.commands.outbox",
    "cases": "desk_app.commands.cases",
    "audit": "desk_app.commands.audit",
    "update": "desk_app.commands.update",
    "bridge": "desk_app.commands.bridge",
}
VALUE_OPTIONS = frozenset({"--config", "--data-root", "--lang", "--ready-file"})


def needed_commands(argv: list[str]) -> list[str]:
    """The command modules this command line needs: the one it names, none for the GUI,
    all of them for ``--help`` or a word argparse must explain."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return list(COMMAND_MODULES)
        if token in VALUE_OPTIONS:
            next(tokens, None)
        elif not token.startswith("-"):
            return [token] if token in COMMAND_MODULES else list(COMMAND_MODULES)
    return []


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
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
    names = list(COMMAND_MODULES) if argv is None else needed_commands(argv)
    for name in names:
        importlib.import_module(COMMAND_MODULES[name]).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from desk_app.core.file_modes import private_files

    with private_files():  # umask 077 for whatever any command writes
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    from desk_app.core.logging_setup import Redactor, install_redaction

    # Before any command imports python-escpos (whose import calls basicConfig): every
    # record of this process is masked and only our handlers write to stderr.
    install_redaction(Redactor())
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--doctor-probe"]:  # doctor's Qt child in a frozen bundle (no ``-m`` there)
        import json

        from desk_app.ui.shell.doctor_probe import probe

        print(json.dumps(probe(), ensure_ascii=False))
        return 0
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    ctx = CommandContext.from_args(args)
    ctx.paths.secure()  # 0700/0600 on what an older version left wider
    if args.command is None:
        from desk_app.ui.shell.gui_main import run_gui  # Qt only when a window is wanted

        return run_gui(ctx, demo=args.demo, ready_file=args.ready_file, language=args.lang)
    return int(args.func(args, ctx) or 0)


if __name__ == "__main__":
    sys.exit(main())
