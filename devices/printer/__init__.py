"""Thermal receipt printers (ESC/POS) with Chinese text that prints right.

Call ``open_printer(uri)`` for a ``ReceiptPrinter``; build a ``Slip`` of ``TextLine``,
``Columns``, ``TableRow``, ``Rule``, ``QRCode``, ``Feed`` and ``Cut``; ``print_slip`` it. URIs and
profile options are described in ``devices.printer.uri`` and ``devices.printer.profile``.
"""

from devices.printer.profile import BUILTIN_PROFILES, PrinterProfile, ProfileError
from devices.printer.receipt_printer import (
    PrinterNotReady,
    PrintResult,
    ReceiptPrinter,
    open_printer,
)
from devices.printer.render import RenderedSlip, SlipError, render_slip
from devices.printer.slip import (
    Columns,
    Cut,
    Feed,
    QRCode,
    Rule,
    Slip,
    SlipCommand,
    TableRow,
    TextLine,
)
from devices.printer.status import PrinterStatus
from devices.printer.uri import PrinterConfigError, PrinterTarget, parse_printer_uri

__all__ = [
    "BUILTIN_PROFILES",
    "Columns",
    "Cut",
    "Feed",
    "PrintResult",
    "PrinterConfigError",
    "PrinterNotReady",
    "PrinterProfile",
    "PrinterStatus",
    "PrinterTarget",
    "ProfileError",
    "QRCode",
    "ReceiptPrinter",
    "RenderedSlip",
    "Rule",
    "Slip",
    "SlipCommand",
    "SlipError",
    "TableRow",
    "TextLine",
    "open_printer",
    "parse_printer_uri",
    "render_slip",
]
