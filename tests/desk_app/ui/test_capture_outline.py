"""A capture cuts what the preview outlined: when the still itself shows no page the
detector can find (a glare, a hand moving in), the outline drawn on the preview a moment
before is used, scaled to the still, instead of failing with 未检测到文稿."""

from __future__ import annotations

import numpy as np

from desk_app.ui.capture_worker import CaptureWorker


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
