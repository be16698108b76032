"""Flattening, modes, rotation, deskew and encoding of captured pages."""

import cv2
import numpy as np
import pytest

from devices.camera.enhance import MODES, estimate_skew, rotate_small_angle
from devices.camera.pipeline import process_frame
from devices.camera.synthetic import make_scene, render_page
from tests.support.legibility import ink_f1

SIZE = (1200, 900)


@pytest.fixture(scope="module")
def scene():
    return make_scene(2, SIZE)


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_gives_an_a4_page_at_200_dpi(scene, mode):
    page = process_frame(scene.image, mode)
    assert (page.width, page.height) == (1654, 2339)  # A4 measured through perspective
    image = page.decode()
    assert image.shape[:2] == (2339, 1654)
    expected_type = "image/png" if mode in ("document", "bw") else "image/jpeg"
    assert page.media_type == expected_type
    if mode == "bw":
        assert set(np.unique(image)) <= {0, 255}
    if mode == "grey":
        assert image.ndim == 2
    assert {"detect_ms", "warp_ms", "enhance_ms", "encode_ms", "total_ms"} <= set(page.timings_ms)


def test_document_and_bw_pages_stay_legible_and_small(scene):
    document = process_frame(scene.image, "document")
    bw = process_frame(scene.image, "bw")
    assert ink_f1(document.decode(), scene.text_mask) > 0.85
    assert ink_f1(bw.decode(), scene.text_mask) > 0.9
    assert document.size_bytes < 150_000
    assert bw.size_bytes < 50_000


def test_document_mode_keeps_the_red_seal(scene):
    image = process_frame(scene.image, "document").decode()
    b, g, r = (image[..., i].astype(int) for i in range(3))
    assert ((r - g > 80) & (r - b > 80)).sum() > 500  # red pixels of the stamp ring


def test_white_paper_comes_out_white_despite_the_shadow(scene):
    image = process_frame(scene.image, "document").decode()
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    margin = grey[20:120, 20:-20]  # the top margin has no text
    assert np.median(margin) == 255


@pytest.mark.parametrize(
    ("rotation", "shape"),
    [(0, (2339, 1654)), (90, (1654, 2339)), (180, (2339, 1654)), (270, (1654, 2339))],
)
def test_rotation_in_quarter_turns(scene, rotation, shape):
    page = process_frame(scene.image, "grey", rotation=rotation)
    assert page.decode().shape[:2] == shape


@pytest.mark.parametrize("angle", [-4.0, -1.5, 2.0, 5.0])
def test_deskew_finds_the_text_angle(angle):
    page, _ = render_page(np.random.default_rng(3), 800)
    turned = rotate_small_angle(page, angle)
    assert estimate_skew(turned) == pytest.approx(-angle, abs=0.3)


def test_full_frame_scan_is_straightened():
    page, _ = render_page(np.random.default_rng(4), 1000)
    turned = rotate_small_angle(page, 3.0)
    result = process_frame(turned, "bw", full_frame=True, quad=None)
    assert result.skew_degrees == pytest.approx(-3.0, abs=0.3)


def test_corners_given_by_the_clerk_skip_detection(scene):
    page = process_frame(scene.image, "colour", quad=scene.corners)
    assert page.timings_ms["detect_ms"] == 0.0
    np.testing.assert_allclose(page.quad, scene.corners)


def test_unknown_mode_is_refused(scene):
    with pytest.raises(ValueError):
        process_frame(scene.image, "sepia")


def test_page_carries_a_small_thumbnail_in_its_final_orientation(scene):
    page = process_frame(scene.image, "colour", rotation=90)
    assert page.thumbnail.shape[:2] == (141, 200)  # A4 turned a quarter: landscape
    assert page.decode().shape[:2] == (1654, 2339)
