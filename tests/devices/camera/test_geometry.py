import itertools
import math

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.camera.geometry import jaccard, order_clockwise, real_aspect_ratio


def project(width, height, tilt_deg, turn_deg, f=1600.0, size=(1600, 1200)):
    """Corners of a width×height rectangle seen by a pinhole camera."""
    w, h = size
    k = np.array([[f, 0, w / 2], [0, f, h / 2], [0, 0, 1]])
    t, a = math.radians(tilt_deg), math.radians(turn_deg)
    rx = np.array([[1, 0, 0], [0, math.cos(t), -math.sin(t)], [0, math.sin(t), math.cos(t)]])
    rz = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    local = np.array(
        [
            [-width / 2, -height / 2, 0],
            [width / 2, -height / 2, 0],
            [width / 2, height / 2, 0],
            [-width / 2, height / 2, 0],
        ]
    )
    cam = local @ (rx @ rz).T + [0, 0, f * height / (0.7 * h)]
    p = cam @ k.T
    return p[:, :2] / p[:, 2:]


@pytest.mark.parametrize(("width", "height"), [(210, 297), (300, 200), (100, 160)])
@pytest.mark.parametrize(("tilt", "turn"), [(0, 0), (12, 5), (-10, -15), (8, 20)])
def test_real_aspect_ratio_undoes_perspective(width, height, tilt, turn):
    corners = project(width, height, tilt, turn)
    assert real_aspect_ratio(corners, (1600, 1200)) == pytest.approx(height / width, rel=0.02)


def test_order_clockwise_from_top_left_for_any_input_order():
    square = np.array([[10, 10], [110, 12], [108, 150], [12, 148]], np.float32)
    for perm in itertools.permutations(range(4)):
        np.testing.assert_allclose(order_clockwise(square[list(perm)]), square)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 360), st.floats(0.5, 2), st.floats(-100, 100), st.floats(-100, 100))
def test_jaccard_is_one_for_itself_and_drops_with_shift(angle, scale, dx, dy):
    rect = ((200.0, 200.0), (100.0 * scale, 60.0), angle)
    quad = order_clockwise(cv2.boxPoints(rect))
    assert jaccard(quad, quad) == pytest.approx(1.0, abs=1e-4)
    moved = quad + np.float32([dx, dy])
    value = jaccard(quad, moved)
    assert 0.0 <= value <= 1.0 + 1e-6
    if abs(dx) + abs(dy) > 1:
        assert value < 1.0
