"""The real .deb: PyInstaller bundle built, packaged, ``dpkg -i`` into a throw-away root, run
from the installed tree, checked for updates against a real signed repository on loopback,
``dpkg -r``. Takes minutes (the bundle build alone is 5-8 on this machine), so it is marked
``package`` and run by ``make package-test``, not by ``make test``; test_deb_package.py and
test_pyinstaller_spec.py check the package metadata and the spec in the normal suite.

The throw-away root: ``dpkg --root=R`` keeps its own database in ``R/var/lib/dpkg`` and
unpacks below R; it runs the maintainer scripts chrooted into R, so R gets a shell and
``rm`` (with their libraries) and nothing else. Depends are not installed in R
(``--force-depends``): the bundle is run from R with this machine's system libraries, the
ones the Depends name. The launcher's fixed /opt/counter-desk is given to it by a bind
mount in a private mount namespace, so the machine's own /opt is never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk_app.core.updates.publish import add_version, init_repository
from tests.desk_app.updates.conftest import serve

ROOT = Path(__file__).resolve().parents[2]
# the module fixture builds the bundle and the .deb inside the first test's time limit
pytestmark = [pytest.mark.package, pytest.mark.realstack, pytest.mark.timeout(2700)]


def run(*args, timeout=300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          timeout=timeout, **kw)


def chroot_shell(root: Path) -> None:
    """/bin/sh and /bin/rm (and their libraries) in ``root``: what prerm needs there."""
    for tool in ("/bin/sh", "/bin/rm"):
        real = Path(os.path.realpath(tool))
        (root / tool.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(real, root / tool.lstrip("/"))
        for word in run("ldd", real).stdout.split():
            if word.startswith("/"):
                target = root / word.lstrip("/")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(os.path.realpath(word), target)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """Bundle + .deb, built once; the bundle ships a real repository's root.json."""
    for tool in ("dpkg", "dpkg-deb", "objdump", "unshare"):
        if shutil.which(tool) is None:
            pytest.skip(f"needs {tool}")
    work = tmp_path_factory.mktemp("package")
    anchor = init_repository(work / "served", work / "keys", work / "offline")
    env = dict(os.environ, COUNTER_DESK_UPDATE_ROOT=str(anchor), PYI_DIST=str(work / "pyi"),
               PYI_WORK=str(work / "pyi-work"), OUT_DIR=str(work / "out"),
               BUILD_DIR=str(work / "deb-build"), DEB_COMPRESS="gzip")
    started = time.monotonic()
    built = run("bash", ROOT / "scripts" / "build-deb.sh", cwd=ROOT, env=env, timeout=2400)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    print(f"\nbundle + .deb built in {time.monotonic() - started:.0f} s: "
          + built.stdout.strip().splitlines()[-1])
    (deb,) = (work / "out").glob("counter-desk_*.deb")
    return {"deb": deb, "work": work, "served": work / "served", "keys": work / "keys"}


@pytest.fixture(scope="module")
def installed(package):
    root = package["work"] / "root"
    for sub in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "tmp"):
        (root / sub).mkdir(parents=True)
    for name in ("status", "available"):
        (root / "var/lib/dpkg" / name).touch()
    chroot_shell(root)
    done = run("dpkg", f"--root={root}", "--force-depends", "-i", package["deb"])
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def test_control_names_no_python_and_the_bundle_is_inside(package):
    depends = run("dpkg-deb", "--field", package["deb"], "Depends").stdout
    assert "libxcb-cursor0" in depends and "python" not in depends
    listing = run("dpkg-deb", "--contents", package["deb"]).stdout
    assert "./opt/counter-desk/desk-app\n" in listing
    assert "./opt/counter-desk/_internal/update-root.json\n" in listing
    assert "libpython3" in listing  # its own interpreter


def test_dpkg_records_the_install(installed):
    status = run("dpkg", f"--root={installed}", "-s", "counter-desk").stdout
    assert "Status: install ok installed" in status
    files = run("dpkg", f"--root={installed}", "-L", "counter-desk").stdout.split()
    assert "/opt/counter-desk/desk-app" in files and "/usr/bin/desk-app" in files


def test_installed_tree_runs_version_and_doctor(installed, tmp_path):
    exe = installed / "opt" / "counter-desk" / "desk-app"
    version = run(exe, "--version")
    assert version.returncode == 0 and version.stdout.strip() == "desk-app 0.1.0"
    doctor = run(exe, "--data-root", tmp_path / "data", "doctor", "--json",
                 env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert "Traceback" not in doctor.stderr
    checks = {c["name"]: c for c in json.loads(doctor.stdout)}
    assert checks["A4 通知书中文字体"]["ok"]  # reportlab + the bundled resources work
    assert "未找到配置文件" in checks["配置文件"]["message"]  # no machine.toml in a fresh root


def test_launcher_runs_the_bundle_at_its_fixed_path(installed):
    """/usr/bin/desk-app execs /opt/counter-desk/desk-app: bind R's /opt/counter-desk there
    in a private mount namespace (over a tmpfs /opt, so the real /opt is untouched)."""
    script = ('mount -t tmpfs none /opt && mkdir /opt/counter-desk && '
              'mount --bind "$1/opt/counter-desk" /opt/counter-desk && exec "$1/usr/bin/desk-app" '
              '--version')
    done = run("unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", installed)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "desk-app 0.1.0"


def test_installed_tree_checks_updates_with_its_shipped_root(installed, package, tmp_path):
    bundle = tmp_path / "next"
    bundle.mkdir()
    (bundle / "VERSION").write_text("0.2.0")
    add_version(package["served"], package["keys"], bundle, "0.2.0")
    seen: list = []
    server, thread, url = serve(package["served"], seen)
    try:
        config = tmp_path / "machine.toml"
        config.write_text(f'[update]\nurl = "{url}"\n')  # trusted_root: the shipped one
        exe = installed / "opt" / "counter-desk" / "desk-app"
        done = run(exe, "--config", config, "--data-root", tmp_path / "data", "update", "check")
        assert done.returncode == 0, done.stderr
        assert "有新版本 0.2.0" in done.stdout
        # run as root here, so /opt is writable: the verified 0.2.0 is staged beside the
        # install (a clerk's account would be told 不能写入安装位置, see test_trusted_root)
        apply = run(exe, "--config", config, "--data-root", tmp_path / "data", "update", "apply")
        assert apply.returncode == 0, apply.stderr
        staged = installed / "opt" / "counter-desk.new"
        assert (staged / "VERSION").read_text() == "0.2.0"
        assert run(exe, "--version").stdout.strip() == "desk-app 0.1.0"  # not swapped
    finally:
        server.should_exit = True
        thread.join(10)


def test_glibc_floor_of_the_installed_bundle(installed):
    """Printed, not asserted against 2.28: see the report for what sets the floor."""
    out = run(sys.executable, ROOT / "scripts" / "glibc_floor.py",
              installed / "opt" / "counter-desk", "--json")
    report = json.loads(out.stdout)
    print("\n" + run(sys.executable, ROOT / "scripts" / "glibc_floor.py",
                     installed / "opt" / "counter-desk").stdout)
    assert report["elf_files"] > 100 and report["floor"].startswith("2.")
    assert not any("libgtk-3" in name for name in report["above_target"])  # pruned


def test_dpkg_r_removes_the_tree_and_what_an_update_left(installed):
    leftovers = [installed / "opt" / f"counter-desk{s}" for s in (".previous", ".new")]
    (leftovers[0] / "_internal").mkdir(parents=True)
    done = run("dpkg", f"--root={installed}", "-r", "counter-desk")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (installed / "opt" / "counter-desk" / "desk-app").exists()
    assert not [p for p in leftovers if p.exists()]
    assert not (installed / "usr" / "bin" / "desk-app").exists()
    status = run("dpkg", f"--root={installed}", "-s", "counter-desk")
    assert "install ok installed" not in status.stdout
