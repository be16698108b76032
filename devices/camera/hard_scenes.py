"""Hard counter scenes with their true corners: what made detection answer ``no_page``.

Issue 14 lists the conditions a person sees through at once but our first detector did
not: a hand holding the page flat over part of an edge, a white page on a white or light
desk where one or two edges differ from the desk by 5–15 grey levels, light wood, an
ID-card-sized document, an open booklet with its spine. Every scene also gets a stronger
shadow, a glare spot and JPEG compression at a camera's quality. Same seed, same image.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from devices.camera.synthetic import Scene, _background, _project_page, render_page

CONDITIONS = ("hand", "white_desk", "light_wood", "id_card", "booklet", "hand_white_desk")
SKIN_BGR = ((120, 150, 205), (95, 130, 185), (70, 105, 160), (140, 170, 225))


def _light_desk(rng: np.random.Generator, w: int, h: int, level: float) -> np.ndarray:
    sw, sh = max(64, w // 8), max(48, h // 8)
    n = cv2.GaussianBlur(rng.normal(0, 1, (sh, sw)).astype(np.float32), (0, 0), 4.0)
    img = np.float32(level) + n[..., None] * 1.2 + np.array([-2, 0, 1], np.float32)
    return cv2.resize(np.ascontiguousarray(img), (w, h), interpolation=cv2.INTER_LINEAR)


def _light_wood(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    sw, sh = max(64, w // 8), max(48, h // 8)
    noise = rng.normal(0, 1, (sh, sw)).astype(np.float32)
    grain = cv2.GaussianBlur(noise, (0, 0), sigmaX=14, sigmaY=0.7)
    grain /= np.abs(grain).max() + 1e-6
    base = np.array([rng.uniform(140, 165), rng.uniform(180, 200), rng.uniform(205, 225)])
    img = base.astype(np.float32) + grain[..., None] * np.array([14, 16, 16], np.float32)
    return cv2.resize(np.ascontiguousarray(img), (w, h), interpolation=cv2.INTER_LINEAR)


def _card(rng: np.random.Generator, width: int = 856) -> np.ndarray:
    """An ID-card-sized document (85.6 × 54 mm): light tinted guilloche, photo, lines."""
    height = round(width * 54.0 / 85.6)
    tint = np.array([rng.uniform(215, 240), rng.uniform(220, 240), rng.uniform(200, 230)])
    card = np.empty((height, width, 3), np.float32)
    card[:] = tint
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    card += (6 * np.sin(xx / 9.0 + 3 * np.sin(yy / 31.0)))[..., None]
    px, py = int(width * 0.64), int(height * 0.14)
    card[py : py + int(height * 0.62), px : px + int(width * 0.29)] = (150, 160, 175)
    for i in range(6):
        y = int(height * (0.2 + 0.12 * i))
        cv2.line(card, (int(width * 0.08), y), (int(width * 0.55), y), (40, 40, 40), 4)
    return np.clip(card, 0, 255).astype(np.uint8)


def _booklet(rng: np.random.Generator, width: int) -> np.ndarray:
    """An open booklet: two text pages side by side, a dark fold down the middle."""
    left, _ = render_page(rng, width // 2)
    right, _ = render_page(rng, width // 2)
    spread = np.hstack([left, right]).astype(np.float32)
    w = spread.shape[1]
    x = np.arange(w, dtype=np.float32) - w / 2
    fold = 1 - 0.45 * np.exp(-(x**2) / (2 * (0.012 * w) ** 2))
    spread *= fold[None, :, None]
    return np.clip(spread, 0, 255).astype(np.uint8)


def _hand(rng: np.random.Generator, img: np.ndarray, corners: np.ndarray) -> None:
    """A skin-coloured hand (palm and fingers) over part of one side, drawn in place."""
    h, w = img.shape[:2]
    side = int(rng.integers(0, 4))
    p, q = corners[side], corners[(side + 1) % 4]
    t = rng.uniform(0.25, 0.75)
    at = p + (q - p) * t
    centre = corners.mean(axis=0)
    outward = at - centre
    outward /= np.linalg.norm(outward) + 1e-9
    size = 0.11 * min(w, h) * rng.uniform(0.8, 1.2)
    palm = at + outward * size * 0.9  # the palm outside the page, fingers across the edge
    colour = np.array(SKIN_BGR[int(rng.integers(0, len(SKIN_BGR)))], np.float32)
    mask = np.zeros((h, w), np.uint8)
    angle = math.degrees(math.atan2(outward[1], outward[0]))
    cv2.ellipse(
        mask,
        tuple(int(v) for v in palm),
        (int(size), int(size * 0.8)),
        angle,
        0,
        360,
        255,
        -1,
        cv2.LINE_AA,
    )
    along = (q - p) / (np.linalg.norm(q - p) + 1e-9)
    for k in range(4):
        base = palm + along * (k - 1.5) * size * 0.38
        tip = base - outward * size * rng.uniform(1.6, 2.1)
        cv2.line(
            mask,
            tuple(int(v) for v in base),
            tuple(int(v) for v in tip),
            255,
            max(3, int(size * 0.28)),
            cv2.LINE_AA,
        )
    alpha = cv2.GaussianBlur(mask, (0, 0), 1.5).astype(np.float32)[..., None] / 255.0
    shade = 0.85 + 0.15 * cv2.GaussianBlur(
        rng.random((h // 16 + 1, w // 16 + 1)).astype(np.float32), (0, 0), 2
    )
    skin = colour * cv2.resize(shade, (w, h))[..., None]
    img *= 1 - alpha
    img += alpha * skin


def make_hard_scene(
    seed: int, resolution: tuple[int, int] = (1600, 1200), condition: str | None = None
) -> Scene:
    """One hard photo; ``Scene.background`` names its condition."""
    rng = np.random.default_rng(seed)
    w, h = resolution
    cond = condition or CONDITIONS[seed % len(CONDITIONS)]
    if cond == "id_card":
        page = _card(rng, max(400, int(h * 0.45)))
        ink = np.zeros(page.shape[:2], np.uint8)
    elif cond == "booklet":
        page = _booklet(rng, max(800, int(h * 0.9)))
        ink = np.zeros(page.shape[:2], np.uint8)
    else:
        page, ink = render_page(rng, max(620, int(h * 0.62)))
    ph, pw = page.shape[:2]
    corners = _project_page(rng, pw, ph, w, h)
    if cond == "id_card":  # a card lies small in an A4-sized field of view
        centre = corners.mean(axis=0)
        shift = rng.uniform(-0.15, 0.15, 2) * (w, h)
        corners = (corners - centre) * rng.uniform(0.38, 0.5) + np.array([w, h]) / 2 + shift
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    hom = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    paper = float(page[ph // 2, 5].mean())
    if cond in ("white_desk", "hand_white_desk"):
        # the desk is the paper's brightness minus 5–15 levels at one or two page sides,
        # darker (but still light) towards the opposite side
        low = rng.uniform(5, 15)
        scene = _light_desk(rng, w, h, paper - low)
        theta = rng.uniform(0, 2 * math.pi)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        ramp = ((xx - w / 2) * math.cos(theta) + (yy - h / 2) * math.sin(theta)) / max(w, h)
        scene -= (np.clip(ramp + 0.5, 0, 1) * rng.uniform(10, 30))[..., None]
    elif cond == "light_wood":
        scene = _light_wood(rng, w, h)
    else:
        kind = ("wood", "laminate", "beige", "cloth")[int(rng.integers(0, 4))]
        scene = _background(rng, kind, w, h).astype(np.float32)
    page_f = cv2.warpPerspective(page, hom, (w, h), flags=cv2.INTER_LINEAR)
    mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(mask, np.round(corners * 16).astype(np.int32), 255, cv2.LINE_AA, 4)
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    img = scene * (1 - alpha) + page_f.astype(np.float32) * alpha
    if cond in ("hand", "hand_white_desk") or rng.random() < 0.25:
        _hand(rng, img, corners.astype(np.float64))
    yy, xx = np.mgrid[0:h:8, 0:w:8].astype(np.float32)
    theta = rng.uniform(0, 2 * math.pi)
    d = (xx - w * rng.uniform(0.2, 0.8)) * math.cos(theta) + (yy - h / 2) * math.sin(theta)
    shade = 1 - rng.uniform(0.1, 0.3) / (1 + np.exp(-d / (0.03 * w)))
    gx, gy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    glare = rng.uniform(15, 45) * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (0.07 * w) ** 2))
    img = img * cv2.resize(shade, (w, h))[..., None] + cv2.resize(glare, (w, h))[..., None]
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.4, 1.2) * w / 2000.0)
    noise = rng.normal(0, 2.5, (h // 2 + 1, w // 2 + 1, 1)).astype(np.float32)
    img += noise.repeat(2, 0).repeat(2, 1)[:h, :w]
    out = np.clip(img, 0, 255).astype(np.uint8)
    quality = int(rng.integers(60, 86))
    ok, jpeg = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
    out = cv2.imdecode(jpeg, cv2.IMREAD_COLOR) if ok else out
    return Scene(out, corners.astype(np.float32), page, ink, cond)
