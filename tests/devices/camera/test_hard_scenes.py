"""Issue 14's hard counter scenes: a real sample of two frames per condition.

Scored with the SmartDoc-2015 challenge-1 protocol (devices.camera.smartdoc_score); the
benchmark (scripts/bench_capture.py --hard-only) runs 300 frames.
"""

import numpy as np
import pytest

from devices.camera.geometry import jaccard
from devices.camera.hard_scenes import CONDITIONS, make_hard_scene
from devices.camera.page_detect import REASON_NO_PAGE, detect_page
from devices.camera.smartdoc_score import smartdoc_jaccard
from devices.camera.synthetic import empty_desk

SIZE = (1200, 900)


@pytest.mark.parametrize("seed", range(12))
def test_hard_scene_page_is_found(seed):
    scene = make_hard_scene(seed, SIZE)
    detection = detect_page(scene.image)
    assert detection.found, f"{scene.background}: {detection.reason}"
    ph, pw = scene.page.shape[:2]
    assert smartdoc_jaccard(detection.quad, scene.corners, (pw, ph)) >= 0.95, scene.background


def test_the_sample_covers_every_condition():
    assert {make_hard_scene(s, (320, 240)).background for s in range(12)} == set(CONDITIONS)


@pytest.mark.parametrize("seed", range(5, 10))
def test_an_empty_desk_is_still_no_page(seed):
    assert detect_page(empty_desk(seed, SIZE)).reason in (REASON_NO_PAGE, "cut_off")


def test_smartdoc_score_is_one_for_the_truth_and_zero_for_a_rejection():
    truth = np.array([[100, 80], [500, 100], [520, 600], [90, 580]], np.float32)
    assert smartdoc_jaccard(truth, truth, (210, 297)) == pytest.approx(1.0)
    assert smartdoc_jaccard(None, truth, (210, 297)) == 0.0


def test_smartdoc_score_is_measured_in_the_document_frame():
    # strong perspective: the far (top) side is short in the image. The same 20-pixel
    # miss costs more there in the document's frame than the image-plane Jaccard says.
    truth = np.array([[300, 100], [500, 100], [700, 700], [100, 700]], np.float32)
    far_miss = truth + np.array([[0, 20], [0, 20], [0, 0], [0, 0]], np.float32)
    near_miss = truth - np.array([[0, 0], [0, 0], [0, 20], [0, 20]], np.float32)
    doc = (210, 297)
    assert jaccard(far_miss, truth) > jaccard(near_miss, truth)
    assert smartdoc_jaccard(far_miss, truth, doc) < smartdoc_jaccard(near_miss, truth, doc)


# The frames of the 300-frame hard set that scored below 0.90 before (looked at as PNG):
# 9003 and 9171 are ID cards with a whole side under the fingers, 9105 a card whose
# outline a wood streak had joined, 9094 / 9190 / 9238 booklets whose one half's outer
# edge glare or a light desk had washed out.
@pytest.mark.parametrize("seed", [9003, 9094, 9105, 9171, 9190, 9238])
def test_formerly_failing_hard_frames_score_at_least_0_90(seed):
    scene = make_hard_scene(seed, (1600, 1200))
    detection = detect_page(scene.image)
    assert detection.found, f"{scene.background}: {detection.reason}"
    ph, pw = scene.page.shape[:2]
    assert smartdoc_jaccard(detection.quad, scene.corners, (pw, ph)) >= 0.90, scene.background


def test_a_single_page_on_a_light_desk_is_not_taken_for_half_a_booklet():
    # a page whose paper-like desk runs on past one side must not be mirrored: a fold
    # is a shadow valley, a page edge is a step
    for seed in (13, 19, 25, 17, 23):  # white-desk and hand-on-white-desk frames
        scene = make_hard_scene(seed, SIZE)
        assert scene.background in ("white_desk", "hand_white_desk")
        detection = detect_page(scene.image)
        ph, pw = scene.page.shape[:2]
        assert smartdoc_jaccard(detection.quad, scene.corners, (pw, ph)) >= 0.95
