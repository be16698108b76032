"""Commands keep files private and leave an audit record for reads, prints and transfers.

Modes are checked on a real subprocess (the umask is process-wide); the audit records
through the real CLI in this process and in a subprocess.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from desk_app.cli import main
from desk_app.core.audit import AuditLog, load_audit_key
from desk_app.core.machine_config import MachineConfig
from tests.desk_app.test_cli_outbox import KEYRING_SHIM, REPO, run_here
from tests.desk_app.test_cli_outbox import root as root


def modes(top):
    return {
        str(p.relative_to(top)): stat.S_IMODE(p.lstat().st_mode)
        for p in [top, *top.rglob("*")] if not p.is_symlink()
    }


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_start_tightens_old_files_and_new_ones_are_private(root, tmp_path):
    base = tmp_path / "root"
    (base / "log" / "counter-desk.log").write_text("old log\n")
    (base / "cache" / "catalog.json").write_text("{}")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not ours")
    (base / "data" / "link-out").symlink_to(outside)
    for path in [base, *base.rglob("*")]:
        if not path.is_symlink():
            os.chmod(path, 0o755 if path.is_dir() else 0o644)  # what an older version left
    os.chmod(outside, 0o644)
    result = subprocess.run(
        [sys.executable, "-c", KEYRING_SHIM, str(tmp_path / "keys.json"),
         "--data-root", str(base), "outbox", "status"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    found = modes(base)
    assert found.pop(".") == 0o755  # the root given on the command line is not ours
    wide = {name: oct(mode) for name, mode in found.items()
            if mode != (0o700 if (base / name).is_dir() else 0o600)}
    assert wide == {}
    assert any(name.endswith("-wal") or name.endswith("-shm") or "outbox" in name
               for name in found)  # files the command itself created are among them
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644  # a link is not followed


def audit_records(tmp_path):
    return list(AuditLog.in_data_dir(tmp_path / "root" / "data").records())


def test_export_and_import_are_audited(root, capsys, monkeypatch):
    tmp_path, _sealed = root
    bundle = tmp_path / "queue.cdx"
    env = {"CDX_PASS": "counter-desk-2026"}
    exported = run_here(tmp_path, capsys, monkeypatch, "export", str(bundle),
                        "--passphrase-env", "CDX_PASS", env=env)
    assert exported.returncode == 0, exported.stderr
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    imported = run_here(tmp_path, capsys, monkeypatch, "import", str(bundle),
                        "--passphrase-env", "CDX_PASS", env=env)
    assert imported.returncode == 0, imported.stderr
    records = [r for r in audit_records(tmp_path) if r.action in ("export", "import")]
    assert [(r.action, r.target, r.detail) for r in records] == [
        ("export", "queue.cdx", {"via": "cli", "cases": 2}),
        ("import", "queue.cdx", {"via": "cli", "cases": 0, "skipped": 2}),
    ]
    assert all(r.clerk.startswith("cli:") for r in records)
    assert AuditLog.in_data_dir(tmp_path / "root" / "data").verify() == []


@pytest.fixture
def card_config(tmp_path):
    path = tmp_path / "machine.toml"
    MachineConfig(devices={"id_reader": "sim:resident"}, window_id="W07").save(path)
    return path


def read_card(tmp_path, card_config, capsys):
    code = main(["--config", str(card_config), "--data-root", str(tmp_path / "root"),
                 "devices", "read-card", "--json"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_cli_card_read_is_audited_by_type_and_keyed_hash(tmp_path, card_config, capsys):
    code, out, _err = read_card(tmp_path, card_config, capsys)
    assert code == 0
    id_number = json.loads(out)["id_number"]
    [read] = [r for r in audit_records(tmp_path) if r.action == "card_read"]
    assert read.window == "W07" and read.detail["via"] == "cli"
    assert read.target.startswith("hmac-sha256:")
    trail = AuditLog.in_data_dir(tmp_path / "root" / "data",
                                 id_key=load_audit_key(create=False))
    assert trail.matches_card(id_number) == [read]
    assert id_number not in trail.path.read_text(encoding="utf-8")


def test_no_audit_record_no_card_data(tmp_path, card_config, capsys):
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())  # no keyring: the audit key cannot be loaded
    try:
        code, out, err = read_card(tmp_path, card_config, capsys)
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and out == ""
    assert "无法写入审计记录，未显示读卡结果" in err and "Traceback" not in err


def test_the_gui_command_line_imports_no_technician_tool():
    code = (
        "import sys, desk_app.cli as cli\n"
        "cli.build_parser([])\n"
        "heavy = [m for m in ('cv2', 'escpos', 'tufup', 'desk_app.commands.devices',"
        " 'desk_app.commands.update') if m in sys.modules]\n"
        "print(heavy)\n"
        "cli.build_parser(['--data-root', 'x', 'doctor'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('desk_app.commands.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    first, second = result.stdout.splitlines()
    assert first == "[]", result.stderr
    assert "desk_app.commands.doctor" in second and "desk_app.commands.outbox" not in second
