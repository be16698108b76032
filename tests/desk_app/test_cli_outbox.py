"""``desk-app outbox …`` run as a real subprocess against a real outbox on disk."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from tests.support.case_factory import make_case

REPO = Path(__file__).resolve().parents[2]

# The subprocess needs the same key as the test: a file-backed keyring in the data root.
KEYRING_SHIM = """
import keyring, sys
from keyring.backend import KeyringBackend
import json, pathlib
class FileKeyring(KeyringBackend):
    priority = 1
    path = pathlib.Path(sys.argv.pop(1))
    def _load(self):
        return json.loads(self.path.read_text()) if self.path.exists() else {}
    def get_password(self, s, u):
        return self._load().get(s + "/" + u)
    def set_password(self, s, u, p):
        d = self._load(); d[s + "/" + u] = p; self.path.write_text(json.dumps(d))
    def delete_password(self, s, u):
        d = self._load(); d.pop(s + "/" + u); self.path.write_text(json.dumps(d))
keyring.set_keyring(FileKeyring())
from desk_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def root(tmp_path, isolated_machine):
    paths = AppPaths.under(tmp_path / "root").ensure()
    outbox = Outbox.open(paths, Keystore())
    rng = random.Random(1)
    sealed = [outbox.seal(*make_case(rng)) for _ in range(3)]
    outbox.mark_sending(sealed[0].uuid)
    outbox.mark_needs_attention(sealed[0].uuid, "事项编码不存在")
    outbox.mark_sending(sealed[1].uuid)
    outbox.mark_done(sealed[1].uuid, "6101002026112100000001", "received", None)
    outbox.close()
    keys = tmp_path / "keys.json"
    keys.write_text(
        json.dumps({f"{s}/{u}": p for (s, u), p in isolated_machine.secrets.items()})
    )
    return tmp_path, sealed


def run_here(tmp_path, capsys, monkeypatch, *args, env=None):
    """The real CLI in this process (the memory keyring already holds the key)."""
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    code = main(["--data-root", str(tmp_path / "root"), "outbox", *args])
    out = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out.out, out.err)


def run(tmp_path, *args, env=None):
    return subprocess.run(
        [sys.executable, "-c", KEYRING_SHIM, str(tmp_path / "keys.json"),
         "--data-root", str(tmp_path / "root"), "outbox", *args],
        capture_output=True, text=True, cwd=REPO, timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_status_json(root):
    tmp_path, sealed = root
    result = run(tmp_path, "status", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["counts"] == {"pending": 1, "sending": 0, "done": 1, "needs_attention": 1}
    assert report["oldest_pending"]["provisional_number"] == sealed[2].provisional_number
    assert report["oldest_pending"]["age_seconds"] >= 0


def test_list_and_retry(root, capsys, monkeypatch):
    tmp_path, _sealed = root
    listing = run_here(tmp_path, capsys, monkeypatch, "list")
    assert "事项编码不存在" in listing.stdout
    assert run_here(tmp_path, capsys, monkeypatch, "retry").returncode == 0
    report = json.loads(run_here(tmp_path, capsys, monkeypatch, "status", "--json").stdout)
    assert report["counts"]["pending"] == 2 and report["counts"]["needs_attention"] == 0
    missing = run_here(tmp_path, capsys, monkeypatch, "retry", "no-such-uuid")
    assert missing.returncode == 2 and "没有该办件" in missing.stderr


def test_export_then_import_back(root, capsys, monkeypatch):
    tmp_path, _sealed = root
    bundle = tmp_path / "queue.cdx"
    env = {"CDX_PASS": "counter-desk-2026"}

    def run(_tmp, *args, env):
        return run_here(tmp_path, capsys, monkeypatch, *args, env=env)

    exported = run(tmp_path, "export", str(bundle), "--passphrase-env", "CDX_PASS", env=env)
    assert exported.returncode == 0, exported.stderr
    assert "已导出 2 件" in exported.stdout
    # Import back into the same outbox: nothing is duplicated.
    again = run(tmp_path, "import", str(bundle), "--passphrase-env", "CDX_PASS", env=env)
    assert "已导入 0 件，跳过已有的 2 件" in again.stdout
    wrong = run(tmp_path, "import", str(bundle), "--passphrase-env", "CDX_PASS",
                env={"CDX_PASS": "wrong-passphrase"})
    assert wrong.returncode == 2 and "口令不正确" in wrong.stderr


def test_lost_key_is_reported_not_crashed(root, capsys, monkeypatch, isolated_machine):
    tmp_path, _sealed = root
    isolated_machine.secrets.clear()
    result = run_here(tmp_path, capsys, monkeypatch, "status")
    assert result.returncode == 2
    assert "密钥丢失" in result.stderr and "Traceback" not in result.stderr


def test_emptied_database_is_refused_and_recovered_by_the_cli(root):
    tmp_path, _sealed = root
    db = tmp_path / "root" / "data" / "outbox" / "outbox.sqlite3"
    if not db.exists():  # AppPaths.under may name the data folder differently
        db = next((tmp_path / "root").rglob("outbox.sqlite3"))
    db.write_bytes(b"")
    refused = run(tmp_path, "status")
    assert refused.returncode == 2, refused.stdout
    assert "outbox recover" in refused.stderr and "Traceback" not in refused.stderr
    rebuilt = run(tmp_path, "recover")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "已从封存记录恢复 3 件" in rebuilt.stdout
    report = json.loads(run(tmp_path, "status", "--json").stdout)
    assert sum(report["counts"].values()) == 3
    healthy = run(tmp_path, "recover")
    assert healthy.returncode == 0 and "无需恢复" in healthy.stdout
