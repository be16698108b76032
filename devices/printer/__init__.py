"""Thermal receipt printers (ESC/POS) with Chinese text that prints right.

Call ``open_printer(uri)`` for a ``ReceiptPrinter``; build a ``Slip`` of ``TextLine``,
``Columns``, ``TableRow``, ``Rule``, ``QRCode``, ``Feed`` and ``Cut``; ``print_slip`` it. URIs and
profile options are described in ``devices.printer.uri`` and ``devices.printer.profile``.
"""

# Names are imported on first use (PEP 562): the slip model is needed at every start,
# python-escpos (whose import parses a YAML capability file, ~1 s) only when printing.
_HOMES = {
    "BUILTIN_PROFILES": "profile", "PrinterProfile": "profile", "ProfileError": "profile",
    "PrinterNotReady": "receipt_printer", "PrintResult": "receipt_printer",
    "ReceiptPrinter": "receipt_printer", "open_printer": "receipt_printer",
    "RenderedSlip": "render", "SlipError": "render", "render_slip": "render",
    "Columns": "slip", "Cut": "slip", "Feed": "slip", "QRCode": "slip", "Rule": "slip",
    "Slip": "slip", "SlipCommand": "slip", "TableRow": "slip", "TextLine": "slip",
    "PrinterStatus": "status",
    "PrinterConfigError": "uri", "PrinterTarget": "uri", "parse_printer_uri": "uri",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'devices.printer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"devices.printer.{home}"), name)
    globals()[name] = value
    return value


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
