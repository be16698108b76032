"""Time from process start to a usable main window, against a bare PySide6 window.

    .venv/bin/python scripts/bench_startup.py [--items 8000] [--rounds 3]

Starts a reference center on loopback serving a synthetic catalog of ``--items``
items, then for each round spawns, one after the other (so both see the same load):
- the floor: a fresh interpreter that imports PySide6 and shows a bare QMainWindow;
- the client, warm: ``python -m desk_app.cli --ready-file F`` steps in the order
  ``run_gui`` takes them, signed in by the child itself (the only thing skipped is a
  person typing the password), with the data folder of the previous round;
- the client, fresh: the same with a new, empty data folder (catalog downloaded).
Each child prints ``ready`` once its window has been shown and painted; the figure is
the wall time from spawn to that line.

Every child runs with bytecode caching on, in a folder of this run's (an installed
client has its ``.pyc`` files; a shell with ``PYTHONDONTWRITEBYTECODE=1`` would otherwise
make every child compile ~1,400 modules from source: 1.6 s measured, none of it the
client's own start-up). The warm-up child fills that folder. Medians are printed side by
side with the floor and the ratio (goal: warm ≤ 2×, fresh ≤ 3×).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FLOOR = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print("ready", flush=True)
"""

CLIENT = """
import sys
from pathlib import Path
import keyring
from tests.support.file_keyring import FileKeyring
# the data key must outlive each child, as the OS keyring does: a file-backed keyring
keyring.set_keyring(FileKeyring(Path(sys.argv.pop(1))))
import desk_app.ui.shell.gui_main as gui_main
from desk_app.services.desk_context import DeskContext

def signed_in(ctx, runner, dialog=None):  # the clerk typed clerk01 / demo1234
    return DeskContext.start(ctx.paths, ctx.config, username="clerk01", password="demo1234")

gui_main.sign_in = signed_in
import desk_app.ui.shell.main_window as main_window
shown = main_window.MainWindow.show

def show_then_report(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    shown(window)
    def ready():  # the first event-loop turn after show: the window has painted
        print("ready", flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, ready)

main_window.MainWindow.show = show_then_report
from desk_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


PYCACHE = Path(tempfile.mkdtemp(prefix="bench-startup-pyc-"))


def child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def spawn(code: str, *args: str) -> float:
    env = child_env()
    with tempfile.TemporaryFile("w+") as err:  # a file: a chatty child cannot block on it
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, env=env,
                                stdout=subprocess.PIPE, stderr=err, text=True)
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - started
        proc.communicate(timeout=120)
        if line.strip() != "ready":
            err.seek(0)
            raise RuntimeError(f"child did not come up: {err.read()[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=8000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from center.inprocess import start_in_thread
    from forms.synthetic import synthetic_catalog

    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    center = start_in_thread(f"sqlite:///{work / 'center.db'}", work / "blobs",
                             catalog=synthetic_catalog(args.items))
    try:
        warm_root = work / "warm"

        def config_in(root: Path) -> list[str]:
            (root / "config").mkdir(parents=True, exist_ok=True)
            (root / "config" / "machine.toml").write_text(
                f'[center]\nurl = "{center.url}"\n[window]\nid = "W01"\n', encoding="utf-8")
            return [str(root / "keyring.json"), "--data-root", str(root)]

        spawn(FLOOR)  # fill the bytecode cache for both
        spawn(CLIENT, *config_in(warm_root))  # and the warm folder's caches once
        floors, warms, freshes = [], [], []
        for n in range(args.rounds):
            floors.append(spawn(FLOOR))
            warms.append(spawn(CLIENT, *config_in(warm_root)))
            freshes.append(spawn(CLIENT, *config_in(work / f"fresh-{n}")))
        floor = statistics.median(floors)
        warm = statistics.median(warms)
        fresh = statistics.median(freshes)
        print(f"catalog: {args.items} items, {args.rounds} rounds, load {os.getloadavg()[0]:.1f}")
        print(f"bare QMainWindow (floor): {floor:.2f} s")
        print(f"client, warm:  {warm:.2f} s = {warm / floor:.1f}x floor (goal <= 2x)")
        print(f"client, fresh: {fresh:.2f} s = {fresh / floor:.1f}x floor (goal <= 3x)")
    finally:
        center.stop()
        shutil.rmtree(PYCACHE, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
