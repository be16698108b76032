"""Receipt printers in ``desk-app devices …`` and ``desk-app doctor``.

- ``devices print-test --device DEVICE``: the test slip (every glyph class, punctuation
  alone, a QR code, a cut), then the printer's status;
- ``devices print-slip --device DEVICE --template receipt|ticket --data FILE.json``:
  a slip from data, for checking a template (fields in ``documents.data_files``);
- ``devices printer-status --device DEVICE``: paper, cover, errors in words.

DEVICE is a name bound in ``[devices]`` (default ``receipt_printer``) or an ad-hoc URI
(``escpos-tcp://10.0.0.21:9100?encoding=gb18030&width=80`` …, see
``devices.printer.uri``). Exit status: 0 printed/ready, 1 the printer is not ready,
2 the device, URI or data is wrong; the reason goes to stderr in Chinese.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app.commands.cli_audit import AuditUnavailable, record
from desk_app.core.bounded_json import JsonInputError, load_json_file
from desk_app.core.doctor_report import DeviceListing, DoctorCheck
from desk_app.core.documents import (
    DataFileError,
    FontMissing,
    TemplateError,
    build_receipt,
    build_ticket,
    load_cjk_fonts,
    receipt_from_json,
    ticket_from_json,
)
from desk_app.core.machine_config import ROLE_RECEIPT_PRINTER
from desk_app.services.command_context import CommandContext
from devices.errors import DeviceError
from devices.printer import (
    PrinterConfigError,
    PrinterNotReady,
    ReceiptPrinter,
    Slip,
    SlipError,
    open_printer,
    parse_printer_uri,
)
from devices.printer.discovery import find_printers
from devices.printer.selftest import build_test_slip
from devices.printer.uri import SCHEMES

KIND = "printer"


def is_printer_uri(uri: str) -> bool:
    return uri.partition(":")[0] in SCHEMES


def register(dev_sub: argparse._SubParsersAction) -> None:
    device_help = f"bound device name or printer URI (default {ROLE_RECEIPT_PRINTER})"
    test = dev_sub.add_parser("print-test", help="print the receipt printer's test slip")
    test.add_argument("--device", default=ROLE_RECEIPT_PRINTER, help=device_help)
    test.set_defaults(func=print_test)

    slip = dev_sub.add_parser("print-slip", help="print a receipt or ticket from a JSON file")
    slip.add_argument("--device", default=ROLE_RECEIPT_PRINTER, help=device_help)
    slip.add_argument("--template", choices=("receipt", "ticket"), required=True)
    slip.add_argument("--data", type=Path, required=True, help="JSON data file")
    slip.set_defaults(func=print_slip)

    status = dev_sub.add_parser("printer-status", help="ask the receipt printer how it is")
    status.add_argument("--device", default=ROLE_RECEIPT_PRINTER, help=device_help)
    status.set_defaults(func=printer_status)


def print_test(args: argparse.Namespace, ctx: CommandContext) -> int:
    code = _with_printer(args, ctx, lambda p: _print(p, build_test_slip(p.profile)))
    return _audited(ctx, code, "print_test", args.device, {})


def print_slip(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        raw = load_json_file(args.data)
        if args.template == "receipt":
            slip = build_receipt(receipt_from_json(raw))
        else:
            slip = build_ticket(ticket_from_json(raw))
    except JsonInputError as exc:
        return _fail(str(exc))
    except (DataFileError, TemplateError) as exc:
        return _fail(f"数据文件 {args.data}：{exc}")
    code = _with_printer(args, ctx, lambda p: _print(p, slip))
    return _audited(ctx, code, "print_slip", args.device, {"template": args.template})


def _audited(ctx: CommandContext, code: int, action: str, device: str, detail: dict) -> int:
    """A slip that went out is recorded (the device name, never the slip's text)."""
    if code != 0:
        return code
    try:
        record(ctx, action, target=device, detail=detail)
    except AuditUnavailable as exc:
        return _fail(f"已打印，但{exc}")
    return 0


def printer_status(args: argparse.Namespace, ctx: CommandContext) -> int:
    def report(printer: ReceiptPrinter) -> int:
        status = printer.status()
        print(f"{printer.target.describe()}：{status.message()}")
        return 0 if status.ready or not status.answered else 1

    return _with_printer(args, ctx, report)


def _print(printer: ReceiptPrinter, slip: Slip) -> int:
    try:
        result = printer.print_slip(slip)
    except PrinterNotReady as exc:
        return _fail(f"未打印：{exc.clerk_message}", code=1)
    except SlipError as exc:
        return _fail(f"未打印：{exc}")
    print(f"{printer.target.describe()}：{result.clerk_note()}（{result.bytes_sent} 字节）")
    status = printer.status()
    print(f"打印后状态：{status.message()}")
    return 0


def _with_printer(args: argparse.Namespace, ctx: CommandContext, action) -> int:
    uri = ctx.config.resolve_device(args.device)
    if not is_printer_uri(uri):
        bound = "、".join(n for n, u in ctx.config.devices.items() if is_printer_uri(u)) or "无"
        return _fail(
            f"“{args.device}”既不是已绑定的打印机名称，也不是打印机地址（已绑定：{bound}）"
        )
    try:
        with open_printer(uri) as printer:
            return action(printer)
    except DeviceError as exc:
        return _fail(exc.clerk_message)


def _fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code


def enumerate_devices(ctx: CommandContext) -> list[DeviceListing]:
    rows: list[DeviceListing] = []
    for name, uri in ctx.config.devices.items():
        if is_printer_uri(uri):
            rows.append(DeviceListing(KIND, uri, _describe(uri), bound_as=name))
    bound = {r.uri for r in rows}
    for found in find_printers():
        if found.uri not in bound:
            rows.append(DeviceListing(KIND, found.uri, found.description))
    rows.append(DeviceListing(KIND, "escpos-sim:", "模拟小票打印机（80mm，GB18030）"))
    return rows


def _describe(uri: str) -> str:
    try:
        return parse_printer_uri(uri).describe()
    except PrinterConfigError as exc:
        return f"配置有误：{exc.clerk_message}"


def doctor_checks(ctx: CommandContext) -> list[DoctorCheck]:
    checks: list[DoctorCheck] = []
    printers = {n: u for n, u in ctx.config.devices.items() if is_printer_uri(u)}
    if ROLE_RECEIPT_PRINTER not in printers:
        checks.append(
            DoctorCheck(
                f"小票打印机 {ROLE_RECEIPT_PRINTER}",
                False,
                f"未在 [devices] 中绑定 {ROLE_RECEIPT_PRINTER}：受理后无法打印收件回执",
                warning=True,
            )
        )
    for name, uri in printers.items():
        checks.append(_check_printer(name, uri))
    checks.append(_check_notice_fonts())
    return checks


def _check_printer(name: str, uri: str) -> DoctorCheck:
    label = f"小票打印机 {name}"
    try:
        with open_printer(uri) as printer:
            status = printer.status()
            where = printer.target.describe()
    except DeviceError as exc:
        return DoctorCheck(label, False, exc.clerk_message)
    if not status.answered:
        return DoctorCheck(label, True, f"{where}：已连接；{status.message()}", warning=True)
    return DoctorCheck(
        label,
        status.ready,
        f"{where}：{status.message()}",
        warning=status.ready and status.paper_near_end,
    )


def _check_notice_fonts() -> DoctorCheck:
    try:
        fonts = load_cjk_fonts()
    except FontMissing as exc:
        return DoctorCheck("A4 通知书中文字体", False, str(exc))
    extra = (
        f"，补字字体 {len(fonts.fallbacks)} 个"
        if fonts.fallbacks
        else "，无补字字体（生僻字将印为 □）"
    )
    return DoctorCheck(
        "A4 通知书中文字体", True, f"可嵌入字体 {fonts.primary}{extra}", warning=not fonts.fallbacks
    )
