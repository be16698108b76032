"""容缺补交: the deferred material of an accepted case, captured with the document camera
(or taken from a scan file), sealed in the outbox like a case, and its 补交回执 printed.
A material brought after its due date is taken, and the receipt says 逾期补交."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.window_day.window_cases import WindowCase


def jpeg_of(frame) -> bytes:
    import cv2

    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise ValueError("高拍仪图像无法保存，请重拍")
    return data.tobytes()


class SupplementDialog(QDialog):
    def __init__(self, after, runner, case: WindowCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supplementDialog")
        self.setWindowTitle(self.tr("容缺材料补交"))
        self.setMinimumSize(560, 440)
        self.after, self.runner, self.case = after, runner, case
        self.data: bytes | None = None
        self.lines: list[str] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("办件编号"), QLabel(case.number))
        self.material = QComboBox(objectName="owedMaterial")
        for owed in case.deferred_owed:
            late = self.tr("（已逾期）") if (owed.days_left or 0) < 0 else ""
            self.material.addItem(f"{owed.name}  {owed.due_date or ''}{late}", owed.material_code)
        form.addRow(self.tr("补交材料"), self.material)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.capture_button = QPushButton(self.tr("高拍仪拍摄"))
        self.capture_button.clicked.connect(self.capture)
        self.file_button = QPushButton(self.tr("选择扫描件"))
        self.file_button.clicked.connect(self.pick_file)
        row.addWidget(self.capture_button)
        row.addWidget(self.file_button)
        layout.addLayout(row)
        self.status = QLabel(self.tr("尚未采集补交材料"), objectName="supplementStatus")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(44)  # two wrapped lines (a printer path is long)
        layout.addWidget(self.status)
        self.receipt = QPlainTextEdit(objectName="supplementReceipt", readOnly=True)
        self.receipt.hide()
        layout.addWidget(self.receipt)
        buttons = QHBoxLayout()
        self.seal_button = QPushButton(self.tr("封存补交"), objectName="primary")
        self.seal_button.setEnabled(False)
        self.seal_button.clicked.connect(self.seal)
        self.print_button = QPushButton(self.tr("打印补交回执"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_receipt)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        for button in (self.seal_button, self.print_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def take(self, data: bytes) -> None:
        self.data = data
        self.status.setText(self.tr("已采集（%1 KB），请核对后封存").replace(
            "%1", str(max(1, len(data) // 1024))))
        self.seal_button.setEnabled(True)

    def capture(self) -> None:
        if self.after.open_camera is None:
            self.status.setText(self.tr("未绑定高拍仪，请用“选择扫描件”"))
            return
        self.runner.run(lambda: jpeg_of(self.after.still()), self.take,
                        lambda exc: self.status.setText(str(exc)))

    def pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择扫描件"), "", self.tr("扫描件 (*.pdf *.jpg *.png)"))
        if path:
            self.take(Path(path).read_bytes())

    def seal(self) -> None:
        code, data = self.material.currentData(), self.data
        if not code or data is None:
            return
        self.seal_button.setEnabled(False)

        def done(lines) -> None:
            self.lines = lines
            self.status.setText(self.tr("已封存，将随上报队列发送到受理中心"))
            self.receipt.setPlainText("\n".join(lines))
            self.receipt.show()
            self.print_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.seal_button.setEnabled(True)
            self.status.setText(str(exc))

        self.runner.run(lambda: self.after.supplement(self.case, code, data), done, failed)

    def print_receipt(self) -> None:
        self.runner.run(
            lambda: self.after.print_lines(self.lines),
            lambda where: self.status.setText(self.tr("补交回执已打印到 %1").replace("%1", where)),
            lambda exc: self.status.setText(str(exc)))
