"""Redaction covers the whole process: stderr, the log file, late and foreign handlers.

Each check runs in a fresh interpreter, because what is under test is process-wide
(the root logger, the record factory, python-escpos's ``basicConfig`` at import, the
excepthooks).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

NAME, ID_NUMBER, PHONE = "张伟", "610104199001011234", "13800138000"
SECRETS = (NAME, ID_NUMBER, PHONE, "莲湖区西大街")

LEAKS = f"""
import logging, sys, threading
name, id_number, phone = {NAME!r}, {ID_NUMBER!r}, {PHONE!r}
# the issue's line, from a library logger
logging.getLogger("escpos").warning("card read for %s %s phone %s", name, id_number, phone)
# a library that adds its own stderr handler later and does not propagate
late = logging.getLogger("late.library")
late.addHandler(logging.StreamHandler(sys.stderr))
late.propagate = False
late.error("address 陕西省西安市莲湖区西大街1号 of %s", name)
try:
    raise ValueError("bad id " + id_number)
except ValueError:
    logging.getLogger("desk_app.x").exception("check failed for %s", name)
worker = threading.Thread(target=lambda: int("phone " + phone), name="worker")
worker.start(); worker.join()
raise RuntimeError("uncaught with " + name + " " + id_number)
"""


def run(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )


def test_without_our_setup_escpos_puts_personal_data_on_stderr(tmp_path):
    """The premise (issue #13, item 3): python-escpos's basicConfig leaks as-is."""
    result = run("import escpos.capabilities\n" + LEAKS, tmp_path)
    assert ID_NUMBER in result.stderr and PHONE in result.stderr


def test_our_setup_masks_stderr_and_the_log_file(tmp_path):
    script = (
        "import sys, pathlib\n"
        "import escpos.capabilities  # basicConfig: a bare stderr handler on the root\n"
        "from desk_app.core.logging_setup import configure_logging\n"
        "redactor = configure_logging(pathlib.Path(sys.argv[1]))\n"
        f"redactor.remember({NAME!r}); redactor.remember('陕西省西安市莲湖区西大街1号')\n"
        + LEAKS
    )
    result = run(script, tmp_path)
    assert result.returncode == 1  # the uncaught error still ends the process
    log_text = (tmp_path / "counter-desk.log").read_text(encoding="utf-8")
    for text in (result.stderr, log_text):
        for secret in SECRETS:
            assert secret not in text, (secret, text)
    # what was said is still there, masked: the lines were not simply dropped
    assert "card read for 张* 610" in result.stderr
    assert "unhandled RuntimeError" in result.stderr and "unhandled ValueError" in result.stderr
    assert "address 陕" in result.stderr  # the late handler got the masked text
    assert "check failed for 张*" in log_text and "bad id 610" in log_text
    # one copy on stderr: escpos's handler is gone, ours writes once
    assert result.stderr.count("card read for") == 1


def test_the_cli_guards_before_any_command_runs(tmp_path):
    script = (
        "import logging\n"
        "import escpos.capabilities  # the root now has escpos's bare stderr handler\n"
        "import desk_app.cli as cli\n"
        "cli.build_parser = lambda *_: (_ for _ in ()).throw(SystemExit(0))  # stop here\n"
        "try:\n"
        "    cli.main([])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"logging.getLogger('escpos').warning('id %s phone %s', {ID_NUMBER!r}, {PHONE!r})\n"
    )
    result = run(script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert ID_NUMBER not in result.stderr and PHONE not in result.stderr
    assert "id 610" in result.stderr
