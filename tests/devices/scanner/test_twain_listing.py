"""``desk-app devices list`` shows TWAIN scanners on Windows and says nothing of them elsewhere.

TWAIN runs only on Windows, so for the Windows case pytwain's ``twain`` module is stood in
by one with the same surface the listing uses (``SourceManager()`` as a context manager and
its ``source_list`` property, as in pytwain 2.x); the rest of the command runs for real.
"""

from __future__ import annotations

import json
import sys
import types

import pytest

from desk_app.cli import main
from devices.scanner import twain_scanner

SOURCES = ["Canon DR-C225", "Fujitsu fi-7160"]


def listed(tmp_path, capsys, devices: str = "") -> list[dict]:
    config = tmp_path / "machine.toml"
    config.write_text(f"[devices]\n{devices}", encoding="utf-8")
    assert main(["--config", str(config), "devices", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def fake_pytwain(sources=None, fails: Exception | None = None) -> types.ModuleType:
    class SourceManager:
        def __init__(self, parent_window=None) -> None:
            if fails is not None:
                raise fails  # e.g. no TWAIN DSM (twaindsm.dll) on the machine

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            pass

        @property
        def source_list(self) -> list[str]:
            return list(sources or [])

    module = types.ModuleType("twain")
    module.SourceManager = SourceManager
    return module


def test_off_windows_no_twain_row_and_no_error(tmp_path, capsys):
    rows = listed(tmp_path, capsys)
    assert sys.platform != "win32"
    assert not [r for r in rows if r["uri"].startswith("twain:")]
    assert any(r["uri"].startswith("camera-sim:") for r in rows)  # the rest still listed


@pytest.fixture
def windows(monkeypatch):
    def use(module: types.ModuleType) -> None:
        monkeypatch.setattr(twain_scanner.platform, "system", lambda: "Windows")
        monkeypatch.setitem(sys.modules, "twain", module)
    return use


def test_on_windows_each_twain_source_is_listed_and_a_bound_one_named(
        tmp_path, capsys, windows):
    windows(fake_pytwain(SOURCES))
    rows = listed(tmp_path, capsys, 'scanner = "twain:Fujitsu fi-7160"\n')
    twain_rows = [r for r in rows if r["uri"].startswith("twain:")]
    assert [r["uri"] for r in twain_rows] == [f"twain:{s}" for s in SOURCES]
    assert all(r["kind"] == "scanner" and "TWAIN" in r["description"] for r in twain_rows)
    assert [r["bound_as"] for r in twain_rows] == ["", "scanner"]
    assert not any(r["description"].startswith("已绑定（未检测到）") for r in twain_rows)


def test_on_windows_without_a_twain_manager_the_list_still_comes(tmp_path, capsys, windows):
    windows(fake_pytwain(fails=OSError("twaindsm.dll not found")))
    rows = listed(tmp_path, capsys, 'scanner = "twain:Canon DR-C225"\n')
    bound = [r for r in rows if r["uri"] == "twain:Canon DR-C225"]
    assert len(bound) == 1 and bound[0]["bound_as"] == "scanner"
    assert bound[0]["description"] == "已绑定（未检测到）"
