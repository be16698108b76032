"""A legibility measure for processed pages whose true text is known.

The synthetic page was rendered from an ink mask, so a processed page can be compared
with it directly: resize the output to the mask's grid, call "ink" whatever is darker
than half-way to white, and score the ink pixels' F1 against the true mask with a
1-pixel tolerance (a stroke shifted by a pixel is still the same letter). Text that
has blurred into blobs loses precision, text that has faded loses recall; either
makes letters unreadable. 1.0 is a perfect copy.
"""

from __future__ import annotations

import cv2
import numpy as np


def ink_f1(output: np.ndarray, true_ink: np.ndarray) -> float:
    h, w = true_ink.shape
    grey = output if output.ndim == 2 else cv2.cvtColor(output, cv2.COLOR_BGR2GRAY)
    grey = cv2.resize(grey, (w, h), interpolation=cv2.INTER_AREA)
    found = grey < 128
    truth = true_ink > 127
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
    truth_wide = cv2.dilate(truth.astype(np.uint8), kernel).astype(bool)
    found_wide = cv2.dilate(found.astype(np.uint8), kernel).astype(bool)
    precision = (found & truth_wide).sum() / max(found.sum(), 1)
    recall = (truth & found_wide).sum() / max(truth.sum(), 1)
    return float(2 * precision * recall / max(precision + recall, 1e-9))


def edge_sharpness(output: np.ndarray) -> float:
    """Variance of the Laplacian: higher is crisper (reported with the F1)."""
    grey = output if output.ndim == 2 else cv2.cvtColor(output, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())
