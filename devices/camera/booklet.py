"""Open booklets (户口簿, passports, 结婚证): two pages joined at a fold count as one spread.

Two loose pages lie with a gap between them; a booklet's halves meet at the fold, so
their joint hull is hardly larger than the two together. The fold's shadow often splits
the paper into two halves, and glare or a light desk can wash out one half's outer edge:
then only one half is well outlined. Its fold side is recognised by paper continuing
past it, and the other half is the well-outlined one mirrored across the fold (the two
pages of a booklet are the same size).
"""

from __future__ import annotations

import cv2
import numpy as np

from devices.camera.geometry import order_clockwise, polygon_area

WELL_OUTLINED = 0.9  # every side's edge support at least this
PAPER_PAST_FOLD = 0.8  # share of paper just past the fold side
PAPER_PAST_OTHERS = 0.35  # at most this much paper past the three outer sides
FOLD_DEPTH = 12.0  # grey levels the fold's shadow lies below the paper on both sides


def two_pages(quads: list[np.ndarray]) -> bool:
    """Two page-like quads side by side (not overlapping) and of similar size."""
    first = quads[0]
    a1 = polygon_area(first)
    for other in quads[1:]:
        a2 = polygon_area(other)
        overlap, _ = cv2.intersectConvexConvex(
            first.reshape(-1, 1, 2).astype(np.float32), other.reshape(-1, 1, 2).astype(np.float32)
        )
        if overlap < 0.1 * min(a1, a2) and a2 > 0.45 * a1:
            return True
    return False


def joint_outline(quads: list[np.ndarray], hull_quad, angles_ok) -> tuple[np.ndarray, int] | None:
    """(the spread, index of the other half) of the first quad and a half meeting it."""
    first = quads[0]
    for k, other in enumerate(quads[1:], start=1):
        pts = np.concatenate([first, other]).astype(np.float32)
        joint = hull_quad(pts.reshape(-1, 1, 2))
        if joint is None:
            continue
        together = polygon_area(first) + polygon_area(other)
        if polygon_area(joint) < 1.04 * together and angles_ok(joint):
            return joint, k
    return None


def _paper_share(paper: np.ndarray, pts: np.ndarray) -> float:
    h, w = paper.shape
    xs = np.round(pts[:, 0]).astype(int)
    ys = np.round(pts[:, 1]).astype(int)
    inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
    if not inside.any():
        return 0.0
    return float((paper[ys[inside], xs[inside]] > 0).sum()) / len(pts)


def _past_side(quad: np.ndarray, i: int, depth: float) -> np.ndarray:
    """Points a little outside side ``i`` (``depth`` of the quad's size), along it."""
    centre = quad.mean(axis=0)
    p, q = quad[i], quad[(i + 1) % 4]
    mid = (p + q) / 2
    outward = mid - centre
    outward /= np.linalg.norm(outward) + 1e-9
    t = np.linspace(0.15, 0.85, 24)[:, None]
    return p + (q - p) * t + outward * depth


def _is_fold(grey: np.ndarray, half: np.ndarray, i: int, size: float) -> bool:
    """A fold is a shadow valley: darker than the paper on both sides of it (a page's
    edge on a light desk is a step, not a valley)."""
    def level(depth: float) -> float:
        pts = _past_side(half, i, depth)
        h, w = grey.shape
        xs = np.clip(np.round(pts[:, 0]).astype(int), 0, w - 1)
        ys = np.clip(np.round(pts[:, 1]).astype(int), 0, h - 1)
        return float(np.median(grey[ys, xs]))
    at = min(level(d) for d in (-3.0, -1.5, 0.0, 1.5, 3.0))
    return at < min(level(-0.06 * size), level(0.06 * size)) - FOLD_DEPTH


def mirrored_spread(half: np.ndarray, paper: np.ndarray, grey: np.ndarray) -> np.ndarray | None:
    """The whole spread if ``half`` (clockwise) is one page of an open booklet, else None."""
    size = float(np.sqrt(polygon_area(half)))
    depth = 0.08 * size
    past = [_paper_share(paper, _past_side(half, i, depth)) for i in range(4)]
    fold = int(np.argmax(past))
    if past[fold] < PAPER_PAST_FOLD or sorted(past)[2] > PAPER_PAST_OTHERS:
        return None
    if not _is_fold(grey, half, fold, size):
        return None
    f1, f2 = half[fold], half[(fold + 1) % 4]  # the fold's two ends
    o2, o1 = half[(fold + 2) % 4], half[(fold + 3) % 4]  # the outer corners facing them
    spread_half = np.array([f1, f2, 2 * f2 - o2, 2 * f1 - o1])
    cover = _paper_share(paper, _grid(spread_half))
    if cover < 0.75:
        return None
    return order_clockwise(np.array([o1, o2, 2 * f2 - o2, 2 * f1 - o1]))


def _grid(quad: np.ndarray, n: int = 12) -> np.ndarray:
    """An n × n grid of points inside ``quad`` (bilinear in its corners)."""
    s = (np.arange(n) + 0.5) / n
    u, v = np.meshgrid(s, s)
    u, v = u.ravel()[:, None], v.ravel()[:, None]
    a, b, c, d = quad
    return (1 - v) * ((1 - u) * a + u * b) + v * ((1 - u) * d + u * c)
