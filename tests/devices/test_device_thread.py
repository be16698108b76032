"""The per-device thread: calls in order on one thread, and never holds up exit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from devices.device_thread import DeviceThread

ROOT = Path(__file__).resolve().parents[2]


def test_calls_run_in_order_on_one_thread_and_errors_reach_the_caller():
    worker = DeviceThread("test-device")
    try:
        seen: list[tuple[int, str]] = []
        futures = [
            worker.submit(lambda i=i: seen.append((i, threading.current_thread().name)))
            for i in range(20)
        ]
        for f in futures:
            f.result(5)
        assert [i for i, _ in seen] == list(range(20))
        assert {name for _, name in seen} == {"test-device"}
        with pytest.raises(ZeroDivisionError):
            worker.submit(lambda: 1 / 0).result(5)
        assert worker.submit(lambda: "still serving").result(5) == "still serving"
    finally:
        worker.shutdown()
    with pytest.raises(RuntimeError):
        worker.submit(print)


def test_a_call_that_never_returns_does_not_keep_the_process_from_exiting():
    # With concurrent.futures' pool the interpreter joins the worker at exit: forever.
    script = textwrap.dedent(
        """
        import threading
        from devices.device_thread import DeviceThread
        worker = DeviceThread("hung-camera")
        worker.submit(threading.Event().wait)
        worker.shutdown()
        print("leaving", flush=True)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "leaving"
