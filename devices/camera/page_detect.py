"""Finding the page in a document-camera frame.

Works on a copy scaled to ``WORK_SIDE`` pixels (detection cost does not grow with the
sensor), proposes quads from two independent cues — a "paper-like" (bright, unsaturated)
region and closed edge contours — and keeps the candidate whose outline is best backed
by image edges. The winner's four sides are then re-fitted on the full-resolution
frame so corner error does not grow with the downscale factor.

Failures are answers, not exceptions: no page, two pages, or a page running off the
frame return ``quad=None`` with a ``reason`` the UI turns into words ("未检测到文稿").
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from devices.camera.booklet import WELL_OUTLINED, joint_outline, mirrored_spread, two_pages
from devices.camera.geometry import Quad, is_convex, order_clockwise, polygon_area
from devices.camera.side_fit import fit_sides

WORK_SIDE = 640
MIN_AREA = 0.10  # of the frame
MIN_EDGE_SUPPORT = 0.55  # mean over the four sides
MIN_SIDE_SUPPORT = 0.3
REFIT_BELOW = 0.6  # a closed outline's weakest side below this is re-fitted from lines

REASON_OK = "ok"
REASON_NO_PAGE = "no_page"
REASON_TWO_PAGES = "two_pages"
REASON_CUT_OFF = "cut_off"

REASON_TEXT = {
    REASON_NO_PAGE: "未检测到文稿：请把材料平放在拍摄区域中央",
    REASON_TWO_PAGES: "未检测到文稿：画面中有多页材料，请一次只放一页",
    REASON_CUT_OFF: "未检测到文稿：材料超出了拍摄范围，请移到画面中央",
}


@dataclass
class Detection:
    quad: Quad | None  # full-resolution corners, clockwise from top-left
    reason: str = REASON_OK
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.quad is not None

    @property
    def message(self) -> str:
        return REASON_TEXT.get(self.reason, "")


def _work_copy(image: np.ndarray) -> tuple[np.ndarray, float]:
    h, w = image.shape[:2]
    scale = WORK_SIDE / max(h, w)
    if scale >= 1.0:
        return image, 1.0
    size = (round(w * scale), round(h * scale))
    if scale < 0.5:
        # INTER_AREA over 16 MP costs ~100 ms; a cheap bilinear step to twice the target
        # first keeps area averaging (no aliasing of fine text into edges) for ~3 ms.
        image = cv2.resize(image, (size[0] * 2, size[1] * 2), interpolation=cv2.INTER_LINEAR)
    small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return small, scale


def _as_bgr(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image


def _percentile_u8(values: np.ndarray, q: float) -> float:
    """Percentile of a uint8 image via its histogram (np.percentile sorts: 15 ms here)."""
    hist = cv2.calcHist([values], [0], None, [256], [0, 256]).ravel().cumsum()
    return float(np.searchsorted(hist, hist[-1] * q / 100.0))


def _box_area(contour: np.ndarray) -> int:
    _, _, bw, bh = cv2.boundingRect(contour)
    return bw * bh


def _quad_from_contour(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    if len(hull) < 4:
        return None
    try:
        quad = cv2.approxPolyN(hull, 4, epsilon_percentage=-1.0, ensure_convex=True)
    except cv2.error:
        return None
    quad = quad.reshape(-1, 2)
    if len(quad) != 4:
        return None
    return order_clockwise(quad)


def _angles_ok(quad: np.ndarray) -> bool:
    q = quad.astype(np.float64)
    for i in range(4):
        a, b, c = q[i - 1], q[i], q[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cos = np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9)
        if abs(cos) > 0.6:  # outside ~53°..127°
            return False
    return True


def _edge_support(quad: np.ndarray, grad: np.ndarray, threshold: float) -> list[float]:
    """Per side, the share of points along it that sit on a strong image edge."""
    h, w = grad.shape
    shares = []
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        n = max(8, int(np.linalg.norm(q - p) / 3))
        t = np.linspace(0.05, 0.95, n)[:, None]
        pts = np.round(p + (q - p) * t).astype(int)
        inside = (pts[:, 0] >= 0) & (pts[:, 0] < w) & (pts[:, 1] >= 0) & (pts[:, 1] < h)
        pts = pts[inside]
        hits = int((grad[pts[:, 1], pts[:, 0]] > threshold).sum()) if len(pts) else 0
        shares.append(hits / n)
    return shares


def _touches_border(quad: np.ndarray, w: int, h: int) -> bool:
    """A side lying along the frame edge means the page continues outside the frame."""
    mx, my = 0.012 * w, 0.012 * h
    near = [(p[0] <= mx, p[1] <= my, p[0] >= w - 1 - mx, p[1] >= h - 1 - my) for p in quad]
    for i in range(4):
        a, b = near[i], near[(i + 1) % 4]
        if any(a[k] and b[k] for k in range(4)):
            return True
    return False


def _paper_mask(small: np.ndarray) -> np.ndarray:
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    s = hsv[..., 1].astype(np.int16)
    v = hsv[..., 2].astype(np.int16)
    whiteness = np.clip(v - s, 0, 255).astype(np.uint8)
    whiteness = cv2.GaussianBlur(whiteness, (5, 5), 0)
    _, mask = cv2.threshold(whiteness, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)  # fill the text
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))


def _gradient(small: np.ndarray) -> np.ndarray:
    """Colour gradient magnitude: max over channels, so white-on-beige still shows."""
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    gx = cv2.Sobel(blur, cv2.CV_16S, 1, 0, ksize=3)
    gy = cv2.Sobel(blur, cv2.CV_16S, 0, 1, ksize=3)
    mag = cv2.add(cv2.convertScaleAbs(gx), cv2.convertScaleAbs(gy))
    if mag.ndim == 2:
        return mag
    b, g, r = cv2.split(mag)
    return cv2.max(cv2.max(b, g), r)  # numpy's max(axis=2) is 10x slower here


def detect_page(image: np.ndarray, *, refine: bool = True) -> Detection:
    """The page's quad in ``image`` (BGR or grey), or the reason there is none.

    ``refine=False`` skips the full-resolution side re-fit: enough for drawing the
    outline on a live preview, and cheaper.
    """
    if image is None or image.size == 0 or min(image.shape[:2]) < 16:
        return Detection(None, REASON_NO_PAGE)
    frame = _as_bgr(image)
    small, scale = _work_copy(frame)
    h, w = small.shape[:2]
    frame_area = float(h * w)
    grad = _gradient(small)
    grad_threshold = max(24.0, _percentile_u8(grad, 85))

    candidates: list[np.ndarray] = []
    paper = _paper_mask(small)
    contours, _ = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    big = sorted(
        (c for c in contours if cv2.contourArea(c) > 0.06 * frame_area),
        key=cv2.contourArea,
        reverse=True,
    )
    for c in big[:3]:
        quad = _quad_from_contour(c)
        if quad is not None:
            candidates.append(quad)
    valid: list[tuple[float, np.ndarray, float]] = []  # (score, quad, weakest side)
    cut_off = False

    def judge(quads: list[np.ndarray]) -> None:
        nonlocal cut_off
        for quad in quads:
            area = polygon_area(quad)
            if area < MIN_AREA * frame_area or not is_convex(quad) or not _angles_ok(quad):
                continue
            if _touches_border(quad, w, h):
                cut_off = True
                continue
            sides = _edge_support(quad, grad, grad_threshold * 0.6)
            # every side must be an edge: a shadow line across the page is one only in part
            if min(sides) >= MIN_SIDE_SUPPORT and sum(sides) / 4 >= MIN_EDGE_SUPPORT:
                score = sum(sides) / 4 + 0.25 * area / frame_area
                valid.append((score, quad, min(sides)))

    judge(candidates)
    # Edge thresholds from the frame's own gradient spread: desk texture sits below the
    # 95th percentile, a clear page outline far above it. A page edge washed out by
    # glare on a light desk only closes at a lower threshold: those are tried only
    # while no well-outlined page has been found (each level costs a findContours).
    p95 = max(40.0, _percentile_u8(grad, 95))
    for level in (p95, 0.7 * p95, 0.5 * p95):
        if any(weakest >= 0.9 for _, _, weakest in valid):
            break
        _, edges = cv2.threshold(grad, level, 255, cv2.THRESH_BINARY)
        # RETR_LIST: the page's outline is often the inner boundary of an edge band
        # that desk texture has joined to the frame border.
        contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        min_area = MIN_AREA * frame_area
        # boundingRect first: thousands of texture specks, and it is cheaper
        large = [c for c in contours if len(c) >= 4 and _box_area(c) > min_area]
        large = [c for c in large if cv2.contourArea(c) > min_area]
        judge(
            [
                q
                for c in sorted(large, key=cv2.contourArea, reverse=True)[:4]
                if (q := _quad_from_contour(c)) is not None
            ]
        )

    if not valid:
        # no closed outline: fit the sides from the edge evidence that exists (a hand
        # over an edge, a white page on a white desk, a small card)
        fitted, fit_score = fit_sides(small)
        if fitted is None:
            return Detection(None, REASON_CUT_OFF if cut_off else REASON_NO_PAGE)
        valid.append((fit_score, fitted.astype(np.float32), 0.0))
    valid.sort(key=lambda v: v[0], reverse=True)
    best_score, best, weakest = valid[0]
    quads = [q for _, q, _ in valid]
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    if two_pages(quads):
        joined = joint_outline(quads, _quad_from_contour, _angles_ok)
        if joined is None:
            return Detection(None, REASON_TWO_PAGES)
        best, other = joined
        halves = [valid[0], valid[other]]
        good = [q for _, q, side in halves if side >= WELL_OUTLINED]
        if len(good) == 1:  # one half's outer edge washed out: mirror the other
            spread = mirrored_spread(order_clockwise(good[0]), paper, grey)
            best = best if spread is None else spread
    elif weakest >= WELL_OUTLINED:
        # one page of a booklet whose other half did not outline at all
        spread = mirrored_spread(order_clockwise(best), paper, grey)
        best = best if spread is None else spread
    elif 0.0 < weakest < REFIT_BELOW:
        # a closed outline with one doubtful side (a wood streak joined to a card):
        # the side fit from line evidence, if it finds the same page, is the better one
        fitted, _ = fit_sides(small)
        if fitted is not None and _overlap(fitted, best) > 0.6:
            best = fitted.astype(np.float32)
    if not refine:
        return Detection(order_clockwise(best / scale), REASON_OK, best_score)
    # ±4 work pixels: the coarse outline can sit on the outer side of the edge band
    quad = refine_quad(frame, best / scale, search=max(6.0, 4.0 / scale))
    return Detection(quad, REASON_OK, best_score)


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    inter, _ = cv2.intersectConvexConvex(a.reshape(-1, 1, 2).astype(np.float32),
                                         b.reshape(-1, 1, 2).astype(np.float32))
    return float(inter) / (polygon_area(a) + polygon_area(b) - inter + 1e-9)


def refine_quad(frame: np.ndarray, quad: np.ndarray, search: float) -> Quad:
    """Re-fit each side on the full-resolution frame and intersect the four lines.

    Along each side, the strongest step in brightness across the side (within
    ``search`` pixels) is taken as the true edge; a robust line fit through those points
    removes the quantisation error of the downscaled detection.
    """
    h, w = frame.shape[:2]
    lines = []
    q = quad.astype(np.float64)
    for i in range(4):
        p0, p1 = q[i], q[(i + 1) % 4]
        d = p1 - p0
        length = float(np.linalg.norm(d))
        if length < 4:
            return order_clockwise(quad)
        d /= length
        normal = np.array([-d[1], d[0]])
        n_samples = int(min(80, max(10, length / 10)))
        offsets = np.arange(-search, search + 1.0)
        t = np.linspace(0.1, 0.9, n_samples)
        base = p0 + np.outer(t * length, d)  # (n, 2)
        prof = base[:, None, :] + offsets[None, :, None] * normal  # (n, k, 2)
        xs = np.clip(prof[..., 0], 0, w - 1).astype(np.float32)
        ys = np.clip(prof[..., 1], 0, h - 1).astype(np.float32)
        values = cv2.remap(frame, xs, ys, cv2.INTER_LINEAR)  # sample first, then grey:
        if values.ndim == 3:  # converting the whole 16 MP frame would cost ~10 ms
            values = cv2.cvtColor(values, cv2.COLOR_BGR2GRAY)
        values = values.astype(np.float32)
        values = cv2.GaussianBlur(values, (1, 3), 0)
        step = np.abs(np.diff(values, axis=1))
        best = step.argmax(axis=1)
        peaks = step[np.arange(n_samples), best]
        # the page edge is the step most samples agree is large; desk texture gives
        # small maxima where the search window misses the edge
        strong = peaks > max(6.0, 0.5 * float(np.median(peaks)))
        if strong.sum() < max(4, n_samples // 4):
            lines.append((p0, d))
            continue
        offs = (offsets[best] + 0.5)[strong]
        pts = base[strong] + offs[:, None] * normal
        vx, vy, x0, y0 = cv2.fitLine(pts.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01)
        lines.append((np.array([x0[0], y0[0]]), np.array([vx[0], vy[0]])))
    corners = []
    for i in range(4):
        (pa, da), (pb, db) = lines[i - 1], lines[i]
        mat = np.array([da, -db]).T
        if abs(np.linalg.det(mat)) < 1e-6:
            return order_clockwise(quad)
        s = np.linalg.solve(mat, pb - pa)
        corners.append(pa + s[0] * da)
    refined = np.array(corners)
    # A refinement that moved a corner far is a bad fit (e.g. a strong edge nearby): keep
    # the coarse quad instead.
    if np.abs(refined - q).max() > 3 * search:
        return order_clockwise(quad)
    return order_clockwise(refined)
