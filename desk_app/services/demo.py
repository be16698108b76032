"""The demo's throw-away world: the reference center in-process on a free loopback port with
a fresh database and a back office that advances cases, simulated devices, and a signed-in
demo clerk. The only module of the client that imports ``center`` (import-linter holds it),
so an installed counter needs no center unless it runs the demo.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from desk_app.core.app_paths import AppPaths
from desk_app.core.machine_config import (
    ROLE_CAMERA,
    ROLE_ID_READER,
    ROLE_RECEIPT_PRINTER,
    ROLE_SCANNER,
    MachineConfig,
)
from desk_app.services.desk_context import DeskContext

DEMO_USERNAME = "clerk01"
DEMO_PASSWORD = "demo1234"
DEMO_IDENTITY = "zhang-wei"  # the center's demo person, with electronic licences


def _bind_demo_scanner(root: Path, devices: dict[str, str]) -> Callable[[], None]:
    """Bind SANE's ``test`` feeder as the demo's scanner (F7 in the capture screen).

    The backend is off in the system's dll.conf; a private SANE_CONFIG_DIR enables it.
    Only scanner helper processes read the variable; it is put back when the demo ends.
    """
    from devices.scanner.sane_test_backend import has_test_backend, write_test_backend_config

    if not has_test_backend():
        return lambda: None  # no libsane1 here: the demo simply has no scanner
    config = write_test_backend_config(root / "sane.d")
    previous = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(config)
    devices[ROLE_SCANNER] = "sane:test:1?test-picture=Color pattern&read-return-value=Default"

    def restore() -> None:
        if previous is None:
            os.environ.pop("SANE_CONFIG_DIR", None)
        else:
            os.environ["SANE_CONFIG_DIR"] = previous

    return restore



def start_demo() -> DeskContext:
    import keyring

    from center.backoffice import BackofficeSimulator
    from center.inprocess import start_in_thread
    from desk_app.core.memory_keyring import MemoryKeyring

    # The demo's data dies with its temp folder; its key must not land in (or need)
    # the machine's real keyring, which a bare Linux desk may not even have.
    keyring.set_keyring(MemoryKeyring())
    root = Path(tempfile.mkdtemp(prefix="counter-desk-demo-"))
    paths = AppPaths.under(root).ensure()
    center = start_in_thread(f"sqlite:///{root / 'center.db'}", root / "center-blobs")
    # The demo's back office approves and readies each case on its own, so 本窗口办件 and
    # 出件 can be shown on the cases just filed (one step every 20 seconds).
    backoffice = BackofficeSimulator(center.app.state.center, delay=20)
    backoffice.start()
    devices = {
        ROLE_ID_READER: f"sim:{DEMO_IDENTITY}",
        ROLE_RECEIPT_PRINTER: f"escpos-file:{root / 'receipt-printer.bin'}",
        ROLE_CAMERA: "camera-sim:?seed=7&width=1600&height=1200&frames_per_image=20",
    }
    restore_sane = _bind_demo_scanner(root, devices)
    config = MachineConfig(
        center_url=center.url,
        window_id="W01",
        window_name="综合受理1号窗（演示）",
        devices=devices,
        source=paths.config_file,
    )
    config.save(paths.config_file)
    try:
        desk = DeskContext.start(paths, config, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    except BaseException:
        backoffice.stop()
        center.stop()
        restore_sane()
        shutil.rmtree(root, ignore_errors=True)
        raise
    desk.closers.insert(0, lambda: shutil.rmtree(root, ignore_errors=True))
    desk.closers.insert(1, restore_sane)
    desk.closers.insert(2, center.stop)
    desk.closers.insert(3, backoffice.stop)
    return desk
