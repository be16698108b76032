"""The notice preview dialog and printing through Qt's print system (to a PDF printer)."""

from __future__ import annotations

import shutil
import subprocess

import cv2
import numpy as np
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from desk_app.core.documents import render_notice
from desk_app.ui.papers.print_preview import PreviewError, PrintPreviewDialog, print_pdf
from tests.desk_app.core.documents.sample_data import QR_URL, notice


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_notice("accept", notice())


def _ink(qimage) -> float:
    width, height = qimage.width(), qimage.height()
    gray = qimage.convertToFormat(qimage.Format.Format_Grayscale8)
    data = np.frombuffer(gray.constBits(), np.uint8, gray.bytesPerLine() * height)
    return float(np.mean(data.reshape(height, -1)[:, :width] < 128))


def test_preview_shows_each_page_with_ink(qtbot, pdf, tmp_path):
    dialog = PrintPreviewDialog(pdf, "受理通知书")
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == 1 and dialog.summary.text() == "共 1 页"
    pixmap = dialog.page_labels[0].pixmap()
    assert pixmap.height() > pixmap.width() > 700  # A4 portrait at screen size
    assert 0.005 < _ink(pixmap.toImage()) < 0.2
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "preview.png"))


@pytest.mark.realstack
def test_printing_through_qprinter_keeps_a_scannable_qr(pdf, tmp_path, qapp):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing: install poppler-utils (installer/debian/apt-test.txt)")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(pdf, printer) == 1
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-gray",
            "-png",
            "-singlefile",
            str(tmp_path / "printed.pdf"),
            str(tmp_path / "printed"),
        ],
        check=True,
    )
    page = cv2.imread(str(tmp_path / "printed.png"), cv2.IMREAD_GRAYSCALE)
    assert page.shape[0] > page.shape[1]
    assert cv2.QRCodeDetectorAruco().detectAndDecode(page)[0] == QR_URL


def test_dialog_print_to_reports_pages(qtbot, pdf, tmp_path):
    dialog = PrintPreviewDialog(pdf, "受理通知书")
    qtbot.addWidget(dialog)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert dialog.print_to(printer)
    assert "1 页" in dialog.summary.text()
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_save_as_keeps_the_exact_pdf_and_reports_failures(qtbot, pdf, tmp_path, monkeypatch):
    dialog = PrintPreviewDialog(pdf, "受理通知书")
    qtbot.addWidget(dialog)
    assert dialog.save_to(tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == pdf
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not dialog.save_to(tmp_path / "missing" / "copy.pdf")
    assert shown and "无法保存到" in shown[0]


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4 garbage", b"not a pdf at all"])
def test_a_damaged_pdf_is_refused_with_a_message(qtbot, data):
    with pytest.raises(PreviewError, match="通知书"):
        PrintPreviewDialog(data, "受理通知书")
