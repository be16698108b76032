"""Scanning through python-sane with SANE's test backend, incl. its simulated faults.

The test backend keeps option values per device for the life of the process, so
every open names its ``read-return-value`` explicitly.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from devices.errors import DeviceError, DeviceNotConnected, DeviceProtocolError, DeviceTimeout
from devices.scanner.base import ScanSettings
from devices.scanner.errors import CoverOpen, NoPaper, PaperJam, ScannerBusy
from devices.scanner.sane_scanner import list_sane_devices
from devices.scanner.uri import open_scanner

pytestmark = pytest.mark.realstack
ROOT = Path(__file__).resolve().parents[3]
OK = "read-return-value=Default"


def test_test_scanners_are_listed(sane_test_backend):
    names = [name for name, _ in list_sane_devices()]
    assert "test:0" in names


def test_flatbed_scan_gives_one_page_at_the_resolution(sane_test_backend):
    scanner = open_scanner(f"sane:test:0?{OK}&test-picture=Color pattern")
    try:
        (page,) = scanner.scan(ScanSettings("flatbed", dpi=100, colour=True), timeout=30)
        grey = scanner.scan(ScanSettings("flatbed", dpi=50, colour=False), timeout=30)[0]
    finally:
        scanner.close()
    assert page.ndim == 3 and page.shape[2] == 3
    assert page.std() > 10  # the colour pattern, not a blank page
    # the test scanner's bed is ~80×100 mm: 100 dpi gives ~314×393 px
    assert page.shape[:2] == pytest.approx((393, 314), abs=3)
    assert grey.ndim == 2 and grey.shape[0] == pytest.approx(page.shape[0] / 2, abs=2)


def test_feeder_scans_every_page_until_it_runs_empty(sane_test_backend):
    scanner = open_scanner(f"sane:test:1?{OK}")
    try:
        pages = scanner.scan(ScanSettings("adf", dpi=50), timeout=60)
    finally:
        scanner.close()
    assert len(pages) > 1


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [
        ("SANE_STATUS_JAMMED", PaperJam, "卡纸"),
        ("SANE_STATUS_NO_DOCS", NoPaper, "没有纸"),
        ("SANE_STATUS_COVER_OPEN", CoverOpen, "盖板"),
        ("SANE_STATUS_DEVICE_BUSY", ScannerBusy, "其他程序"),
        ("SANE_STATUS_IO_ERROR", DeviceNotConnected, "USB"),
    ],
)
def test_scanner_faults_are_reported_in_words(sane_test_backend, status, error, words):
    scanner = open_scanner(f"sane:test:0?read-return-value={status}")
    try:
        with pytest.raises(error) as err:
            scanner.scan(ScanSettings("flatbed", dpi=50), timeout=30)
    finally:
        scanner.close()
    assert words in err.value.clerk_message


def test_jam_in_the_feeder_keeps_nothing_lost(sane_test_backend):
    scanner = open_scanner("sane:test:1?read-return-value=SANE_STATUS_JAMMED")
    try:
        with pytest.raises(PaperJam) as err:
            scanner.scan(ScanSettings("adf", dpi=50), timeout=30)
    finally:
        scanner.close()
    assert err.value.partial_pages == []


SLOW = "read-limit=1&read-limit-size=64&read-delay=1&read-delay-duration=200000"


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_a_hung_scan_times_out_and_the_scanner_recovers(sane_test_backend):
    scanner = open_scanner(f"sane:test:0?{OK}&{SLOW}")
    try:
        stuck = scanner._helper.process.pid
        with pytest.raises(DeviceTimeout, match="没有响应"):
            scanner.scan(ScanSettings("flatbed", dpi=100), timeout=0.3)
        assert _gone(stuck)  # the backend stuck in sane_read was killed, not left hanging
        scanner.set_option("read-delay", 0)  # the fault is gone; scan again
        assert len(scanner.scan(ScanSettings("flatbed", dpi=50), timeout=30)) == 1
    finally:
        scanner.close()


def test_a_crashed_driver_is_reported_and_the_next_scan_works(sane_test_backend):
    scanner = open_scanner(f"sane:test:0?{OK}")
    try:
        os.kill(scanner._helper.process.pid, signal.SIGKILL)  # as a segfaulting backend
        with pytest.raises(DeviceError, match="驱动异常退出"):
            scanner.scan(ScanSettings("flatbed", dpi=50), timeout=30)
        assert len(scanner.scan(ScanSettings("flatbed", dpi=50), timeout=30)) == 1
    finally:
        scanner.close()


def test_a_client_with_a_hung_scan_still_exits_and_takes_the_driver_with_it(
    sane_test_backend, tmp_path
):
    """A worker thread stuck in a scan must neither keep the client from exiting nor
    leave an orphan holding the scanner."""
    script = textwrap.dedent(
        f"""
        import threading, time
        from devices.scanner.base import ScanSettings
        from devices.scanner.uri import open_scanner
        scanner = open_scanner("sane:test:0?{OK}&{SLOW}")
        print(scanner._helper.process.pid, flush=True)
        threading.Thread(
            target=scanner.scan, args=(ScanSettings("flatbed", dpi=100), 600)
        ).start()
        time.sleep(1)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    assert _gone(int(run.stdout.split()[0]))


def test_listing_runs_in_the_helper_and_leaves_no_process(sane_test_backend):
    before = _helpers()
    assert "test:1" in [name for name, _ in list_sane_devices()]
    assert _helpers() == before


def _helpers() -> set[int]:
    found = set()
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"devices.scanner.sane_helper" in cmdline and proc.name.isdigit():
            if int((proc / "stat").read_text().split(") ")[1].split()[1]) == os.getpid():
                found.add(int(proc.name))
    return found


def test_unknown_scanner(sane_test_backend):
    with pytest.raises(DeviceNotConnected, match="找不到扫描仪"):
        open_scanner("sane:nosuch:7")


def test_unsupported_option_is_reported(sane_test_backend):
    with pytest.raises(DeviceProtocolError) as err:
        open_scanner(f"sane:test:0?{OK}&no-such-option=1")
    assert "不支持" in err.value.clerk_message
    open_scanner(f"sane:test:0?{OK}").close()  # the failed open did not leave it claimed


def _sigpipe_ignored() -> bool:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("SigIgn"):
                return bool(int(line.split()[1], 16) & (1 << (signal.SIGPIPE - 1)))
    raise AssertionError("no SigIgn line")


@pytest.mark.realstack
def test_a_scan_leaves_sigpipe_ignored():
    """SANE's backends want SIGPIPE at its default; that stays in the helper process,
    so a later write to a closed pipe or socket cannot kill the client."""
    assert _sigpipe_ignored()
    scanner = open_scanner(f"sane:test:0?{OK}")
    try:
        scanner.scan(ScanSettings("flatbed", dpi=50, colour=False), timeout=30)
    finally:
        scanner.close()
    assert _sigpipe_ignored()
