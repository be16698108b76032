"""Scanners on Linux through SANE (python-sane), flatbed and document feeder.

SANE itself runs in a helper process per open scanner (``sane_helper``: why there).
When a call overruns its timeout the helper is killed — the only sure way to stop a
backend stuck in ``sane_read`` — and the next call starts a fresh one with the same
options, so the scanner "recovers" as soon as the fault is gone.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from devices.errors import (
    DeviceBusy,
    DeviceError,
    DeviceNotConnected,
    DeviceProtocolError,
    DeviceTimeout,
)
from devices.scanner.base import ScanSettings
from devices.scanner.errors import CoverOpen, NoPaper, PaperJam, ScannerBusy

_ERRORS = {
    cls.__name__: cls
    for cls in (
        DeviceError,
        DeviceNotConnected,
        DeviceProtocolError,
        DeviceBusy,
        PaperJam,
        NoPaper,
        CoverOpen,
        ScannerBusy,
    )
}
HUNG = "扫描仪长时间没有响应：请检查扫描仪是否开机、是否卡纸"
HELPER_DIED = "扫描仪驱动异常退出：请重新扫描；仍不行请关闭再打开扫描仪"


def _rebuild_error(name: str, message: str, detail: str) -> DeviceError:
    cls = _ERRORS.get(name, DeviceError)
    error = cls.__new__(cls)
    DeviceError.__init__(error, message, detail=detail)  # subclasses fix their message
    return error


class _Helper:
    """One running ``sane_helper`` process and our end of its socket."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[2])  # the folder holding ``devices``
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "devices.scanner.sane_helper",
                    str(theirs.fileno()),
                    str(os.getpid()),
                ],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                env=env,
            )
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.dead = False

    def request(self, deadline: float, *message) -> tuple:
        """Send ``message`` and return the reply; pages received on the way are yielded
        to ``self.pages``. Raises DeviceTimeout past ``deadline`` (monotonic)."""
        self.pages: list[np.ndarray] = []
        try:
            self.conn.send(message)
            while True:
                if not self.conn.poll(max(0.0, deadline - time.monotonic())):
                    raise DeviceTimeout(HUNG, detail=f"{message[0]} timeout")
                reply = self.conn.recv()
                if reply[0] != "page":
                    return reply
                self.pages.append(reply[1])
        except (EOFError, OSError) as exc:  # the helper died (a crashing backend)
            self.dead = True
            raise DeviceError(HELPER_DIED, detail=f"helper exit {self.process.poll()}") from exc

    def call(self, deadline: float, *message):
        """``request``, with the helper's error raised here (pages fed before a jam on it)."""
        reply = self.request(deadline, *message)
        if reply[0] == "error":
            error = _rebuild_error(*reply[1:])
            error.partial_pages = self.pages  # pages fed before a jam are kept, not lost
            raise error
        return reply[1]

    def kill(self) -> None:
        self.conn.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)


class SaneScanner:
    def __init__(
        self,
        device_name: str,
        *,
        options: dict[str, str] | None = None,
        uri: str = "",
        open_timeout: float = 15.0,
    ) -> None:
        self.device_name = device_name
        self.uri = uri or f"sane:{device_name}"
        self.description = f"扫描仪 {device_name}"
        self.options = {k.replace("_", "-"): v for k, v in (options or {}).items()}
        self._lock = threading.Lock()
        self._helper: _Helper | None = None
        with self._lock:
            self._ensure_helper(time.monotonic() + open_timeout)

    def _ensure_helper(self, deadline: float) -> _Helper:
        if self._helper is None:
            helper = _Helper()
            try:
                helper.call(deadline, "open", self.device_name, self.options)
            except BaseException:
                helper.kill()
                raise
            self._helper = helper
        return self._helper

    def _call(self, timeout: float, *message):
        deadline = time.monotonic() + timeout
        if not self._lock.acquire(timeout=timeout):
            raise DeviceBusy("扫描仪正在处理上一次扫描：请稍候再试", detail=f"{self.uri} busy")
        try:
            helper = self._ensure_helper(deadline)
            try:
                reply = helper.call(deadline, *message)
            except DeviceError as exc:
                if isinstance(exc, DeviceTimeout) or helper.dead:
                    helper.kill()  # a hung or dead backend: the next call starts afresh
                    self._helper = None
                raise
            return reply, helper.pages
        finally:
            self._lock.release()

    def set_option(self, name: str, value: str | int | float, timeout: float = 10.0) -> None:
        """Set a SANE option by its ``scanimage -A`` name (e.g. ``"read-delay"``)."""
        name = name.replace("_", "-")
        self._call(timeout, "set", name, value)
        self.options[name] = value  # kept for a helper restarted after a fault

    def scan(
        self, settings: ScanSettings | None = None, timeout: float = 120.0
    ) -> list[np.ndarray]:
        _reply, pages = self._call(timeout, "scan", settings or ScanSettings())
        return pages

    def close(self) -> None:
        with self._lock:
            helper, self._helper = self._helper, None
            if helper is None:
                return
            try:
                helper.request(time.monotonic() + 5.0, "close")
            except DeviceError:
                pass  # killed below either way
            finally:
                helper.kill()


def list_sane_devices(local_only: bool = True, timeout: float = 30.0) -> list[tuple[str, str]]:
    """(SANE device name, description) of the scanners SANE can see.

    Local only by default: probing the network for scanners takes seconds; a network
    scanner is still used by binding its ``sane:`` URI.
    """
    helper = _Helper()
    try:
        return helper.call(time.monotonic() + timeout, "list", local_only)
    finally:
        helper.kill()
