"""installer/windows/counter-desk.iss agrees with the PyInstaller spec (Inno Setup cannot run
here: compiling and installing are checked by hand on Windows)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "counter-desk.iss"
SPEC = ROOT / "installer" / "pyinstaller" / "counter-desk.spec"
BUILD_SCRIPT = ROOT / "scripts" / "build-pyinstaller.sh"


def iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese text right only with a BOM"
    return raw[3:].decode("utf-8")


def test_installer_packs_the_pyinstaller_output_folder():
    text = iss_text()
    source = re.search(r'^Source: "([^"]+)"', text, re.M).group(1)
    assert source.replace("\\", "/") == "../../dist/pyinstaller/desk-app/*"
    assert "dist=${PYI_DIST:-dist/pyinstaller}" in BUILD_SCRIPT.read_text()
    assert 'name="desk-app"' in SPEC.read_text()  # COLLECT folder name


def test_shortcuts_start_the_executables_the_spec_builds():
    text = iss_text()
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.M))
    assert defines["AppExe"] == "desk-app.exe"
    assert defines["CliExe"] == "desk-app-cli.exe"
    spec = SPEC.read_text()
    assert 'name="desk-app-cli"' in spec and 'name="desk-app"' in spec


def test_machine_config_folder_is_kept_on_uninstall():
    text = iss_text()
    dirs = re.search(r"^\[Dirs\]\n(?:;.*\n)*(.+)$", text, re.M).group(1)
    assert "{#MachineConfigDir}" in dirs and "uninsneveruninstall" in dirs
    assert "users-modify" in dirs
    assert 'MachineConfigDir "{commonappdata}\\CounterDesk"' in text
    # the only deletion is behind a question whose default and silent answer is No
    assert "MB_DEFBUTTON2, IDNO) = IDYES then" in text
