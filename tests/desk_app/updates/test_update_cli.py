"""``desk-app update`` as a technician runs it: a real bundle of this application goes
from 0.1.0 to 0.2.0 and back, and an unreachable server is a message, not a traceback."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from desk_app.core.updates.install import ApplyGuard, InstallError, apply_staged, stage
from tests.desk_app.updates.conftest import make_bundle, publish

pytestmark = pytest.mark.realstack  # uvicorn serving a real TUF repository on loopback


def run(exe: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120)


def config(tmp_path: Path, url: str, trusted: Path, install: Path) -> Path:
    path = tmp_path / "machine.toml"
    path.write_text(
        f'[update]\nurl = "{url}"\ntrusted_root = "{trusted}"\ninstall_dir = "{install}"\n'
    )
    return path


def test_update_from_a_to_b_then_rollback(update_repo, tmp_path):
    install = make_bundle(tmp_path / "opt" / "counter-desk", "0.1.0")
    publish(update_repo, make_bundle(tmp_path / "b", "0.2.0"), "0.2.0")
    exe = install / "desk-app"
    cfg = config(tmp_path, update_repo.url, update_repo.trusted_root, install)
    common = ["--config", str(cfg), "--data-root", str(tmp_path / "data")]
    assert run(exe, "--version").stdout.strip() == "desk-app 0.1.0"
    checked = run(exe, *common, "update", "check")
    assert checked.returncode == 0 and "0.2.0" in checked.stdout
    applied = run(exe, *common, "update", "apply", "--now", "--yes")
    assert applied.returncode == 0, applied.stderr
    assert run(exe, "--version").stdout.strip() == "desk-app 0.2.0"
    assert run(exe, *common, "update", "check").stdout.startswith("当前版本 0.2.0 已是最新")
    assert run(exe, *common, "update", "rollback").returncode == 0
    assert run(exe, "--version").stdout.strip() == "desk-app 0.1.0"


def test_unreachable_server_is_a_chinese_message_and_exit_2(tmp_path, update_repo):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    install = tmp_path / "app"
    cfg = config(tmp_path, f"http://127.0.0.1:{port}", update_repo.trusted_root, install)
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desk_app.cli",
            "--config",
            str(cfg),
            "--data-root",
            str(tmp_path / "d"),
            "update",
            "check",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "无法连接更新服务器" in done.stderr and "Traceback" not in done.stderr


def test_guard_keeps_an_open_case_and_a_sending_outbox_safe(tmp_path, tiny_bundle):
    import tarfile

    install = tiny_bundle("0.1.0")
    archive = tmp_path / "b.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tiny_bundle("0.2.0"), arcname=".")
    stage(archive, install, "0.2.0")
    for guard, reason in (
        (ApplyGuard(lambda: True, lambda: False), "案件尚未完成"),
        (ApplyGuard(lambda: False, lambda: True), "正在向中心发送"),
    ):
        with pytest.raises(InstallError, match=reason):
            apply_staged(install, guard)
        assert (install / "VERSION").read_text() == "0.1.0"
    assert apply_staged(install, ApplyGuard(lambda: False, lambda: False)) == "0.2.0"
    assert (install / "VERSION").read_text() == "0.2.0"
