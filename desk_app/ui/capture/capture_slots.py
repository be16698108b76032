"""What the materials screen captures into: one slot per material (Qt-free).

The lead maps catalog materials onto :class:`MaterialSlot`; the screen fills each
slot's :class:`~devices.camera.material.MaterialPages` and hands back, per slot, one
PDF with its SHA-256 and SM3 digests (:class:`~devices.camera.material.MaterialDocument`).

``allowed_modes`` are the catalog's ways of satisfying the material (domain.md):
the camera/scanner needs ``scan``, file import needs ``upload``. ``capture_modes``
are the image modes offered for it (an ID card copy may need colour, a contract can
be black-and-white).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP

from devices.camera.enhance import MODES
from devices.camera.material import MaterialDocument, MaterialPages

# The camera's image modes (devices.camera.enhance.MODES) in the clerk's words.
CAPTURE_CONTEXT = "CaptureMode"
CAPTURE_MODE_NAMES = {
    "colour": QT_TRANSLATE_NOOP("CaptureMode", "彩色"),
    "grey": QT_TRANSLATE_NOOP("CaptureMode", "灰度"),
    "document": QT_TRANSLATE_NOOP("CaptureMode", "文档"),
    "bw": QT_TRANSLATE_NOOP("CaptureMode", "黑白"),
}

@dataclass
class MaterialSlot:
    key: str
    name: str
    requirement_text: str = ""  # "原件1份，彩色" …
    allowed_modes: tuple[str, ...] = ("scan", "upload")
    capture_modes: tuple[str, ...] = MODES
    default_capture_mode: str = "document"
    min_pages: int = 1

    def __post_init__(self) -> None:
        unknown = set(self.capture_modes) - set(MODES)
        if unknown or not self.capture_modes:
            raise ValueError(f"capture modes must be among {MODES}: {sorted(unknown)}")
        if self.default_capture_mode not in self.capture_modes:
            self.default_capture_mode = self.capture_modes[0]

    @property
    def can_scan(self) -> bool:
        return "scan" in self.allowed_modes

    @property
    def can_upload(self) -> bool:
        return "upload" in self.allowed_modes

    def mode_labels(self) -> list[tuple[str, str]]:
        return [(m, CAPTURE_MODE_NAMES[m]) for m in self.capture_modes]


@dataclass
class SlotState:
    slot: MaterialSlot
    pages: MaterialPages = field(default_factory=MaterialPages)
    mode: str = ""

    def __post_init__(self) -> None:
        self.mode = self.mode or self.slot.default_capture_mode

    @property
    def complete(self) -> bool:
        return len(self.pages) >= self.slot.min_pages

    def document(self) -> MaterialDocument | None:
        return self.pages.to_document() if len(self.pages) else None
