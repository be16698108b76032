"""Receipt printers attached to this machine, for ``desk-app devices list``.

USB printer-class devices (through pyusb, when libusb is present) and Linux printer
device nodes. Network printers cannot be found without scanning the LAN, which a
counter machine must not do; they are bound by address in the machine config.
"""

from __future__ import annotations

import glob
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)
USB_PRINTER_CLASS = 7


@dataclass(frozen=True)
class FoundPrinter:
    uri: str
    description: str


def find_printers() -> list[FoundPrinter]:
    return _usb_printers() + _device_nodes()


def _usb_printers() -> list[FoundPrinter]:
    try:
        import usb.core
    except ImportError:
        return []
    try:
        devices = list(usb.core.find(find_all=True))
    except (usb.core.NoBackendError, usb.core.USBError, OSError, ValueError) as exc:
        log.info("无法枚举 USB 设备：%s", type(exc).__name__)
        return []
    found = []
    for dev in devices:
        try:
            is_printer = any(
                intf.bInterfaceClass == USB_PRINTER_CLASS for cfg in dev for intf in cfg
            )
        except (usb.core.USBError, OSError, ValueError):
            continue
        if is_printer:
            uri = f"escpos-usb:{dev.idVendor:04x}:{dev.idProduct:04x}"
            found.append(FoundPrinter(uri, "USB 打印机（ESC/POS 需按型号确认）"))
    return found


def _device_nodes() -> list[FoundPrinter]:
    return [
        FoundPrinter(f"escpos-file:{path}", "打印机设备文件")
        for path in sorted(glob.glob("/dev/usb/lp*"))
    ]
