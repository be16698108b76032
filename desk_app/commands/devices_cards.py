"""Card readers in ``desk-app devices …`` and ``desk-app doctor``.

``desk-app devices read-card --device DEVICE [--json] [--bank]``: DEVICE is a name
bound in the machine config's ``[devices]`` or a URI tried ad hoc (``sim:resident``,
``sam:/dev/ttyUSB0?baud=115200``, ``pcsc:ACS``, ``termb:/opt/x/libtermb.so?port=1001``,
``sdtapi:/opt/x/libsdtapi.so?port=1001``). The JSON carries the identity as on the
card plus decoded names and the photo as base64; the exit status is 0 on a read,
2 when the device failed (the clerk message goes to stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from desk_app.commands.cli_audit import AuditUnavailable, record, record_card_read
from desk_app.core.doctor_report import DeviceListing, DoctorCheck
from desk_app.services.command_context import CommandContext
from devices.cards import enumerate_readers, is_card_uri, open_reader
from devices.errors import DeviceError

KIND = "card"
CHECK_TIMEOUT = 3.0


def register(dev_sub: argparse._SubParsersAction) -> None:
    parser = dev_sub.add_parser("read-card", help="read an ID / social security / bank card")
    parser.add_argument(
        "--device", default="id_reader", help="bound device name or reader URI (default id_reader)"
    )
    parser.add_argument("--json", action="store_true", help="print the identity as JSON")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a card")
    parser.add_argument(
        "--bank", action="store_true", help="read a bank card's number (PC/SC readers), masked"
    )
    parser.set_defaults(func=read_card)


def read_card(args: argparse.Namespace, ctx: CommandContext) -> int:
    uri = ctx.config.resolve_device(args.device)
    if not is_card_uri(uri):
        known = "、".join(n for n, u in ctx.config.devices.items() if is_card_uri(u)) or "无"
        _stderr(f"“{args.device}”既不是已绑定的读卡器名称，也不是读卡器地址（已绑定：{known}）")
        return 2
    try:
        reader = open_reader(uri)
        try:
            if args.bank:
                return _print_bank(reader, args, ctx)
            identity = reader.read_identity(args.timeout)
        finally:
            reader.close()
    except DeviceError as exc:
        _stderr(f"读卡失败：{exc.clerk_message}")
        return 2
    try:
        record_card_read(ctx, identity.id_type.label, identity.id_number)
    except AuditUnavailable as exc:
        _stderr(str(exc))
        return 2
    today = date.today()
    if args.json:
        print(json.dumps(identity.to_json_dict(today), ensure_ascii=False, indent=2))
        return 0
    for key, value in identity.to_prefill().items():
        print(f"{key:<16} {value}")
    for note in identity.warnings(today):
        print(f"注意：{note}")
    return 0


def _print_bank(reader, args: argparse.Namespace, ctx: CommandContext) -> int:
    read_bank = getattr(reader, "read_bank_card", None)
    if read_bank is None:
        _stderr("这个读卡器不能读银行卡：请使用 pcsc: 智能卡读卡器")
        return 2
    card = read_bank(args.timeout)
    try:  # the number itself is never recorded; only that a bank card was read
        record(ctx, "bank_card_read", detail={"source": str(card.source)})
    except AuditUnavailable as exc:
        _stderr(str(exc))
        return 2
    row = {
        "pan_masked": card.masked_pan(),
        "luhn_ok": card.luhn_ok(),
        "expiry": card.expiry,
        "aid": card.aid,
        "label": card.label,
        "source": card.source,
    }
    if args.json:
        print(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        print(f"银行卡号 {row['pan_masked']}  有效期 {card.expiry or '未知'}")
    return 0


def _stderr(text: str) -> None:
    print(text, file=sys.stderr)


def _bound_names(ctx: CommandContext) -> dict[str, str]:
    return {uri: name for name, uri in ctx.config.devices.items() if is_card_uri(uri)}


def enumerate_devices(ctx: CommandContext) -> list[DeviceListing]:
    bound = _bound_names(ctx)
    rows = [
        DeviceListing(KIND, info.uri, info.description, bound.pop(info.uri, ""))
        for info in enumerate_readers()
    ]
    for uri, name in bound.items():  # bound but not discoverable (vendor libs, unplugged)
        rows.append(DeviceListing(KIND, uri, "已绑定的读卡器（未自动发现）", name))
    return rows


def doctor_checks(ctx: CommandContext) -> list[DoctorCheck]:
    checks = []
    for name, uri in ctx.config.devices.items():
        if not is_card_uri(uri):
            continue
        label = f"读卡器 {name}"
        try:
            reader = open_reader(uri)
            try:
                checks.append(DoctorCheck(label, True, f"{uri}：{reader.check(CHECK_TIMEOUT)}"))
            finally:
                reader.close()
        except DeviceError as exc:
            checks.append(DoctorCheck(label, False, f"{uri}：{exc.clerk_message}"))
    return checks
