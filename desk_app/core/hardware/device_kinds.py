"""How the device hub opens, probes and keeps each kind of bound device.

A kind is a few plain functions over the ``devices`` drivers. ``keep_open`` says whether
the hub holds one driver for the life of the desk (card reader, camera, scanner) or opens
it per job on the device's thread (a network printer serves one connection at a time, so
holding it would lock out the other desks and the spooler).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desk_app.core.machine_config import (
    ROLE_A4_PRINTER,
    ROLE_APPLICANT_MONITOR,
    ROLE_CAMERA,
    ROLE_ID_READER,
    ROLE_RECEIPT_PRINTER,
    ROLE_SCANNER,
)
from forms.vocabulary import QT_TRANSLATE_NOOP  # labels shown translated by the status strip

PROBE_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class DeviceKind:
    label: str  # what the status strip calls it
    open: Callable[[str], Any]
    probe: Callable[[Any], str]  # a short description when healthy; raises DeviceError
    keep_open: bool = True
    # failures that say nothing against the device (no card on the reader, no page)
    benign: tuple[type[BaseException], ...] = ()


def _open_reader(uri: str):
    from devices.cards.uri import open_reader

    return open_reader(uri)


def _probe_reader(reader) -> str:
    return reader.check(PROBE_TIMEOUT_S) or "读卡器正常"


def _open_printer(uri: str):
    from devices.printer.receipt_printer import open_printer

    return open_printer(uri)


def _probe_printer(printer) -> str:
    from devices.printer.receipt_printer import PrinterNotReady

    status = printer.status()
    if status.answered and not status.ready:
        raise PrinterNotReady(status)
    return status.message() if status.answered else printer.target.describe()


def _open_camera(uri: str):
    from devices.camera.uri import open_camera

    return open_camera(uri)


def _probe_camera(camera) -> str:
    width, height = camera.resolution()
    return f"高拍仪正常（{width}×{height}）"


def _open_scanner(uri: str):
    from devices.scanner.uri import open_scanner

    return open_scanner(uri)


def _probe_scanner(scanner) -> str:
    # opening started SANE's helper and opened the device; a dead helper reopens on use
    return f"{getattr(scanner, 'description', '扫描仪')}已连接"


def _open_a4(uri: str):
    from devices.printer.a4 import A4Printer

    return A4Printer(uri)


def _probe_a4(printer) -> str:
    return printer.check(PROBE_TIMEOUT_S)


def _benign_card_errors() -> tuple[type[BaseException], ...]:
    from devices.cards.errors import NoCardError, WrongCardError

    return (NoCardError, WrongCardError)


def _benign_capture_errors() -> tuple[type[BaseException], ...]:
    from devices.camera.pipeline import PageNotFound

    return (PageNotFound,)


# What the clerk calls each device (the status strip shows them translated, the CLI as is).
LABELS = {
    ROLE_ID_READER: QT_TRANSLATE_NOOP("DeviceKind", "读卡器"),
    ROLE_RECEIPT_PRINTER: QT_TRANSLATE_NOOP("DeviceKind", "回执打印机"),
    ROLE_CAMERA: QT_TRANSLATE_NOOP("DeviceKind", "高拍仪"),
    ROLE_SCANNER: QT_TRANSLATE_NOOP("DeviceKind", "扫描仪"),
    ROLE_A4_PRINTER: QT_TRANSLATE_NOOP("DeviceKind", "A4 打印机"),
}


def default_kinds() -> dict[str, DeviceKind]:
    return {
        ROLE_ID_READER: DeviceKind(LABELS[ROLE_ID_READER], _open_reader, _probe_reader,
                                   benign=_benign_card_errors()),
        ROLE_RECEIPT_PRINTER: DeviceKind(LABELS[ROLE_RECEIPT_PRINTER], _open_printer,
                                         _probe_printer, keep_open=False),
        ROLE_CAMERA: DeviceKind(LABELS[ROLE_CAMERA], _open_camera, _probe_camera,
                                benign=_benign_capture_errors()),
        ROLE_SCANNER: DeviceKind(LABELS[ROLE_SCANNER], _open_scanner, _probe_scanner),
        ROLE_A4_PRINTER: DeviceKind(LABELS[ROLE_A4_PRINTER], _open_a4, _probe_a4,
                                    keep_open=False),
    }


# Not opened by the hub: the UI reports whether a second screen is there.
REPORTED_ROLES = {ROLE_APPLICANT_MONITOR: QT_TRANSLATE_NOOP("DeviceKind", "评价屏")}
# The hub's own words about a device (a backend's are its own, and stay as it says them).
NOT_CHECKED = QT_TRANSLATE_NOOP("DeviceKind", "尚未检测")
NOT_BOUND = QT_TRANSLATE_NOOP("DeviceKind", "未配置：请在 machine.toml 的 [devices] 中绑定")
