"""Scanners on Windows through TWAIN (pytwain), behind the same interface as SANE.

Import-guarded: pytwain exists only on Windows and is imported only when a ``twain:`` URI
is opened or ``desk-app devices list`` asks for the sources (``list_twain_sources``, silent
off Windows). Scanning is not exercised by the test suite (CI runs on Linux); the
TWAIN condition codes below are the spec's (TWAIN 2.4, chapter 11: TWCC_PAPERJAM 20,
TWCC_PAPERDOUBLEFEED 21, TWCC_NOMEDIA 29 ...).

Pages come through pytwain's ``acquire`` helper one at a time into a temporary BMP,
which we decode; for the feeder it is called until the source reports no media.
"""

from __future__ import annotations

import platform
import tempfile
from pathlib import Path

import cv2
import numpy as np

from devices.errors import DeviceError, DeviceNotConnected
from devices.scanner.base import ScanSettings
from devices.scanner.errors import CoverOpen, NoPaper, PaperJam, ScannerBusy

MAX_FEEDER_PAGES = 500


def _twain():
    if platform.system() != "Windows":
        raise DeviceNotConnected("TWAIN 扫描仪只能在 Windows 上使用：Linux 请使用 sane: 设备")
    try:
        import twain  # pytwain
    except ImportError as exc:
        raise DeviceNotConnected("本机未安装 TWAIN 支持（pytwain）：请重新安装受理台") from exc
    return twain


def translate_twain_error(exc: Exception) -> DeviceError:
    text = str(exc)
    low = text.lower()
    if "paperjam" in low or "paper jam" in low or "doublefeed" in low:
        return PaperJam(text)
    if "nomedia" in low or "no media" in low:
        return NoPaper(text)
    if "coveropen" in low or "cover" in low:
        return CoverOpen(text)
    if "seqerror" in low or "busy" in low:
        return ScannerBusy(text)
    return DeviceError(f"扫描仪报告错误：{text}", detail=text)


class TwainScanner:
    def __init__(self, source_name: str, *, uri: str = "") -> None:
        self.source_name = source_name
        self.uri = uri or f"twain:{source_name}"
        self.description = f"TWAIN 扫描仪 {source_name}"
        self._twain = _twain()

    def _acquire_one(self, settings: ScanSettings, path: Path) -> np.ndarray | None:
        twain = self._twain
        try:
            result = twain.acquire(
                str(path),
                ds_name=self.source_name or None,
                dpi=settings.dpi,
                pixel_type="color" if settings.colour else "gray",
                show_ui=False,
            )
        except Exception as exc:  # pytwain raises its own exception classes per condition
            raise translate_twain_error(exc) from exc
        if result is None:  # cancelled, or the feeder is empty
            return None
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if image is None:
            raise DeviceError("扫描仪传回的图像无法读取：请重新扫描")
        return image

    def scan(
        self, settings: ScanSettings | None = None, timeout: float = 120.0
    ) -> list[np.ndarray]:
        # TWAIN runs its own modal message loop; the driver's own timeouts apply.
        settings = settings or ScanSettings()
        pages: list[np.ndarray] = []
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(MAX_FEEDER_PAGES if settings.source == "adf" else 1):
                try:
                    image = self._acquire_one(settings, Path(tmp) / f"page{n}.bmp")
                except NoPaper:
                    break
                except DeviceError as error:
                    error.partial_pages = pages
                    raise
                if image is None:
                    break
                pages.append(image)
        if not pages:
            raise NoPaper("nothing acquired")
        return pages

    def close(self) -> None:
        """pytwain's acquire opens and closes the source manager per page."""


def list_twain_sources() -> list[str]:
    """The names of the TWAIN sources (pytwain's ``SourceManager.source_list``); [] off Windows."""
    if platform.system() != "Windows":
        return []
    try:
        twain = _twain()
        with twain.SourceManager() as manager:
            return list(manager.source_list)
    except Exception:  # listing is best effort for the device list
        return []
