"""Real PC/SC stack for the card tests: our own pcscd with the vpcd reader driver.

pcsc-lite 1.9 fixes the daemon's socket (/run/pcscd/pcscd.comm) and its pid file, so
only one pcscd can run; the fixture starts it in the foreground with a private
reader.conf.d whose vpcd listens on free ports (two slots: port and port+1). If a
pcscd already runs (a desktop's system service), it is used with the Debian default
vpcd config (port 35963) instead of being disturbed.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
PID_FILE = Path("/run/pcscd/pcscd.pid")
DEFAULT_VPCD_PORT = 0x8C7B


@dataclass
class PcscStack:
    port: int  # slot 0's vpcd port; slot 1 listens on port + 1
    reader_prefix: str  # e.g. "Virtual PCD"

    def reader(self, slot: int) -> str:
        return f"{self.reader_prefix} 00 {slot:02d}"

    def wait_empty(self, slot: int, timeout: float = 5.0) -> None:
        """Until pcscd has noticed the previous card left (its poll is ~0.4 s)."""
        from smartcard import scard

        _, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        try:
            state = scard.SCARD_STATE_UNAWARE
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                _, states = scard.SCardGetStatusChange(ctx, 200, [(self.reader(slot), state)])
                state = states[0][1] & ~scard.SCARD_STATE_CHANGED
                if state & scard.SCARD_STATE_EMPTY:
                    return
            raise RuntimeError("the virtual card was not removed")
        finally:
            scard.SCardReleaseContext(ctx)


def _running_pcscd() -> bool:
    try:
        pid = int(PID_FILE.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return False
    return True


def _free_port_pair() -> int:
    for _ in range(50):
        with socket.socket() as a:
            a.bind(("127.0.0.1", 0))
            port = a.getsockname()[1]
            if port >= 65535:
                continue
            try:
                with socket.socket() as b:
                    b.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port pair")


def _wait_for_readers(prefix: str, timeout: float) -> None:
    from smartcard import scard

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult == scard.SCARD_S_SUCCESS:
            _, readers = scard.SCardListReaders(ctx, [])
            scard.SCardReleaseContext(ctx)
            if any(r.startswith(prefix) for r in readers or []):
                return
        time.sleep(0.05)
    raise RuntimeError("pcscd did not list the vpcd readers")


def _die_with_parent() -> None:
    """A killed test run must not leave its pcscd holding the socket (PR_SET_PDEATHSIG)."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


@pytest.fixture(scope="session")
def pcsc_stack(tmp_path_factory):
    pcscd = shutil.which("pcscd") or (
        "/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None
    )
    if pcscd is None or not VPCD_DRIVER.exists():
        pytest.skip("pcscd / vsmartcard-vpcd not installed (installer/debian/apt-test.txt)")
    if _running_pcscd():
        # someone else's daemon: use the vpcd the Debian package configures
        _wait_for_readers("Virtual PCD", 5)
        yield PcscStack(DEFAULT_VPCD_PORT, "Virtual PCD")
        return
    root = tmp_path_factory.mktemp("pcscd")
    conf = root / "reader.conf.d"
    conf.mkdir()
    port = _free_port_pair()
    (conf / "vpcd").write_text(
        f'FRIENDLYNAME "Test VPCD"\nDEVICENAME /dev/null:0x{port:X}\n'
        f"LIBPATH {VPCD_DRIVER}\nCHANNELID 0x{port:X}\n"
    )
    log = (root / "pcscd.log").open("wb")
    if not os.access("/run", os.W_OK) and not Path("/run/pcscd").is_dir():
        pytest.skip("cannot create /run/pcscd for pcscd (run the suite as root or in CI)")
    proc = subprocess.Popen(
        [pcscd, "--foreground", "--config", str(conf)], stdout=log, stderr=subprocess.STDOUT,
        preexec_fn=_die_with_parent,
    )
    try:
        _wait_for_readers("Test VPCD", 10)
        yield PcscStack(port, "Test VPCD")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
