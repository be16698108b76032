"""Opens the materials screen for the materials the clerk chose to capture.

The camera (and the scanner, when one is bound) runs only while this dialog is open
(one worker thread, closed with it), so the form steps never compete with a 16 MP
stream for the CPU.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout

from desk_app.ui.capture.capture_slots import MaterialSlot
from desk_app.ui.capture.materials_screen import MaterialsScreen
from desk_app.ui.widgets import words
from devices.camera.material import MaterialDocument
from forms.materials import page_count_question

CAPTURE_MODES = ("scan", "upload")


def copies_wanted(form: str, copies: int) -> str:
    """原件 1 份: what the catalog asks for, in the UI language."""
    return QCoreApplication.translate("CaptureDialog", "%1 %2 份").replace(
        "%1", words.material_form(form)).replace("%2", str(copies))


def slots_for(lines) -> list[MaterialSlot]:
    return [
        MaterialSlot(key=line.key, name=line.name,
                     requirement_text=copies_wanted(line.form, line.copies),
                     allowed_modes=tuple(m.kind for m in line.modes if m.kind in CAPTURE_MODES))
        for line in lines
    ]


class CaptureDialog(QDialog):
    def __init__(self, lines, camera_factory, parent=None, *, scanner_factory=None) -> None:
        super().__init__(parent)
        self.lines = {line.key: line for line in lines}
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

    def page_questions(self) -> list[str]:
        """Materials with more pages than they should have (pages in the wrong slot?)."""
        found = []
        for key, line in self.lines.items():
            question = page_count_question(line.name, line.form, line.copies,
                                           self.screen.page_count(key))
            if question:
                found.append(question)
        return found

    def done(self, result: int) -> None:
        questions = self.page_questions() if result == QDialog.DialogCode.Accepted else []
        if questions and QMessageBox.question(
                self, self.tr("页数核对"),
                "\n".join(questions) + "\n" + self.tr("这些页都属于该材料吗？选“否”返回调整。"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return  # back to the pages: nothing taken, nothing lost
        self.screen.shutdown()
        super().done(result)
