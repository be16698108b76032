"""QR and barcode decoding from a frame: pre-application codes, licence QR codes.

zxing-cpp rather than OpenCV's QR detector: one maintained library reading QR, Data
Matrix, PDF417 and the 1D codes (Code 128 on receipts, EAN) at once, and much more
tolerant of tilt and blur.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

MAX_SIDE = 2400  # decoding cost grows with pixels; codes stay readable at this size


@dataclass
class DecodedCode:
    text: str
    format: str  # "QRCode", "Code128", ...
    corners: list[tuple[float, float]]  # in the input frame's pixels


def decode_codes(image: np.ndarray) -> list[DecodedCode]:
    """Every readable code in a BGR or greyscale frame (an empty list if none)."""
    if image is None or image.ndim not in (2, 3) or min(image.shape[:2]) < 8:
        return []
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if grey.dtype != np.uint8:
        grey = cv2.normalize(grey, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    scale = min(1.0, MAX_SIDE / max(grey.shape))
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    results = []
    for code in zxingcpp.read_barcodes(np.ascontiguousarray(grey)):
        if not code.valid:
            continue
        pos = code.position
        corners = [
            (p.x / scale, p.y / scale)
            for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
        ]
        results.append(DecodedCode(code.text, code.format.name, corners))
    return results
