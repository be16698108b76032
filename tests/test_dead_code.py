"""No function or method that nothing calls (vulture), in the desk, the devices and the forms.

Calls from tests and scripts count as calls (a tool or a test may be a function's only
user), and vulture is told what the frameworks call by themselves: Qt's event handlers
(``*Event``), FastAPI's decorated routes and handlers, PEP 562's module ``__getattr__``.
Only functions and methods are checked; unused variables and attributes are too noisy
to rule on here. The center is left to its own review (its routes and ORM hooks).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("desk_app", "devices", "forms")
CALLERS = ("center", "tests", "scripts")
FRAMEWORK_CALLS = ["--ignore-names", "*Event,__getattr__",
                   "--ignore-decorators", "@app.*"]


def unused(paths: list[str], cwd: Path = ROOT) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-m", "vulture", *paths, "--min-confidence", "60", *FRAMEWORK_CALLS],
        cwd=cwd, capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 3), run.stderr  # 3: vulture found something
    return [line for line in run.stdout.splitlines()
            if line.startswith(CHECKED) and ("unused function" in line
                                             or "unused method" in line)]


def test_nothing_defined_that_nothing_calls():
    assert unused([*CHECKED, *CALLERS]) == []


def test_vulture_sees_a_function_nothing_calls(tmp_path):
    # in a folder of its own: a sample inside the tree would be read (and miss, once
    # removed) by the whole-tree scan running on another xdist worker
    sample = tmp_path / "devices" / "dead_code_sample.py"
    sample.parent.mkdir()
    sample.write_text("def nobody_calls_me():\n    return 1\n", encoding="utf-8")
    found = unused(["devices/dead_code_sample.py"], cwd=tmp_path)
    assert len(found) == 1 and "nobody_calls_me" in found[0]
