"""A legibility measure for processed pages whose true text is known.

The synthetic page was rendered from an ink mask, so a processed page can be compared
with it directly: resize the output to the mask's grid, register it onto the mask
(ECC, homography: a corner a few pixels off is the detector's error, scored by the
Jaccard index, not a legibility problem), call "ink" whatever is darker than half-way
to white, and score the ink pixels' F1 against the true mask with a 1-pixel tolerance
(a stroke shifted by a pixel is still the same letter). Text that has blurred into
blobs loses precision, text that has faded loses recall; either makes letters
unreadable. 1.0 is a perfect copy.
"""

from __future__ import annotations

import cv2
import numpy as np


def ink_f1(output: np.ndarray, true_ink: np.ndarray) -> float:
    h, w = true_ink.shape
    grey = output if output.ndim == 2 else cv2.cvtColor(output, cv2.COLOR_BGR2GRAY)
    grey = cv2.resize(grey, (w, h), interpolation=cv2.INTER_AREA)
    grey = _register(grey, true_ink)
    found = grey < 128
    truth = true_ink > 127
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
    truth_wide = cv2.dilate(truth.astype(np.uint8), kernel).astype(bool)
    found_wide = cv2.dilate(found.astype(np.uint8), kernel).astype(bool)
    precision = (found & truth_wide).sum() / max(found.sum(), 1)
    recall = (truth & found_wide).sum() / max(truth.sum(), 1)
    return float(2 * precision * recall / max(precision + recall, 1e-9))


def _register(grey: np.ndarray, true_ink: np.ndarray) -> np.ndarray:
    """Warp ``grey`` onto the true page by ECC on blurred half-size copies."""
    h, w = true_ink.shape
    target = cv2.GaussianBlur(255 - true_ink, (0, 0), 2)
    small = (w // 2, h // 2)
    a = cv2.resize(target, small, interpolation=cv2.INTER_AREA).astype(np.float32)
    b = cv2.resize(cv2.GaussianBlur(grey, (0, 0), 2), small, interpolation=cv2.INTER_AREA)
    warp = np.eye(3, dtype=np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 60, 1e-5)
    try:
        _, warp = cv2.findTransformECC(a, b.astype(np.float32), warp, cv2.MOTION_HOMOGRAPHY,
                                       criteria, None, 5)
    except cv2.error:
        return grey  # no convergence: score the page as it is
    scale = np.diag([2.0, 2.0, 1.0]).astype(np.float32)
    full = scale @ warp @ np.linalg.inv(scale)
    return cv2.warpPerspective(grey, full, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                               borderValue=255)


def edge_sharpness(output: np.ndarray) -> float:
    """Variance of the Laplacian: higher is crisper (reported with the F1)."""
    grey = output if output.ndim == 2 else cv2.cvtColor(output, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())
