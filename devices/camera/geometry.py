"""Quadrilaterals: corner order, area overlap, and the page's real aspect ratio.

A quad is a ``(4, 2)`` float array of corner points in image pixels, clockwise from
the top-left corner (image y grows downwards).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

Quad = np.ndarray  # shape (4, 2), float32

# Paper sizes a counter sees, as height/width; a measured ratio within 3 % snaps to one
# of these, which removes the last bit of perspective-estimation noise on real paper.
KNOWN_PAPER_RATIOS = (math.sqrt(2.0), 297.0 / 210.0, 11.0 / 8.5, 85.6 / 54.0)


def order_clockwise(points: np.ndarray) -> Quad:
    """Order 4 points clockwise starting at the one nearest the image's top-left."""
    pts = np.asarray(points, dtype=np.float64).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]  # y down: increasing angle is clockwise on screen
    start = int(np.argmin(pts[:, 0] + pts[:, 1]))
    return np.roll(pts, -start, axis=0).astype(np.float32)


def polygon_area(quad: Quad) -> float:
    return float(abs(cv2.contourArea(np.asarray(quad, dtype=np.float32))))


def jaccard(a: Quad, b: Quad) -> float:
    """Intersection over union of two convex quads (exact polygon areas)."""
    pa = np.asarray(a, dtype=np.float32).reshape(-1, 1, 2)
    pb = np.asarray(b, dtype=np.float32).reshape(-1, 1, 2)
    inter, _ = cv2.intersectConvexConvex(pa, pb)
    union = polygon_area(pa) + polygon_area(pb) - inter
    return float(inter / union) if union > 0 else 0.0


def is_convex(quad: Quad) -> bool:
    return bool(cv2.isContourConvex(np.asarray(quad, dtype=np.float32).reshape(-1, 1, 2)))


def side_lengths(quad: Quad) -> tuple[float, float, float, float]:
    q = np.asarray(quad, dtype=np.float64)
    top, right, bottom, left = (float(np.linalg.norm(q[(i + 1) % 4] - q[i])) for i in range(4))
    return top, right, bottom, left


def real_aspect_ratio(quad: Quad, image_size: tuple[int, int]) -> float:
    """Height/width of the photographed rectangle, undoing perspective.

    Uses Zhang & He, "Whiteboard scanning and image enhancement" (2007): with the
    principal point at the image centre, the focal length follows from the two
    vanishing points and gives the true ratio. Near-affine views (parallel opposite
    sides) leave the focal length undefined; then the mean side lengths are used.
    """
    top, right, bottom, left = side_lengths(quad)
    fallback = (left + right) / max(top + bottom, 1e-6)
    w, h = image_size
    u0, v0 = w / 2.0, h / 2.0
    q = np.asarray(quad, dtype=np.float64)
    # Zhang's numbering: m1 top-left, m2 top-right, m3 bottom-left, m4 bottom-right.
    m1, m2, m4, m3 = (np.array([p[0] - u0, p[1] - v0, 1.0]) for p in q)
    den2 = float(np.dot(np.cross(m2, m4), m3))
    den3 = float(np.dot(np.cross(m3, m4), m2))
    if abs(den2) < 1e-9 or abs(den3) < 1e-9:
        return _snap(fallback)
    k2 = float(np.dot(np.cross(m1, m4), m3)) / den2
    k3 = float(np.dot(np.cross(m1, m4), m2)) / den3
    n2 = k2 * m2 - m1
    n3 = k3 * m3 - m1
    if abs(n2[2]) < 1e-9 or abs(n3[2]) < 1e-9:
        return _snap(fallback)
    f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
    if not np.isfinite(f2) or f2 <= 0:
        return _snap(fallback)
    f = math.sqrt(f2)
    # A focal length far outside what desk cameras have means the estimate is noise.
    if not 0.3 * max(w, h) < f < 5.0 * max(w, h):
        return _snap(fallback)
    a = np.diag([1.0 / f2, 1.0 / f2, 1.0])
    wh2 = float(n2 @ a @ n2) / max(float(n3 @ a @ n3), 1e-12)
    if wh2 <= 0:
        return _snap(fallback)
    ratio = 1.0 / math.sqrt(wh2)
    if not 0.3 * fallback < ratio < 3.0 * fallback:
        return _snap(fallback)
    return _snap(ratio)


def _snap(ratio: float) -> float:
    for known in KNOWN_PAPER_RATIOS:
        for candidate in (known, 1.0 / known):
            if abs(ratio - candidate) / candidate < 0.03:
                return candidate
    return ratio
