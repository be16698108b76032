"""``desk-app devices …``: list devices and the per-kind technician tools.

Each device kind contributes a module listed in ``DEVICE_KIND_MODULES`` with:
- ``register(devices_subparsers)``: its own sub-commands (read-card, scan, print-test…);
- ``enumerate_devices(ctx) -> list[DeviceListing]``: what is attached or bound;
- ``doctor_checks(ctx) -> list[DoctorCheck]``: checks of each bound device of its kind.
"""

from __future__ import annotations

import argparse
import importlib
import json
from dataclasses import asdict

from desk_app.core.doctor_report import DeviceListing
from desk_app.services.command_context import CommandContext

DEVICE_KIND_MODULES: tuple[str, ...] = (
    "desk_app.commands.devices_cards",
    "desk_app.commands.devices_printer",
    "desk_app.commands.devices_capture",
)


def kind_modules():
    return [importlib.import_module(name) for name in DEVICE_KIND_MODULES]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("devices", help="list and try counter devices")
    dev_sub = parser.add_subparsers(dest="devices_command", required=True)
    listing = dev_sub.add_parser("list", help="list attached, simulated and bound devices")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=list_devices)
    for module in kind_modules():
        module.register(dev_sub)


def list_devices(args: argparse.Namespace, ctx: CommandContext) -> int:
    rows: list[DeviceListing] = []
    for module in kind_modules():
        rows.extend(module.enumerate_devices(ctx))
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("没有找到设备。")
    for row in rows:
        bound = f"  [已绑定为 {row.bound_as}]" if row.bound_as else ""
        print(f"{row.kind:<8} {row.uri:<48} {row.description}{bound}")
    return 0
