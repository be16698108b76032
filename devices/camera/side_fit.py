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
ID1_RATIO = 85.60 / 53.98


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


class _LineEvidence:
    """Edge hits along each Hough line, as prefix sums, for both page polarities.

    A quad side is a stretch of one of a few lines, and hundreds of candidate quads share
    those lines: sampling each line once (every pixel along it, the gradient *across* it
    within ±2 px) makes a side's support two look-ups instead of a sampling pass.
    """

    def __init__(self, lines: np.ndarray, gx: np.ndarray, gy: np.ndarray, thr: float) -> None:
        h, w = gx.shape
        self.span = float(np.hypot(w, h))
        t = np.arange(-self.span, self.span + 1.0)
        self.t0 = -self.span
        self.normal = np.stack([np.cos(lines[:, 1]), np.sin(lines[:, 1])], axis=1)  # (L, 2)
        self.direction = np.stack([-self.normal[:, 1], self.normal[:, 0]], axis=1)
        self.origin = lines[:, :1] * self.normal  # foot of each line
        offsets = np.arange(-2, 3)
        # (L, T, K, 2) points: along each line, across it
        o, d, n = (v[:, None, None, :] for v in (self.origin, self.direction, self.normal))
        pts = o + t[None, :, None, None] * d + offsets[None, None, :, None] * n
        xs = np.round(pts[..., 0]).astype(np.int32)
        ys = np.round(pts[..., 1]).astype(np.int32)
        inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
        xs, ys = np.clip(xs, 0, w - 1), np.clip(ys, 0, h - 1)
        across = gx[ys, xs] * n[..., 0] + gy[ys, xs] * n[..., 1]
        across = np.where(inside, across, 0.0)
        # brighter on the -normal side (page there) / on the +normal side
        hits = np.stack([(-across).max(axis=2) > thr, across.max(axis=2) > thr])  # (2, L, T)
        self.sums = np.concatenate([np.zeros((2, len(lines), 1)), hits.cumsum(axis=2)], axis=2)


    def support(self, lines: np.ndarray, polarity: np.ndarray, t1: np.ndarray,
                t2: np.ndarray) -> np.ndarray:
        """Share of each stretch t1..t2 of each line that is an edge of its polarity."""
        last = self.sums.shape[2] - 1
        a = np.clip(np.rint(np.minimum(t1, t2) - self.t0), 0, last).astype(np.intp)
        b = np.clip(np.rint(np.maximum(t1, t2) - self.t0), 0, last).astype(np.intp)
        hits = self.sums[polarity, lines, b] - self.sums[polarity, lines, a]
        return hits / np.maximum(1, b - a)


def _side_evidence(ev: _LineEvidence, quads: np.ndarray, side_lines: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """For M quads (M, 4, 2) with their sides' lines (M, 4; -1: a hidden side): the
    support of each side (M, 4) and whether some side runs on past its corners (M,).
    A hidden side has no support, and the sides meeting it are not checked at its end."""
    centre = quads.mean(axis=1)  # (M, 2)
    hidden = side_lines < 0
    lines = np.where(hidden, 0, side_lines)
    origin, direction, normal = ev.origin[lines], ev.direction[lines], ev.normal[lines]
    p, q = quads, np.roll(quads, -1, axis=1)
    tp = ((p - origin) * direction).sum(axis=2)
    tq = ((q - origin) * direction).sum(axis=2)
    # page on the side of the centre: polarity 0 if the centre is on the -normal side
    polarity = (((centre[:, None, :] - origin) * normal).sum(axis=2) >= 0).astype(np.intp)
    length = tq - tp
    support = ev.support(lines, polarity, tp + 0.04 * length, tq - 0.04 * length)
    support[hidden] = 0.0
    # a page side stops at its corners; one that goes on is a page running off the frame
    # (or a table line inside a page) and the "corner" a text line crossing it (not at a
    # hidden side's corners: the fingers' own edges go on there)
    past_q = ev.support(lines, polarity, tq + 0.04 * length, tq + 0.15 * length) > 0.7
    past_p = ev.support(lines, polarity, tp - 0.04 * length, tp - 0.15 * length) > 0.7
    past_q &= ~np.roll(hidden, -1, axis=1)
    past_p &= ~np.roll(hidden, 1, axis=1)
    runs_on = ((past_q | past_p) & ~hidden).any(axis=1)
    return support, runs_on


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
    # (every 4th pixel each way: the median of a noise level needs no more, and the
    # full-frame median's sort was a tenth of the fit)
    noise = float(np.median(np.abs(gx[::4, ::4]))) + float(np.median(np.abs(gy[::4, ::4])))
    thr = max(6.0, 2.5 * noise)
    edges = cv2.Canny(blur, thr, 2 * thr, L2gradient=True)
    # text and tables are dense edge clutter that Hough turns into false sides; a page
    # side is a thin line with a quiet neighbourhood, so drop edges in dense patches
    density = cv2.boxFilter(edges, cv2.CV_32F, (11, 11), normalize=True)
    edges[density > 0.22 * 255] = 0
    # votes: 8 % of the short side, so a card side half under fingers still gets through
    lines = _lines(edges, max(30, int(0.08 * min(w, h))))
    if len(lines) < 3:
        return None, 0.0
    # two directions: fold angles to [0, π) and split around the strongest line's direction
    theta = np.mod(lines[:, 1], np.pi)
    rel = np.abs(np.angle(np.exp(2j * (theta - theta[0])))) / 2  # 0..π/2
    idx_a = [i for i, r in enumerate(rel) if r < np.radians(30)][:LINES_PER_DIRECTION]
    idx_b = [i for i, r in enumerate(rel) if r > np.radians(60)][:LINES_PER_DIRECTION]
    used = idx_a + idx_b
    if len(idx_a) < 1 or len(idx_b) < 1 or len(used) < 3:
        return None, 0.0
    ev = _LineEvidence(lines[used], gx, gy, thr)
    la = list(range(len(idx_a)))  # indices into ``used``
    lb = list(range(len(idx_a), len(used)))
    cross = {(i, j): _intersect(tuple(lines[used[i]]), tuple(lines[used[j]]))
             for i in la for j in lb}
    combos = np.array([(a1, a2, b1, b2)
                       for (a1, a2), (b1, b2) in itertools.product(
                           itertools.combinations(la, 2), itertools.combinations(lb, 2))
                       if all(cross[k] is not None for k in ((a1, b1), (a2, b1), (a2, b2),
                                                             (a1, b2)))], dtype=np.intp)
    best, best_score = None, 0.0
    if len(combos):
        a1, a2, b1, b2 = combos.T
        point = {k: v for k, v in cross.items() if v is not None}
        quads = np.array([[point[x, y], point[u, y], point[u, v], point[x, v]]
                          for x, u, y, v in combos])  # a cycle: sides on b1, a2, b2, a1
        support, runs_on = _side_evidence(ev, quads, np.stack([b1, a2, b2, a1], axis=1))
        ordered = np.sort(support, axis=1)
        keep = (ordered[:, 1] >= STRONG_SIDE) & (ordered[:, 0] >= WEAK_SIDE) & ~runs_on
        for m in np.flatnonzero(keep):
            if not _plausible(quads[m], w, h):
                continue
            score = float(support[m].mean()) + 0.5 * polygon_area(quads[m]) / (w * h)
            if score > best_score:
                best, best_score = quads[m], score
    if best is None:
        best, best_score = _card_under_a_hand(ev, la, lb, cross, _whiteness(small))
    return (None, 0.0) if best is None else (order_clockwise(best), best_score)


def _whiteness(small: np.ndarray) -> np.ndarray:
    """Value minus saturation: high on paper, low on skin and most desks."""
    if small.ndim == 2:
        return small
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    return cv2.subtract(hsv[..., 2], hsv[..., 1])


def _sample(img: np.ndarray, pts: np.ndarray) -> float:
    h, w = img.shape[:2]
    xs = np.clip(np.rint(pts[:, 0]).astype(int), 0, w - 1)
    ys = np.clip(np.rint(pts[:, 1]).astype(int), 0, h - 1)
    return float(np.median(img[ys, xs]))


def _hidden_under_something(quad: np.ndarray, white: np.ndarray) -> bool:
    """The card's hidden side (quad[2]–quad[3]) is under an occluder, not more paper: the
    strip of the card along it does not look like the card near the side seen."""
    t = np.linspace(0.15, 0.85, 16)[:, None]
    seen_a, seen_b, far_b, far_a = quad
    near_seen = seen_a + (seen_b - seen_a) * t
    near_far = far_a + (far_b - far_a) * t
    inward_seen = (far_a - seen_a) * 0.12
    inward_far = (seen_a - far_a) * 0.08
    return _sample(white, near_far + inward_far) < _sample(white, near_seen + inward_seen) - 30


def _card_under_a_hand(ev: _LineEvidence, la: list[int], lb: list[int], cross: dict,
                       white: np.ndarray) -> tuple[np.ndarray | None, float]:
    """Three sides of an ID-1 card (85.60 × 53.98 mm, ISO/IEC 7810) and the fourth under
    the fingers: the hidden side is parallel to the one seen across from it, as far from
    it as the card's proportions say, and it must be under something (a page running
    off the frame has three sides too). Only when no four-sided outline exists."""
    h, w = white.shape[:2]
    quads, sides, lengths, ratios = [], [], [], []
    for pair, singles in ((la, lb), (lb, la)):
        for (p1, p2), s in itertools.product(itertools.combinations(pair, 2), singles):
            c1 = cross.get((p1, s), cross.get((s, p1)))
            c2 = cross.get((p2, s), cross.get((s, p2)))
            if c1 is None or c2 is None:
                continue
            length = float(np.hypot(*(c2 - c1)))
            if length < 8:
                continue
            d1, d2 = ev.direction[p1], ev.direction[p2]
            for ratio in (ID1_RATIO, 1 / ID1_RATIO):
                for sign in (1.0, -1.0):
                    far = ratio * length * sign
                    quads.append([c1, c2, c2 + d2 * far, c1 + d1 * far])
                    sides.append([s, p2, -1, p1])
                    lengths.append(length)
                    ratios.append(ratio)
    best, best_score, best_explained = None, 0.0, 0.0
    if not quads:
        return best, best_score
    quads_a = np.array(quads)
    support, runs_on = _side_evidence(ev, quads_a, np.array(sides, dtype=np.intp))
    keep = ~runs_on & (support[:, 0] >= STRONG_SIDE) & (support[:, [1, 3]].min(axis=1) >= 0.35)
    for m in np.flatnonzero(keep):
        quad = quads_a[m]
        if not _plausible(quad, w, h) or not _hidden_under_something(quad, white):
            continue
        # of a short and a long reading of the same three lines, the one that explains
        # more of the edges seen (a side visible past the short one's corner belongs to
        # the long one)
        explained = lengths[m] * (support[m, 0] + ratios[m] * (support[m, 1] + support[m, 3]))
        if explained > best_explained:
            visible = support[m, [0, 1, 3]]
            score = 0.8 * float(visible.mean()) + 0.5 * polygon_area(quad) / (w * h)
            best, best_score, best_explained = quad, score, explained
    return best, best_score
