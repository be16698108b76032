"""Opens the materials screen for the materials the clerk chose to capture.

The camera (and the scanner, when one is bound) runs only while this dialog is open
(one worker thread, closed with it), so the form steps never compete with a 16 MP
stream for the CPU.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from desk_app.ui.capture_slots import MaterialSlot
from desk_app.ui.materials_screen import MaterialsScreen
from devices.camera.material import MaterialDocument

FORM_TEXT = {"original": "原件", "copy": "复印件", "either": "原件或复印件"}
CAPTURE_MODES = ("scan", "upload")


def slots_for(lines) -> list[MaterialSlot]:
    return [
        MaterialSlot(key=line.key, name=line.name,
                     requirement_text=f"{FORM_TEXT.get(line.form, '')}{line.copies}份",
                     allowed_modes=tuple(m.kind for m in line.modes if m.kind in CAPTURE_MODES))
        for line in lines
    ]


class CaptureDialog(QDialog):
    def __init__(self, lines, camera_factory, parent=None, *, scanner_factory=None) -> None:
        super().__init__(parent)
        self.setObjectName("captureDialog")
        self.setWindowTitle(self.tr("拍摄材料"))
        self.screen = MaterialsScreen(
            slots_for(lines), camera_factory, scanner_factory=scanner_factory
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("完成 (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setShortcut("Ctrl+Return")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.screen, 1)
        layout.addWidget(buttons)
        self.resize(1300, 800)

    def results(self) -> dict[str, MaterialDocument]:
        return self.screen.results()

    def done(self, result: int) -> None:
        self.screen.shutdown()
        super().done(result)
