"""What callers do with the hub's devices: read a card, capture, scan, print.

The desk and the device bridge both call these, naming themselves as ``owner``; each
runs on the device's own thread through ``DeviceHub``. The camera and scanner proxies
let the desk's capture screen use the hub's one driver as if it had opened its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from desk_app.core.hardware.device_hub import DeviceHub, DeviceSlot
from desk_app.core.machine_config import (
    ROLE_A4_PRINTER,
    ROLE_CAMERA,
    ROLE_ID_READER,
    ROLE_RECEIPT_PRINTER,
    ROLE_SCANNER,
)

CARD_READ = "read_card"


def read_identity(hub: DeviceHub, owner: str, timeout: float):
    """Wait up to ``timeout`` s for a card; a second ask while one runs joins it."""
    return hub.slot(ROLE_ID_READER).call(
        CARD_READ, lambda reader: reader.read_identity(timeout=timeout), owner=owner,
        exclusive=True, timeout=timeout + 5.0)


def print_slip(hub: DeviceHub, owner: str, slip):
    return hub.slot(ROLE_RECEIPT_PRINTER).call(
        "print_slip", lambda printer: printer.print_slip(slip), owner=owner, timeout=60.0)


def print_pdf(hub: DeviceHub, owner: str, pdf: bytes) -> str:
    return hub.slot(ROLE_A4_PRINTER).call(
        "print_pdf", lambda printer: printer.print_pdf(pdf), owner=owner, timeout=90.0)


@dataclass(frozen=True)
class CapturedImage:
    data: bytes
    media_type: str
    width: int
    height: int
    sha256: str
    sm3: str


def _finished(data: bytes, media_type: str, width: int, height: int) -> CapturedImage:
    from devices.camera.material import sm3_hex

    return CapturedImage(data, media_type, width, height, hashlib.sha256(data).hexdigest(),
                         sm3_hex(data))


def as_pdf(page_data: list[bytes]) -> bytes:
    import img2pdf

    return img2pdf.convert(page_data)


def capture_page(hub: DeviceHub, owner: str, *, mode: str = "document",
                 output: str = "jpeg", full_frame: bool = False) -> CapturedImage:
    """One page from the document camera: detected, straightened, enhanced, encoded."""
    from devices.camera.pipeline import process_frame

    frame = hub.slot(ROLE_CAMERA).call(
        "capture", lambda camera: camera.capture_still(timeout=10.0), owner=owner,
        exclusive=True, timeout=20.0)
    # the CPU work runs on the caller's thread: the camera is free for the next caller
    page = process_frame(frame, mode, full_frame=full_frame)
    return _encoded(page.data, page.media_type, page.width, page.height, output)


def _encoded(data: bytes, media_type: str, width: int, height: int, output: str) -> CapturedImage:
    import cv2

    if output == "pdf":
        return _finished(as_pdf([data]), "application/pdf", width, height)
    wanted = {"jpeg": "image/jpeg", "png": "image/png"}[output]
    if media_type != wanted:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        ok, buf = cv2.imencode(".jpg" if output == "jpeg" else ".png", image)
        if not ok:
            raise ValueError("encoding failed")
        data = buf.tobytes()
    return _finished(data, wanted, width, height)


def scan_pages(hub: DeviceHub, owner: str, *, output: str = "pdf",
               source: str = "") -> list[CapturedImage]:
    """Every page the scanner gives (the feeder's stack or the flatbed), each finished."""
    from devices.camera.pipeline import process_frame
    from devices.scanner.base import ScanSettings

    settings = ScanSettings(source=source) if source else ScanSettings()
    frames = hub.slot(ROLE_SCANNER).call(
        "scan", lambda scanner: scanner.scan(settings, timeout=120.0), owner=owner,
        exclusive=True, timeout=130.0)
    pages = [process_frame(f, "colour", detect=False) for f in frames]
    if output == "pdf":
        if not pages:
            return []
        pdf = as_pdf([p.data for p in pages])
        return [_finished(pdf, "application/pdf", pages[0].width, pages[0].height)]
    return [_encoded(p.data, p.media_type, p.width, p.height, output) for p in pages]


class HubCamera:
    """The hub's camera for the desk's capture screen: calls run on the camera's thread.

    Holding one leases the camera for its owner (a page cannot capture mid-session);
    ``close`` releases it and leaves the driver open for the next user.
    """

    def __init__(self, slot: DeviceSlot, owner: str) -> None:
        self._slot, self._owner = slot, owner
        self.uri = slot.uri  # the page's source, as with a camera opened directly
        slot.lease(owner)

    def _call(self, name: str, fn, timeout: float):
        return self._slot.call(name, fn, owner=self._owner, timeout=timeout)

    def preview_frame(self, timeout: float = 2.0) -> np.ndarray:
        return self._call("preview", lambda c: c.preview_frame(timeout), timeout + 3.0)

    def capture_still(self, timeout: float = 5.0) -> np.ndarray:
        return self._call("capture", lambda c: c.capture_still(timeout), timeout + 3.0)

    def resolution(self) -> tuple[int, int]:
        return self._call("resolution", lambda c: c.resolution(), 10.0)

    def close(self) -> None:
        self._slot.release(self._owner)


class HubScanner:
    """The hub's scanner for the desk's capture screen, like ``HubCamera``."""

    def __init__(self, slot: DeviceSlot, owner: str) -> None:
        self._slot, self._owner = slot, owner
        self.uri = slot.uri
        self.description = slot.kind.label
        slot.lease(owner)

    def scan(self, settings=None, timeout: float = 120.0) -> list[np.ndarray]:
        return self._slot.call("scan", lambda s: s.scan(settings, timeout), owner=self._owner,
                               timeout=timeout + 10.0)

    def close(self) -> None:
        self._slot.release(self._owner)
