"""A whole demo case in a fresh process: no personal data on stderr, stdout or in the log.

The process starts as the real one does: python-escpos is imported first (its
``logging.basicConfig()`` puts a bare stderr handler on the root logger); the root
logger is at INFO and urllib3 at DEBUG, so every URL is logged — the licence lookup's
carries the ID number — and the rotating log still holds the whole case; nothing of
pytest's logging plugin is in between. The case itself is ``test_demo_case_end_to_end``
(card read, form, capture, seal, sync, receipt, notice, rating); a small plugin copies
the demo's log folder before the demo deletes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from devices.cards.simulator import SimReader

pytestmark = pytest.mark.realstack

REPO = Path(__file__).resolve().parents[3]
CASE = "tests/desk_app/ui/test_demo_case.py::test_demo_case_end_to_end"
PHONE_TYPED = "13912345678"  # what the case types into 联系电话

DRIVER = """
import logging, os, shutil, sys
from pathlib import Path
import escpos.capabilities  # as at start-up: basicConfig's bare stderr handler
logging.getLogger().setLevel(logging.INFO)
logging.getLogger("urllib3").setLevel(logging.DEBUG)  # every URL, none rotated away
import pytest

keep = Path(sys.argv[1])

class KeepLogs:
    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item):
        for folder in Path(os.environ["TMPDIR"]).glob("counter-desk-demo-*"):
            shutil.copytree(folder / "log", keep / "logs" / folder.name, dirs_exist_ok=True)
        yield

sys.exit(pytest.main(
    [sys.argv[2], "-s", "-q", "-p", "no:logging", "-p", "no:randomly",
     "--basetemp", str(keep / "basetemp")],
    plugins=[KeepLogs()],
))
"""


def test_a_whole_case_leaks_nothing_personal(tmp_path):
    card = SimReader("zhang-wei").read_identity(1)
    secrets = {
        "name": card.name,
        "id_number": card.id_number,
        "address": card.address,
        "address part": card.address[6:],  # 莲湖区西大街1号, without the province
        "phone": PHONE_TYPED,
    }
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = dict(os.environ, TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(DRIVER), str(tmp_path), CASE],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=280,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
    log_files = list((tmp_path / "logs").rglob("*.log*"))
    assert log_files, "the demo's log folder was not captured"
    log_text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in log_files)
    # the check has teeth: DEBUG reached the file, and the licence lookup's URL with
    # the ID number in it was logged (masked)
    assert "DEBUG urllib3" in log_text, log_text[:2000]
    assert f"holder_id={card.id_number[0]}{'*' * 10}" in log_text
    for label, value in secrets.items():
        for where, text in (("stderr", result.stderr), ("stdout", result.stdout),
                            ("log", log_text)):
            assert value not in text, f"{label} in {where}"
