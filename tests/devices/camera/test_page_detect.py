"""Page detection on the synthetic set with known corners, and its failure cases."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from devices.camera.geometry import jaccard
from devices.camera.page_detect import (
    REASON_CUT_OFF,
    REASON_NO_PAGE,
    REASON_TWO_PAGES,
    detect_page,
)
from devices.camera.pipeline import PageNotFound, process_frame
from devices.camera.synthetic import (
    BACKGROUNDS,
    empty_desk,
    make_scene,
    page_cut_off,
    two_pages,
)

SIZE = (1200, 900)  # small frames keep the suite fast; the benchmark runs 5–16 MP


@pytest.mark.parametrize("seed", range(10))
def test_detected_page_matches_ground_truth(seed):
    scene = make_scene(seed, SIZE)
    detection = detect_page(scene.image)
    assert detection.found, f"{scene.background}: {detection.reason}"
    assert jaccard(detection.quad, scene.corners) >= 0.97
    # corners come clockwise from the top-left, matching the page's own corners
    error = np.linalg.norm(detection.quad - scene.corners, axis=1).max()
    assert error < 0.01 * SIZE[0]


def test_every_background_is_in_the_set():
    assert {make_scene(s, (320, 240)).background for s in range(5)} == set(BACKGROUNDS)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (empty_desk, (REASON_NO_PAGE, REASON_CUT_OFF)),
        (two_pages, (REASON_TWO_PAGES,)),
        (page_cut_off, (REASON_CUT_OFF,)),
    ],
)
@pytest.mark.parametrize("seed", range(3))
def test_failure_cases_say_no_page_found(make, reason, seed):
    frame = make(seed, SIZE)
    detection = detect_page(frame)
    assert detection.quad is None
    assert detection.reason in reason
    assert detection.message.startswith("未检测到文稿")
    with pytest.raises(PageNotFound) as err:
        process_frame(frame, "document")
    assert "未检测到文稿" in err.value.clerk_message
    assert "使用整幅画面" in err.value.clerk_message


def test_full_frame_fallback_on_the_clerks_choice():
    frame = two_pages(1, SIZE)
    page = process_frame(frame, "grey", full_frame=True)
    assert page.quad is None
    assert page.media_type == "image/jpeg"
    assert (page.width, page.height) == SIZE  # below the A4@200dpi pixel cap: kept as is


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.uint8, st.tuples(st.integers(1, 120), st.integers(1, 120), st.sampled_from([1, 3]))),
)
def test_any_image_gives_a_detection_not_an_exception(image):
    image = image[..., 0] if image.shape[2] == 1 else image
    detection = detect_page(image)
    assert detection.quad is None or detection.quad.shape == (4, 2)
