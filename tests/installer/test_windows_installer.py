"""installer/windows/counter-desk.iss agrees with the PyInstaller spec (Inno Setup cannot run
here: compiling and installing are checked by hand on Windows)."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "counter-desk.iss"
SPEC = ROOT / "installer" / "pyinstaller" / "counter-desk.spec"
BUILD_SCRIPT = ROOT / "scripts" / "build-pyinstaller.sh"


def iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese text right only with a BOM"
    return raw[3:].decode("utf-8")


def defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', iss_text(), re.M))


def expand(value: str) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines()[m.group(1)], value)


def spec_exe_names() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return {kw.value.value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE"
            for kw in node.keywords if kw.arg == "name"}


def test_every_file_source_is_inside_the_folder_the_spec_collects():
    sources = [expand(s).replace("\\", "/") for s in
               re.findall(r'^Source: "([^"]+)"', iss_text(), re.M)]
    assert len(sources) == 3
    build = BUILD_SCRIPT.read_text()
    assert "dist=${PYI_DIST:-dist/pyinstaller}" in build and 'out=$dist/desk-app' in build
    assert 'name="desk-app"' in SPEC.read_text()  # COLLECT folder name
    for source in sources:
        assert source.startswith("../../dist/pyinstaller/desk-app/"), source
    assert sources[-1] == "../../dist/pyinstaller/desk-app/*"


def test_the_executables_packed_signed_and_started_are_the_ones_the_spec_builds():
    text = iss_text()
    exes = {defines()["AppExe"], defines()["CliExe"]}
    assert exes == {f"{name}.exe" for name in spec_exe_names()} == {"desk-app.exe",
                                                                    "desk-app-cli.exe"}
    packed = {expand(s).rsplit("\\", 1)[1] for s in re.findall(r'^Source: "([^"]+)"', text, re.M)}
    assert exes <= packed  # each one its own entry, signed with signonce
    excludes = re.search(r'Excludes: "([^"]+)"', text).group(1)
    assert {expand(e).lstrip("\\") for e in excludes.split(",")} == exes  # not packed twice
    for target in re.findall(r'Filename: "\{app\}\\([^"]+)"', text):
        assert expand(target) in exes, target
    assert '"{app}\\{#CliExe}"' in text  # the device check runs the console twin


def test_app_name_and_version_match_the_client():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert defines()["AppVersion"] == pyproject["project"]["version"]  # default of /DAppVersion
    gui = (ROOT / "desk_app" / "ui" / "shell" / "gui_main.py").read_text(encoding="utf-8")
    assert f'app.setApplicationName("{defines()["AppName"]}")' in gui
    desktop = (ROOT / "installer" / "debian" / "counter-desk.desktop").read_text("utf-8")
    assert f"\nName={defines()['AppName']}\n" in desktop


def test_signing_is_wired_as_the_readme_says():
    text = iss_text()
    block = re.search(r"^#ifdef Sign\n(.*?)^#endif", text, re.M | re.S).group(1)
    assert "SignTool=counterdesk" in block and "SignedUninstaller=yes" in block
    assert re.search(r'#define ExeFlags "ignoreversion signonce"', text)
    readme = (ROOT / "installer" / "README.md").read_text(encoding="utf-8")
    assert "/DSign=1" in readme and '"/Scounterdesk=signtool.exe sign /fd sha256' in readme
    assert "$f" in readme and "signtool verify /pa" in readme


def test_the_shipped_update_root_is_inside_the_packed_folder():
    """The spec puts update-root.json in _internal/, which the recursive entry packs."""
    from desk_app.core.updates.service import TRUSTED_ROOT_NAME

    spec = SPEC.read_text(encoding="utf-8")
    assert f'UPDATE_ROOT_NAME = "{TRUSTED_ROOT_NAME}"' in spec
    assert 'return [(str(UPDATE_ROOT), ".")]' in spec
    excludes = re.search(r'Excludes: "([^"]+)"', iss_text()).group(1)
    assert "_internal" not in excludes and "json" not in excludes


def test_machine_config_folder_is_kept_on_uninstall():
    text = iss_text()
    dirs = re.search(r"^\[Dirs\]\n(?:;.*\n)*(.+)$", text, re.M).group(1)
    assert "{#MachineConfigDir}" in dirs and "uninsneveruninstall" in dirs
    assert "users-modify" in dirs
    assert 'MachineConfigDir "{commonappdata}\\CounterDesk"' in text
    # the only deletion is behind a question whose default and silent answer is No
    assert "MB_DEFBUTTON2, IDNO) = IDYES then" in text
