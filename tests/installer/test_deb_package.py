"""The Debian package built by scripts/build-deb.sh, checked as dpkg sees it.

The build runs in BUILD_DEB_SKIP_BUNDLE=1 mode (the package metadata, launcher, desktop entry
and maintainer script, without the PyInstaller bundle), which keeps it to a few seconds. The
full package, installed with dpkg into a throw-away root and run from there, is
test_deb_install.py (marked ``package``: minutes; ``make package-test``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEB_SRC = ROOT / "installer" / "debian"
BUILD_ONLY = {"gcc", "libc6-dev", "libsane-dev", "python3-dev"}  # compiled into the venv

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def apt_names(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line.split()[0])
    return names


def relation_names(field: str) -> list[str]:
    return [part.strip().split()[0] for part in field.split(",") if part.strip()]


@pytest.fixture(scope="module")
def deb(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    env = dict(os.environ, OUT_DIR=str(out), BUILD_DIR=str(out / "build"),
               BUILD_DEB_SKIP_BUNDLE="1")
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build-deb.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    path = out / f"counter-desk_{version}_{arch}.deb"
    assert path.is_file(), sorted(p.name for p in out.iterdir())
    return path


@pytest.fixture(scope="module")
def fields(deb) -> dict[str, str]:
    names = [
        "Package",
        "Version",
        "Architecture",
        "Depends",
        "Recommends",
        "Installed-Size",
        "Maintainer",
        "Description",
    ]
    out = subprocess.run(
        ["dpkg-deb", "--field", str(deb), *names], capture_output=True, text=True, check=True
    ).stdout
    parsed: dict[str, str] = {}
    key = ""
    for line in out.splitlines():
        if line.startswith(" "):
            parsed[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            parsed[key] = value.strip()
    return parsed


@pytest.fixture(scope="module")
def contents(deb) -> dict[str, tuple[str, str]]:
    """path -> (mode string, owner/group) from dpkg-deb --contents."""
    out = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        rows[parts[5].removeprefix(".")] = (parts[0], parts[1])
    return rows


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(deb), str(root / "DEBIAN")], check=True)
    return root


def test_control_names_package_version_and_this_machines_architecture(fields):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    assert fields["Package"] == "counter-desk"
    assert fields["Version"] == pyproject["project"]["version"]
    assert fields["Architecture"] == arch.stdout.strip()
    assert int(fields["Installed-Size"]) > 4  # KiB: launcher, desktop entry, icon, copyright
    assert "综窗受理台" in fields["Description"]
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", fields["Maintainer"])


def test_depends_come_from_the_runtime_apt_list_and_name_no_python(fields):
    runtime = apt_names(DEB_SRC / "apt-runtime.txt")
    depends = relation_names(fields["Depends"])
    recommends = relation_names(fields.get("Recommends", ""))
    assert set(depends) | set(recommends) == set(runtime) - BUILD_ONLY
    assert not set(depends) & BUILD_ONLY
    assert not set(depends) & set(recommends)
    assert {"libxcb-cursor0", "fonts-noto-cjk", "libpcsclite1"} <= set(depends)
    # the bundle carries its own interpreter: UOS 20 / Kylin V10 ship only python3.7/3.8
    assert not [d for d in depends if d.startswith("python")], depends


def test_a_package_added_to_the_apt_list_becomes_a_depends(tmp_path):
    """Depends are generated, not copied: a new list entry appears without other edits."""
    apt_list = tmp_path / "apt-runtime.txt"
    apt_list.write_text(
        (DEB_SRC / "apt-runtime.txt").read_text(encoding="utf-8")
        + "libnewthing7  # added later\n# just a comment\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [
            sys.executable,
            str(DEB_SRC / "gen_control.py"),
            "--version",
            "9.9",
            "--arch",
            "arm64",
            "--python",
            "python3.12",
            "--installed-size",
            "7",
            "--apt-list",
            str(apt_list),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    depends = next(line for line in out.splitlines() if line.startswith("Depends:"))
    assert relation_names(depends.removeprefix("Depends:"))[-1] == "libnewthing7"
    assert "Architecture: arm64\n" in out and "Version: 9.9\n" in out
    assert "@" not in out.replace("@example.gov.cn", "")


def test_layout_modes_and_owners(contents):
    expected = {
        "/usr/bin/desk-app": "-rwxr-xr-x",
        "/usr/share/applications/counter-desk.desktop": "-rw-r--r--",
        "/usr/share/icons/hicolor/scalable/apps/counter-desk.svg": "-rw-r--r--",
        "/usr/share/doc/counter-desk/copyright": "-rw-r--r--",
        "/opt/counter-desk/": "drwxr-xr-x",
        "/etc/counter-desk/": "drwxr-xr-x",
    }
    for path, mode in expected.items():
        assert path in contents, path
        assert contents[path][0] == mode, (path, contents[path])
    assert {owner for _, owner in contents.values()} == {"root/root"}
    assert not [p for p, (mode, _) in contents.items() if mode[8] == "w"]  # world-writable
    assert not [p for p in contents if "__pycache__" in p or p.endswith(".pyc")]


def test_maintainer_scripts_are_executable_posix_shell(unpacked):
    assert not (unpacked / "DEBIAN" / "postinst").exists()  # nothing to compile: a bundle
    for name in ("prerm",):
        script = unpacked / "DEBIAN" / name
        assert os.access(script, os.X_OK), name
        assert script.read_text().startswith("#!/bin/sh\n")
        subprocess.run(["sh", "-n", str(script)], check=True)
        bad = subprocess.run(["sh", str(script), "bogus-action"], capture_output=True, text=True)
        assert bad.returncode == 1 and "unknown argument" in bad.stderr


def test_prerm_removes_what_a_self_update_left_beside_the_install(unpacked, tmp_path):
    """The script's own paths, pointed into a temp folder (dpkg would run it as root)."""
    script = (unpacked / "DEBIAN" / "prerm").read_text()
    app = tmp_path / "opt" / "counter-desk"
    moved = script.replace("APP_ROOT=/opt/counter-desk", f"APP_ROOT={app}")
    assert moved != script
    for folder in (app, *(app.with_name(app.name + s) for s in (".previous", ".new", ".swap"))):
        (folder / "_internal").mkdir(parents=True)
    runner = tmp_path / "prerm"
    runner.write_text(moved)
    subprocess.run(["sh", str(runner), "upgrade", "0.1.0"], check=True)
    assert app.with_name("counter-desk.previous").is_dir()  # an upgrade keeps the rollback
    subprocess.run(["sh", str(runner), "remove"], check=True)
    assert sorted(p.name for p in app.parent.iterdir()) == ["counter-desk"]  # dpkg's own


def test_launcher_says_what_is_wrong_when_the_bundle_is_missing(unpacked):
    """In this skeleton there is no /opt/counter-desk/desk-app: the launcher says so in Chinese."""
    if Path("/opt/counter-desk/desk-app").exists():
        pytest.skip("counter-desk is installed on this machine")
    result = subprocess.run(
        ["sh", str(unpacked / "usr/bin/desk-app"), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "安装不完整" in result.stderr and "/opt/counter-desk/desk-app" in result.stderr


def test_icon_is_an_svg_document(unpacked):
    import xml.etree.ElementTree as ET

    icon = unpacked / "usr/share/icons/hicolor/scalable/apps/counter-desk.svg"
    root = ET.parse(icon).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.realstack
def test_desktop_entry_validates_and_is_chinese(unpacked):
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate missing: install desktop-file-utils (apt-test.txt)")
    entry = unpacked / "usr/share/applications/counter-desk.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
    text = entry.read_text(encoding="utf-8")
    assert "\nName=综窗受理台\n" in text
    assert re.search(r"^Comment=.*[\u4e00-\u9fff]", text, re.M)
    assert re.search(r"^Exec=desk-app$", text, re.M)
    assert re.search(r"^Icon=counter-desk$", text, re.M)
