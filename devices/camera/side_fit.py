"""Page outline from partial edge evidence: fit each side, corners from side intersections.

The contour detector in ``page_detect`` needs a closed outline. A hand over an edge, a
white page on a white desk (5–15 grey levels at one side) or a small ID card on wood
break that. Here straight lines are found in a low-threshold edge map (Hough: a side
half hidden by fingers still collects votes from the half that shows), lines are grouped
into two directions, and every pair-of-pairs forms a quad whose corners are the lines'
intersections, so a covered corner costs nothing. A quad is kept when three sides are
strong and the fourth is at least weakly there, judged by the gradient *across* each side
with the page's polarity (brighter inside), and the shape is a plausible document.
"""

from __future__ import annotations

import itertools

import cv2
import numpy as np

from devices.camera.geometry import is_convex, order_clockwise, polygon_area

MIN_AREA = 0.03  # an ID card in an A4 field of view is ~7 % of the frame
STRONG_SIDE = 0.55
WEAK_SIDE = 0.15
LINES_PER_DIRECTION = 7


def _lines(edges: np.ndarray, min_votes: int) -> np.ndarray:
    found = cv2.HoughLines(edges, 1, np.pi / 180, min_votes)
    if found is None:
        return np.empty((0, 2))
    kept: list[tuple[float, float]] = []
    for rho, theta in found[:, 0, :]:  # strongest first: drop near-duplicates
        if rho < 0:
            rho, theta = -rho, theta - np.pi
        if all(
            abs(rho - r) > 8 or abs(np.angle(np.exp(1j * (theta - t)))) > np.radians(4)
            for r, t in kept
        ):
            kept.append((float(rho), float(theta)))
        if len(kept) >= 4 * LINES_PER_DIRECTION:
            break
    return np.array(kept)


def _intersect(a: tuple[float, float], b: tuple[float, float]) -> np.ndarray | None:
    (r1, t1), (r2, t2) = a, b
    mat = np.array([[np.cos(t1), np.sin(t1)], [np.cos(t2), np.sin(t2)]])
    if abs(np.linalg.det(mat)) < 1e-3:
        return None
    return np.linalg.solve(mat, np.array([r1, r2]))


def _side_support(quad: np.ndarray, gx: np.ndarray, gy: np.ndarray, thr: float) -> np.ndarray:
    """Per side: share of points with a brighter-inside step across it (within ±2 px)."""
    h, w = gx.shape
    out = np.zeros(4)
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        d = q - p
        length = float(np.hypot(*d))
        if length < 8:
            return out
        d /= length
        normal = np.array([d[1], -d[0]])  # outward for a clockwise quad (y down)
        t = np.linspace(0.04, 0.96, max(12, int(length / 3)))
        base = p + np.outer(t * length, d)
        pts = base[:, None, :] + np.arange(-2, 3)[None, :, None] * normal
        xs = np.clip(np.round(pts[..., 0]).astype(int), 0, w - 1)
        ys = np.clip(np.round(pts[..., 1]).astype(int), 0, h - 1)
        across = -(gx[ys, xs] * normal[0] + gy[ys, xs] * normal[1])
        out[i] = float((across.max(axis=1) > thr).mean())
    return out


def _segment_support(p, q, normal, gx, gy, thr) -> float:
    h, w = gx.shape
    t = np.linspace(0.0, 1.0, 12)
    base = p + np.outer(t, q - p)
    pts = base[:, None, :] + np.arange(-2, 3)[None, :, None] * normal
    xs = np.clip(np.round(pts[..., 0]).astype(int), 0, w - 1)
    ys = np.clip(np.round(pts[..., 1]).astype(int), 0, h - 1)
    across = -(gx[ys, xs] * normal[0] + gy[ys, xs] * normal[1])
    return float((across.max(axis=1) > thr).mean())


def _sides_run_past_corners(quad: np.ndarray, gx, gy, thr: float) -> bool:
    """A page side stops at its corners; one that goes on is a page running off the frame
    (or a table line inside a page) and the "corner" is a text line crossing it."""
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        d = q - p
        normal = np.array([d[1], -d[0]]) / (np.hypot(*d) + 1e-9)
        for start, step in ((q, d), (p, -d)):
            if (
                _segment_support(start + 0.04 * step, start + 0.15 * step, normal, gx, gy, thr)
                > 0.7
            ):
                return True
    return False


def _plausible(quad: np.ndarray, w: int, h: int) -> bool:
    area = polygon_area(quad)
    if area < MIN_AREA * w * h or not is_convex(quad):
        return False
    margin = 0.01 * max(w, h)
    if (quad[:, 0] < margin).any() or (quad[:, 0] > w - 1 - margin).any():
        return False
    if (quad[:, 1] < margin).any() or (quad[:, 1] > h - 1 - margin).any():
        return False
    sides = np.linalg.norm(quad - np.roll(quad, -1, axis=0), axis=1)
    if sides.min() < 0.06 * max(w, h):
        return False
    # paper and cards: long/short side between 1 and ~2.2 (a booklet spread is ~1.4)
    ratio = (sides[1] + sides[3]) / (sides[0] + sides[2])
    if not 1 / 2.4 < ratio < 2.4:
        return False
    for i in range(4):
        v1, v2 = quad[i - 1] - quad[i], quad[(i + 1) % 4] - quad[i]
        cos = np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9)
        if abs(cos) > 0.45:  # outside ~63°..117°: no page on a desk looks like that
            return False
    return True


def fit_sides(small: np.ndarray) -> tuple[np.ndarray | None, float]:
    """(quad in ``small``'s pixels, score) of the best-supported plausible page, or None."""
    grey = small if small.ndim == 2 else cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    blur = cv2.GaussianBlur(grey, (5, 5), 1.2)
    gx = cv2.Sobel(blur, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(blur, cv2.CV_32F, 0, 1, ksize=3)
    noise = float(np.median(np.abs(gx))) + float(np.median(np.abs(gy)))
    thr = max(6.0, 2.5 * noise)
    edges = cv2.Canny(blur, thr, 2 * thr, L2gradient=True)
    # text and tables are dense edge clutter that Hough turns into false sides; a page
    # side is a thin line with a quiet neighbourhood, so drop edges in dense patches
    density = cv2.boxFilter(edges, cv2.CV_32F, (11, 11), normalize=True)
    edges[density > 0.22 * 255] = 0
    # votes: 8 % of the short side, so a card side half under fingers still gets through
    lines = _lines(edges, max(30, int(0.08 * min(w, h))))
    if len(lines) < 4:
        return None, 0.0
    # two directions: fold angles to [0, π) and split around the strongest line's direction
    theta = np.mod(lines[:, 1], np.pi)
    rel = np.abs(np.angle(np.exp(2j * (theta - theta[0])))) / 2  # 0..π/2
    group_a = [tuple(line) for line, r in zip(lines, rel, strict=True) if r < np.radians(30)]
    group_b = [tuple(line) for line, r in zip(lines, rel, strict=True) if r > np.radians(60)]
    group_a, group_b = group_a[:LINES_PER_DIRECTION], group_b[:LINES_PER_DIRECTION]
    best, best_score = None, 0.0
    for (a1, a2), (b1, b2) in itertools.product(
        itertools.combinations(group_a, 2), itertools.combinations(group_b, 2)
    ):
        corners = [_intersect(a1, b1), _intersect(b1, a2), _intersect(a2, b2), _intersect(b2, a1)]
        if any(c is None for c in corners):
            continue
        quad = order_clockwise(np.array(corners)).astype(np.float64)
        if not _plausible(quad, w, h):
            continue
        support = np.sort(_side_support(quad, gx, gy, thr))
        if support[1] < STRONG_SIDE or support[0] < WEAK_SIDE:
            continue
        if _sides_run_past_corners(quad, gx, gy, thr):
            continue
        score = float(support.mean()) + 0.5 * polygon_area(quad) / (w * h)
        if score > best_score:
            best, best_score = quad, score
    return best, best_score
