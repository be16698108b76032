"""Auto-capture fires once per new page that lies still, never twice for the same page."""

from devices.camera.autocapture import AutoCapture
from devices.camera.page_detect import detect_page
from devices.camera.synthetic import make_scene


class Clock:
    """Simulated time, advanced by the test (frames at 15 fps)."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def run(auto, clock, frame, quad, seconds):
    fired = 0
    for _ in range(int(seconds * 15)):
        clock.now += 1 / 15
        fired += auto.update(frame, quad)
    return fired


def test_still_new_page_is_taken_once_and_the_same_page_not_again():
    clock = Clock()
    auto = AutoCapture(hold_seconds=0.8, clock=clock)
    a = make_scene(1, (640, 480))
    b = make_scene(2, (640, 480))
    qa, qb = detect_page(a.image).quad, detect_page(b.image).quad
    assert run(auto, clock, a.image, qa, 0.5) == 0  # not still long enough yet
    assert run(auto, clock, a.image, qa, 2.0) == 1  # fires once
    assert run(auto, clock, a.image, None, 0.3) == 0  # hand over the page: no page
    assert run(auto, clock, a.image, qa, 2.0) == 0  # same page again: not captured twice
    assert run(auto, clock, b.image, qb, 2.0) == 1  # next page: captured


def test_moving_page_is_not_taken():
    clock = Clock()
    auto = AutoCapture(hold_seconds=0.8, clock=clock)
    scene = make_scene(3, (640, 480))
    quad = detect_page(scene.image).quad
    fired = 0
    for step in range(60):
        clock.now += 1 / 15
        fired += auto.update(scene.image, quad + (step % 2) * 15.0)
    assert fired == 0


def test_manual_capture_counts_as_last_page():
    clock = Clock()
    auto = AutoCapture(hold_seconds=0.5, clock=clock)
    scene = make_scene(4, (640, 480))
    quad = detect_page(scene.image).quad
    auto.mark_captured(scene.image, quad)
    assert run(auto, clock, scene.image, quad, 2.0) == 0
