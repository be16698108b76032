"""Shutdown drains running jobs; the idle lock covers every top-level window; the demo
cleans up after SIGTERM (a real ``desk-app --demo`` process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desk_app.ui.shell.idle_lock import IdleLock
from desk_app.ui.shell.tasks import TaskRunner
from tests.desk_app.ui.test_idle_lock import PASSWORD, ClerkWindow

REPO = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent


def test_drain_waits_for_running_jobs_and_drops_queued_ones(qtbot):
    pool = QThreadPool()
    runner = TaskRunner(pool)
    pool.setMaxThreadCount(2)
    started = threading.Barrier(3)
    finished: list[str] = []

    def slow(name: str):
        def work():
            if name != "queued":
                started.wait(5)
            time.sleep(0.4)
            finished.append(name)
        return work

    for name in ("seal", "upload"):
        runner.run(slow(name), lambda _v: None, lambda _e: None)
    runner.run(slow("queued"), lambda _v: None, lambda _e: None)  # no free thread yet
    started.wait(5)  # both running jobs are under way
    assert runner.drain(5000)
    assert sorted(finished) == ["seal", "upload"]  # finished, not cut off; queued dropped
    runner.run(slow("late"), lambda _v: None, lambda _e: None)
    time.sleep(0.6)
    assert "late" not in finished and "queued" not in finished


@pytest.fixture
def locked_desk(qtbot):
    window = ClerkWindow("张伟 610104199001011234")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    panel = QWidget(window)  # like the outbox panel: a window of its own, owned by the main one
    panel.setWindowFlag(Qt.WindowType.Window, True)
    QLabel("6101002026112100000017 张伟", panel)
    applicant = QWidget()  # the applicant-facing screen: parentless, kept (it is blanked)
    qtbot.addWidget(applicant)
    stray = QWidget()  # any other top-level window of the application
    qtbot.addWidget(stray)
    for widget in (panel, applicant, stray):
        widget.show()
    lock = IdleLock(window, check=lambda p: p == PASSWORD, timeout_ms=60_000,
                    keep_visible=lambda: [applicant])
    lock.start()
    yield window, lock, panel, applicant, stray
    lock.stop()


def test_lock_hides_every_other_top_level_window(qtbot, locked_desk):
    _window, lock, panel, applicant, stray = locked_desk
    lock.lock()
    assert lock.overlay.isVisible()
    assert not panel.isVisible() and not stray.isVisible()
    assert applicant.isVisible()
    lock.try_unlock(PASSWORD)
    assert panel.isVisible() and stray.isVisible()


def test_a_window_that_opens_while_locked_is_hidden_at_once(qtbot, locked_desk):
    window, lock, panel, _applicant, _stray = locked_desk
    lock.lock()
    receipt = QDialog(window)  # e.g. the receipt after the sync's answer
    receipt.setWindowTitle("收件回执 张伟")
    receipt.show()
    qtbot.wait(50)
    assert not receipt.isVisible()
    panel.show()  # F11-like re-show by code while locked
    qtbot.wait(50)
    assert not panel.isVisible()
    lock.try_unlock(PASSWORD)
    assert receipt.isVisible() and panel.isVisible()


@pytest.mark.realstack
def test_the_demo_removes_its_folder_after_sigterm(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    ready = tmp_path / "ready"
    env = dict(os.environ, TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([str(BIN / "desk-app"), "--demo", "--ready-file", str(ready)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the demo window did not come up"
            time.sleep(0.1)
        demo_folders = list(temp.glob("counter-desk-demo-*"))
        assert len(demo_folders) == 1 and (demo_folders[0] / "data").is_dir()
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    assert list(temp.glob("counter-desk-demo-*")) == []
