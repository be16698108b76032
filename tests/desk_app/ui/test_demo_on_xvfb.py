"""`desk-app --demo` starts on a real X display (xcb under Xvfb) and is screenshotted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support.waiting import wait_until

pytestmark = [pytest.mark.realstack, pytest.mark.slow]
BIN = Path(sys.executable).parent


def free_display() -> int:
    for number in range(91, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
                f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb)")
    number = free_display()
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x900x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def test_demo_window_on_xvfb(xvfb, tmp_path):
    ready = tmp_path / "ready"
    shot = tmp_path / "demo.png"
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen([str(BIN / "desk-app"), "--demo", "--ready-file", str(ready)],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            if app.poll() is not None:
                out = app.stdout.read().decode(errors="replace")
                pytest.fail(f"desk-app --demo exited with {app.returncode}:\n{out[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail("the demo window did not come up within 60 s")
            time.sleep(0.1)

        def shown_and_painted() -> bool:
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                                  text=True, check=True).stdout
            if "综窗受理台" not in tree:
                return False
            subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True,
                           timeout=30)
            # A real window paints many distinct tones (text, frames); an empty screen is flat.
            return len(np.unique(np.asarray(Image.open(shot).convert("L")))) > 20

        wait_until(shown_and_painted, 20, 0.2, "the demo window was not mapped and painted")
    finally:
        app.terminate()
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
    pixels = np.asarray(Image.open(shot).convert("L"))
    assert pixels.shape == (900, 1600)
    # A real window paints many distinct tones (text, frames); an empty screen is flat.
    assert len(np.unique(pixels)) > 20
    artifacts = os.environ.get("DESK_SCREENSHOT_DIR")
    if artifacts:
        shutil.copy(shot, Path(artifacts) / "demo-xvfb.png")
