"""A capture cuts what the preview outlined: when the still itself shows no page the
detector can find (a glare, a hand moving in), the outline drawn on the preview a moment
before is used, scaled to the still, instead of failing with 未检测到文稿."""

from __future__ import annotations

import numpy as np

from desk_app.ui.capture.capture_worker import CaptureWorker


def still(width: int = 800, height: int = 600) -> np.ndarray:
    return np.full((height, width, 3), 128, np.uint8)  # flat grey: nothing to detect


def collect(worker: CaptureWorker) -> tuple[list, list]:
    pages, misses = [], []
    worker.captured.connect(lambda key, page, _src, _thumb: pages.append((key, page)))
    worker.no_page.connect(lambda key, message: misses.append((key, message)))
    return pages, misses


def test_without_an_outline_the_clerk_is_told_no_page(qtbot):
    worker = CaptureWorker(None)
    pages, misses = collect(worker)
    worker._process("photo", "document", 0, still(), "camera-sim:")
    assert pages == [] and misses and "未检测到" in misses[0][1]


def test_the_preview_outline_is_cut_from_the_still(qtbot):
    worker = CaptureWorker(None)
    pages, misses = collect(worker)
    # the preview (400×300) outlined a page in its middle half
    preview_quad = np.array([[100, 75], [300, 75], [300, 225], [100, 225]], np.float32)
    worker._outlined = ((300, 400), preview_quad)
    worker._process("photo", "document", 0, still(800, 600), "camera-sim:")
    assert misses == [] and len(pages) == 1
    page = pages[0][1]
    assert np.allclose(page.quad, preview_quad * 2)  # scaled to the still's pixels


def test_after_a_capture_the_preview_holds_the_cut_page(qtbot):
    from PySide6.QtGui import QImage

    from desk_app.ui.capture.materials_screen import PreviewView

    worker = CaptureWorker(None)
    shown: list[QImage] = []
    worker.cut_page.connect(shown.append)
    worker._outlined = ((300, 400), np.array([[100, 75], [300, 75], [300, 225], [100, 225]],
                                             np.float32))
    worker._process("photo", "document", 0, still(800, 600), "camera-sim:")
    assert len(shown) == 1 and not shown[0].isNull()
    # the cut page, not the 800×600 frame: the page's own proportions (400×300 cut)
    assert abs(shown[0].width() / shown[0].height() - 4 / 3) < 0.1
    view = PreviewView()
    qtbot.addWidget(view)
    view.hold(shown[0], seconds=60)
    live = QImage(800, 600, QImage.Format.Format_RGB888)
    view.set_frame(live, [[0, 0], [1, 0], [1, 1], [0, 1]], "")
    assert view.image is shown[0] and view.quad is None  # live frames wait their turn
    view.held_until = 0
    view.set_frame(live, None, "")
    assert view.image is live
