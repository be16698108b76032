"""One frame in, one finished page out: detect → flatten → deskew → mode → rotate → encode.

Every capture path (camera, scanner, file import) ends here, so a page looks the same
whichever way it came in.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from devices.camera.encoding import encode_page
from devices.camera.enhance import (
    MODES,
    apply_mode,
    deskew,
    output_size,
    rotate_quarter,
    warp_page,
)
from devices.camera.geometry import Quad
from devices.camera.page_detect import REASON_TEXT, Detection, detect_page
from devices.errors import DeviceError

THUMB_SIDE = 200


class PageNotFound(DeviceError):
    """No single whole page in the frame; the clerk may retake or use the full frame."""

    def __init__(self, detection: Detection) -> None:
        super().__init__(
            REASON_TEXT.get(detection.reason, REASON_TEXT["no_page"]) + "；或选择“使用整幅画面”",
            detail=f"page detection: {detection.reason}",
        )
        self.detection = detection


@dataclass
class ProcessedPage:
    data: bytes  # the encoded page: JPEG (colour, grey) or PNG (document, bw)
    media_type: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    dpi: int
    mode: str
    quad: Quad | None  # corners used, in input pixels; None when the full frame was used
    timings_ms: dict[str, float] = field(default_factory=dict)
    skew_degrees: float = 0.0
    thumbnail: np.ndarray | None = None  # ≤ THUMB_SIDE px, for page lists (no decoding)

    @property
    def size_bytes(self) -> int:
        return len(self.data)

    def decode(self) -> np.ndarray:
        """The page as a BGR (or greyscale) array, e.g. for thumbnails."""
        arr = np.frombuffer(self.data, np.uint8)
        return cv2.imdecode(arr, cv2.IMREAD_UNCHANGED)


def process_frame(
    image: np.ndarray,
    mode: str = "document",
    *,
    quad: Quad | None = None,
    detect: bool = True,
    full_frame: bool = False,
    rotation: int = 0,
    dpi: int = 200,
    straighten: bool = True,
    detection: Detection | None = None,
) -> ProcessedPage:
    """Turn a camera frame (BGR/grey array) into a finished page.

    ``quad`` skips detection (the clerk dragged the corners); ``detect=False`` takes the
    frame as the page (scans, PDF pages: straightened only); ``full_frame`` uses the
    whole frame when detection fails (the clerk's choice); otherwise a frame without a
    page raises :class:`PageNotFound`. ``rotation`` is clockwise, in multiples of 90°.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
    if image is None or image.ndim not in (2, 3) or min(image.shape[:2]) < 8:
        raise DeviceError("图像为空或过小：请重拍", detail="empty frame")
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    used_quad: Quad | None = None
    if quad is None and detect:
        detection = detection or detect_page(image)
        timings["detect_ms"] = (time.perf_counter() - start) * 1000
        if detection.found:
            used_quad = detection.quad
        elif not full_frame:
            raise PageNotFound(detection)
    elif quad is not None:
        used_quad = np.asarray(quad, np.float32).reshape(4, 2)
        timings["detect_ms"] = 0.0
    else:
        timings["detect_ms"] = 0.0
    t = time.perf_counter()
    h, w = image.shape[:2]
    skew = 0.0
    if used_quad is not None:
        page = warp_page(image, used_quad, output_size(used_quad, (w, h), dpi))
    else:
        page = _cap_size(image, dpi)
        if straighten:
            page, skew = deskew(page)
    timings["warp_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    page = rotate_quarter(apply_mode(page, mode), rotation)
    timings["enhance_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    data, media_type = encode_page(page, mode, dpi)
    timings["encode_ms"] = (time.perf_counter() - t) * 1000
    timings["total_ms"] = (time.perf_counter() - start) * 1000
    ph, pw = page.shape[:2]
    factor = THUMB_SIDE / max(ph, pw)
    thumb = cv2.resize(
        page, (max(1, round(pw * factor)), max(1, round(ph * factor))), interpolation=cv2.INTER_AREA
    )
    return ProcessedPage(data, media_type, pw, ph, dpi, mode, used_quad, timings, skew, thumb)


def _cap_size(image: np.ndarray, dpi: int) -> np.ndarray:
    """Full-frame pages are held to the same pixel budget as detected A4 pages."""
    h, w = image.shape[:2]
    cap = round(297 / 25.4 * dpi)
    factor = cap / max(h, w)
    if factor >= 1:
        return image
    return cv2.resize(image, (round(w * factor), round(h * factor)), interpolation=cv2.INTER_AREA)
