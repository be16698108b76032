"""Auto-capture: take the page once it has lain still for a moment and is a new page.

Fed with every preview frame's detection. "Still" means every corner stayed within
``still_tolerance`` (share of the frame's long side) for ``hold_seconds``; "new" means
the flattened page looks different from the page captured last (mean absolute
difference of small greyscale thumbnails), so lifting a hand off the same page does
not capture it twice, while turning to the next page does.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import cv2
import numpy as np

from devices.camera.geometry import Quad

THUMB = (48, 64)  # width, height of the comparison thumbnail


def page_thumbnail(frame: np.ndarray, quad: Quad) -> np.ndarray:
    w, h = THUMB
    dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    hom = cv2.getPerspectiveTransform(np.asarray(quad, np.float32), dst)
    flat = cv2.warpPerspective(frame, hom, (w, h), flags=cv2.INTER_AREA)
    grey = flat if flat.ndim == 2 else cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)
    return cv2.equalizeHist(grey).astype(np.float32)


class AutoCapture:
    def __init__(
        self,
        *,
        hold_seconds: float = 0.8,
        still_tolerance: float = 0.01,
        new_page_difference: float = 12.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.hold_seconds = hold_seconds
        self.still_tolerance = still_tolerance
        self.new_page_difference = new_page_difference
        self._clock = clock
        self._anchor: Quad | None = None
        self._still_since = 0.0
        self._last_captured: np.ndarray | None = None
        self._fired_for_anchor = False

    def reset(self) -> None:
        self._anchor = None
        self._last_captured = None
        self._fired_for_anchor = False

    def update(self, frame: np.ndarray, quad: Quad | None) -> bool:
        """True exactly once when the current page should be captured."""
        now = self._clock()
        if quad is None:
            self._anchor = None
            return False
        side = max(frame.shape[:2])
        if self._anchor is None or np.abs(quad - self._anchor).max() > self.still_tolerance * side:
            self._anchor = np.asarray(quad, np.float32).copy()
            self._still_since = now
            self._fired_for_anchor = False
            return False
        if self._fired_for_anchor or now - self._still_since < self.hold_seconds:
            return False
        thumb = page_thumbnail(frame, quad)
        self._fired_for_anchor = True  # judged once per still period
        if self._last_captured is not None:
            difference = float(np.abs(thumb - self._last_captured).mean())
            if difference < self.new_page_difference:
                return False
        self._last_captured = thumb
        return True

    def mark_captured(self, frame: np.ndarray, quad: Quad) -> None:
        """A manual capture counts as 'last page' too."""
        self._last_captured = page_thumbnail(frame, quad)
