"""What Qt sees of this desk's screens and printers, for ``desk-app doctor``.

Run as ``python -m desk_app.ui.shell.doctor_probe``: it prints one JSON object and exits.
It is a separate process because Qt aborts the whole process when it cannot reach
the display, and doctor must report that, not die of it. The screens are the ones
the customer screen is placed on (``customer_screen.place_on_secondary_screen``),
the printers the ones the A4 notice's print dialog offers.
"""

from __future__ import annotations

import json
import sys


def probe() -> dict:
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinterInfo
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    primary = app.primaryScreen()
    screens = [
        {"name": s.name(), "primary": s is primary,
         "width": s.geometry().width(), "height": s.geometry().height()}
        for s in app.screens()
    ]
    default = QPrinterInfo.defaultPrinterName()
    printers = []
    for info in QPrinterInfo.availablePrinters():
        sizes = {size.id() for size in info.supportedPageSizes()}
        printers.append({
            "name": info.printerName(),
            "default": info.printerName() == default,
            "a4": QPageSize.PageSizeId.A4 in sizes or not sizes,  # none listed: driver default
            "remote": info.isRemote(),
        })
    return {"platform": app.platformName(), "screens": screens, "printers": printers}


if __name__ == "__main__":
    print(json.dumps(probe(), ensure_ascii=False))
