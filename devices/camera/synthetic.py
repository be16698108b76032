"""Deterministic synthetic photos of documents on desks, with their true corners.

Each scene: a text page (lines of text, a table, a stamp) rendered at A4 proportions,
placed with a random perspective onto a varied desk background (wood, dark cloth,
grey laminate, green cutting mat, light beige), then a soft shadow, a glare spot,
blur and sensor noise. Same seed, same image — nothing is stored in the repository.

Used by the simulator camera (``camera-sim:``), the tests and the capture benchmark.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

RESOLUTIONS = {  # name: (width, height) of common document-camera sensors
    "5MP": (2592, 1944),
    "12MP": (4000, 3000),
    "16MP": (4608, 3456),
}
BACKGROUNDS = ("wood", "cloth", "laminate", "mat", "beige")


@dataclass
class Scene:
    image: np.ndarray  # BGR uint8
    corners: np.ndarray  # (4, 2) float32, clockwise from top-left of the page
    page: np.ndarray  # the flat page that was photographed (BGR), for legibility checks
    text_mask: np.ndarray  # uint8 0/255 where ink is on the flat page
    background: str


def render_page(rng: np.random.Generator, width: int = 1240) -> tuple[np.ndarray, np.ndarray]:
    """A white A4 page of text; returns (BGR page, ink mask)."""
    height = round(width * math.sqrt(2.0))
    ink = np.zeros((height, width), np.uint8)
    margin = width // 12
    y = margin + 20
    scale = width / 1240.0
    title = "".join(rng.choice(list("ABCDEFGHJKLMNPRSTUVWXYZ"), size=14))
    cv2.putText(
        ink,
        title,
        (margin, y + int(30 * scale)),
        cv2.FONT_HERSHEY_DUPLEX,
        1.6 * scale,
        255,
        max(1, int(3 * scale)),
        cv2.LINE_AA,
    )
    y += int(90 * scale)
    words = list("abcdefghijklmnopqrstuvwxyz0123456789")
    line_h = int(38 * scale)
    while y < height * 0.62:
        n = int(rng.integers(30, 52))
        text = "".join(rng.choice(words + [" "] * 6, size=n))
        cv2.putText(
            ink,
            text,
            (margin, y),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.9 * scale,
            255,
            max(1, int(2 * scale)),
            cv2.LINE_AA,
        )
        y += line_h
    # a table
    top = y + line_h
    rows, cols = 6, 4
    cell_w = (width - 2 * margin) // cols
    for r in range(rows + 1):
        yy = top + r * line_h
        cv2.line(ink, (margin, yy), (margin + cols * cell_w, yy), 255, max(1, int(2 * scale)))
    for c in range(cols + 1):
        xx = margin + c * cell_w
        cv2.line(ink, (xx, top), (xx, top + rows * line_h), 255, max(1, int(2 * scale)))
    for r in range(rows):
        for c in range(cols):
            cv2.putText(
                ink,
                str(int(rng.integers(100, 99999))),
                (margin + c * cell_w + 10, top + r * line_h + int(28 * scale)),
                cv2.FONT_HERSHEY_SIMPLEX,
                0.8 * scale,
                255,
                max(1, int(2 * scale)),
                cv2.LINE_AA,
            )
    paper = np.array([rng.uniform(236, 252), rng.uniform(238, 252), rng.uniform(238, 254)])
    page = np.empty((height, width, 3), np.float32)
    page[:] = paper
    page -= (ink.astype(np.float32) / 255.0)[..., None] * (paper - np.array([30, 25, 20]))
    # a red stamp
    centre = (int(width * 0.72), int(height * 0.86))
    stamp = np.zeros((height, width), np.uint8)
    cv2.circle(stamp, centre, int(width * 0.09), 255, max(2, int(6 * scale)))
    page[stamp > 0] = (60, 60, 200)
    return np.clip(page, 0, 255).astype(np.uint8), ink


def _background(rng: np.random.Generator, kind: str, w: int, h: int) -> np.ndarray:
    sw, sh = max(64, w // 8), max(48, h // 8)  # texture at 1/8 scale, then upscaled
    noise = rng.normal(0, 1, (sh, sw)).astype(np.float32)
    if kind == "wood":
        grain = cv2.GaussianBlur(noise, (0, 0), sigmaX=12, sigmaY=0.8)
        grain = grain / (np.abs(grain).max() + 1e-6)
        base = np.array([45, 85, 140], np.float32)  # BGR brown
        img = base + grain[..., None] * np.array([18, 28, 35], np.float32)
    elif kind == "cloth":
        n = cv2.GaussianBlur(noise, (0, 0), 1.0)
        base = np.array(rng.uniform(25, 70, 3), np.float32)
        img = base + n[..., None] * 10
    elif kind == "laminate":
        n = cv2.GaussianBlur(noise, (0, 0), 3.0)
        img = np.float32(120) + n[..., None] * np.array([6, 6, 6], np.float32)
        img = np.repeat(img, 3, axis=2) if img.shape[2] == 1 else img
    elif kind == "mat":
        n = cv2.GaussianBlur(noise, (0, 0), 2.0)
        img = np.array([70, 110, 40], np.float32) + n[..., None] * 6
        step = max(8, sw // 24)
        img[::step, :] = (110, 150, 90)
        img[:, ::step] = (110, 150, 90)
    else:  # beige: the hard case, light desk under white paper
        n = cv2.GaussianBlur(noise, (0, 0), 4.0)
        img = np.array([150, 175, 190], np.float32) + n[..., None] * 8
    img = np.broadcast_to(img, (sh, sw, 3)) if img.ndim == 3 else img
    return cv2.resize(np.ascontiguousarray(img), (w, h), interpolation=cv2.INTER_LINEAR)


def _project_page(rng: np.random.Generator, pw: int, ph: int, w: int, h: int) -> np.ndarray:
    """Corners of a flat page seen by a pinhole camera over the desk (real perspective).

    The page is turned on the desk (±20°), the camera tilted up to ±10° about both
    axes, focal length ~0.9 frame widths (a typical document-camera lens).
    """
    f = w * rng.uniform(0.8, 1.1)
    k = np.array([[f, 0, w / 2], [0, f, h / 2], [0, 0, 1]])
    a = math.radians(rng.uniform(-20, 20))
    tx, ty = (math.radians(v) for v in rng.uniform(-10, 10, 2))
    rz = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, math.cos(tx), -math.sin(tx)], [0, math.sin(tx), math.cos(tx)]])
    ry = np.array([[math.cos(ty), 0, math.sin(ty)], [0, 1, 0], [-math.sin(ty), 0, math.cos(ty)]])
    rot = rx @ ry @ rz
    local = np.array(
        [[-pw / 2, -ph / 2, 0], [pw / 2, -ph / 2, 0], [pw / 2, ph / 2, 0], [-pw / 2, ph / 2, 0]]
    )
    fill = rng.uniform(0.65, 0.9)  # page's long side as a share of the frame height
    offset = rng.uniform(-0.12, 0.12) * w, rng.uniform(-0.04, 0.04) * h
    for _ in range(20):
        z = f * ph / (fill * h)
        t = np.array([offset[0] * z / f, offset[1] * z / f, z])
        cam = local @ rot.T + t
        proj = cam @ k.T
        corners = proj[:, :2] / proj[:, 2:3]
        inside = (
            corners[:, 0].min() > 0.02 * w
            and corners[:, 0].max() < 0.98 * w
            and corners[:, 1].min() > 0.02 * h
            and corners[:, 1].max() < 0.98 * h
        )
        if inside:
            return corners
        fill *= 0.93
    return corners


def make_scene(
    seed: int,
    resolution: tuple[int, int] = (1600, 1200),
    background: str | None = None,
    page_width: int | None = None,
) -> Scene:
    """One photo of one page; ``seed`` fixes every random choice."""
    rng = np.random.default_rng(seed)
    w, h = resolution
    kind = background or BACKGROUNDS[seed % len(BACKGROUNDS)]
    page, ink = render_page(rng, page_width or max(620, int(h * 0.62)))
    ph, pw = page.shape[:2]
    corners = _project_page(rng, pw, ph, w, h)
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    hom = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    scene = _background(rng, kind, w, h)
    page_f = cv2.warpPerspective(page, hom, (w, h), flags=cv2.INTER_LINEAR)
    mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(mask, np.round(corners * 16).astype(np.int32), 255, cv2.LINE_AA, 4)
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    img = scene * (1 - alpha) + page_f.astype(np.float32) * alpha
    # shadow of the stand or the clerk's arm: a soft darker half-plane
    yy, xx = np.mgrid[0:h:8, 0:w:8].astype(np.float32)
    theta = rng.uniform(0, 2 * math.pi)
    d = (xx - w * rng.uniform(0.2, 0.8)) * math.cos(theta) + (yy - h / 2) * math.sin(theta)
    shade = 1 - rng.uniform(0.15, 0.35) / (1 + np.exp(-d / (0.04 * w)))
    # glare: a bright soft spot from the lamp
    gx, gy = rng.uniform(0.25, 0.75) * w, rng.uniform(0.25, 0.75) * h
    glare = rng.uniform(20, 60) * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (0.08 * w) ** 2))
    shade = cv2.resize(shade, (w, h))
    glare = cv2.resize(glare, (w, h))
    img = img * shade[..., None] + glare[..., None]
    sigma = rng.uniform(0.3, 1.2) * w / 2000.0  # defocus grows with sensor resolution
    img = cv2.GaussianBlur(img, (0, 0), sigma)
    img += (
        rng.normal(0, 3.0, (h // 4, w // 4, 1)).astype(np.float32).repeat(4, 0).repeat(4, 1)[:h, :w]
    )
    out = np.clip(img, 0, 255).astype(np.uint8)
    return Scene(out, corners.astype(np.float32), page, ink, kind)


def empty_desk(seed: int, resolution: tuple[int, int] = (1600, 1200)) -> np.ndarray:
    rng = np.random.default_rng(seed)
    kind = BACKGROUNDS[seed % len(BACKGROUNDS)]
    return np.clip(_background(rng, kind, *resolution), 0, 255).astype(np.uint8)


def two_pages(seed: int, resolution: tuple[int, int] = (1600, 1200)) -> np.ndarray:
    """Two A5-ish pages side by side on a dark desk."""
    rng = np.random.default_rng(seed)
    w, h = resolution
    img = _background(rng, "cloth", w, h)
    for x0 in (0.06, 0.54):
        page, _ = render_page(rng, 600)
        ph, pw = page.shape[:2]
        tw = int(w * 0.40)
        th = int(tw * ph / pw)
        th = min(th, int(h * 0.9))
        y0 = (h - th) // 2
        img[y0 : y0 + th, int(x0 * w) : int(x0 * w) + tw] = cv2.resize(page, (tw, th))
    return np.clip(img, 0, 255).astype(np.uint8)


def page_cut_off(seed: int, resolution: tuple[int, int] = (1600, 1200)) -> np.ndarray:
    """A page whose lower third runs off the bottom of the frame."""
    rng = np.random.default_rng(seed)
    w, h = resolution
    img = _background(rng, "wood", w, h)
    page, _ = render_page(rng, 700)
    th = int(h * 1.1)
    tw = int(th * page.shape[1] / page.shape[0])
    x0, y0 = (w - tw) // 2, int(h * 0.35)
    scaled = cv2.resize(page, (tw, th))
    img[y0:, x0 : x0 + tw] = scaled[: h - y0]
    return np.clip(img, 0, 255).astype(np.uint8)
