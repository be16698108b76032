"""Preview an A4 notice (PDF bytes) and print it through Qt's print system.

Qt's own PDF module is not in PySide6-Essentials, so pages are rasterised with
pypdfium2 (PDFium, the engine Chrome uses): on screen at a comfortable size, for the
printer at its own resolution (capped at 300 dpi, plenty for text and a QR code).
Printing goes through ``QPrinter``, i.e. the OS spooler (CUPS, the Windows spooler),
so any A4 printer the OS knows works and the clerk picks it in the usual dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)
SCREEN_DPI = 96
MAX_PRINT_DPI = 300


class PreviewError(ValueError):
    """The PDF cannot be opened (damaged or empty); the message is for the clerk."""


def open_pdf(pdf: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(pdf)
    except (pdfium.PdfiumError, ValueError, TypeError) as exc:
        raise PreviewError("通知书文件已损坏，无法预览：请重新生成") from exc
    if len(document) == 0:
        raise PreviewError("通知书没有任何页面：请重新生成")
    return document


def page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    bitmap = document[index].render(scale=dpi / 72)
    pil = bitmap.to_pil().convert("RGB")
    data = pil.tobytes()
    # copy(): the QImage must own its pixels once ``data`` goes away.
    return QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Send every page to ``printer``, each scaled to the printable area; pages printed."""
    document = open_pdf(pdf)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PreviewError("无法开始打印：请检查打印机是否可用")
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = page_image(document, index, dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()
    return len(document)


class PrintPreviewDialog(QDialog):
    """Pages one under another; 打印 opens the OS print dialog, 另存为 keeps a PDF copy."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.pdf = pdf
        self.document = open_pdf(pdf)
        self.setWindowTitle(self.tr("打印预览：%1").replace("%1", title))
        self.resize(900, 1000)
        self.page_labels: list[QLabel] = []
        pages = QWidget(objectName="previewPages")  # the theme frames each page
        column = QVBoxLayout(pages)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for index in range(len(self.document)):
            label = QLabel()
            label.setObjectName(f"previewPage{index + 1}")
            label.setPixmap(QPixmap.fromImage(page_image(self.document, index, SCREEN_DPI)))
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.summary = QLabel(self.tr("共 %1 页").replace("%1", str(len(self.document))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.setObjectName("savePdfButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self.save_button.clicked.connect(self.choose_file_and_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll)
        layout.addWidget(buttons)

    def choose_printer_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印通知书"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        try:
            pages = print_pdf(self.pdf, printer)
        except PreviewError as exc:
            QMessageBox.warning(self, self.tr("打印失败"), str(exc))
            return False
        log.info("通知书已发送到打印机，%d 页", pages)
        self.summary.setText(self.tr("已发送到打印机：%1 页").replace("%1", str(pages)))
        return True

    def choose_file_and_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), "", self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("保存失败"),
                self.tr("无法保存到 %1：%2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return False
        self.summary.setText(self.tr("已保存：%1").replace("%1", str(path)))
        return True
