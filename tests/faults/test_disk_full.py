"""Disk full while sealing: a clear message, no partial case, no number spent, no receipt."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import ACCOUNT, SERVICE, Keystore
from desk_app.core.sending.outbox import Outbox, OutboxFullError
from tests.support.case_factory import make_case

REPO = Path(__file__).resolve().parents[2]

# Runs in a subprocess whose file-size limit makes the next big write fail (EFBIG).
SEAL_OVER_LIMIT = """
import json, random, resource, signal, sys
from pathlib import Path
import keyring
from tests.support.file_keyring import FileKeyring
keyring.set_keyring(FileKeyring(Path(sys.argv[2])))
from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox, OutboxError
from tests.support.case_factory import make_case
outbox = Outbox.open(AppPaths.under(Path(sys.argv[1])), Keystore())
draft, blobs = make_case(random.Random(5), blob_size=300_000)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (128 * 1024, 128 * 1024))
try:
    outbox.seal(draft, blobs)
    print(json.dumps({"sealed": True}))
except OutboxError as exc:
    print(json.dumps({"type": type(exc).__name__, "message": str(exc), "uuid": draft.uuid}))
"""


def blob_files(root: Path) -> list[Path]:
    return [p for p in (root / "data" / "outbox" / "blobs").rglob("*") if p.is_file()]


def test_file_too_large_while_sealing_leaves_nothing(tmp_path, isolated_machine):
    root = tmp_path / "client"
    outbox = Outbox.open(AppPaths.under(root).ensure(), Keystore())
    first = outbox.seal(*make_case(random.Random(1)))
    outbox.close()
    keyfile = tmp_path / "keys.json"
    keyfile.write_text(
        json.dumps({f"{SERVICE}/{ACCOUNT}": isolated_machine.secrets[(SERVICE, ACCOUNT)]})
    )
    before = blob_files(root)
    result = subprocess.run(
        [sys.executable, "-c", SEAL_OVER_LIMIT, str(root), str(keyfile)],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["type"] == "OutboxFullError"
    assert "磁盘空间不足" in answer["message"] and "未出回执" in answer["message"]
    assert blob_files(root) == before  # the half-written file was removed at once
    outbox = Outbox.open(AppPaths.under(root), Keystore())
    assert [e.uuid for e in outbox.list_entries()] == [first.uuid]
    second = outbox.seal(*make_case(random.Random(2)))
    assert second.provisional_number.endswith("-0002")  # no number was spent
    outbox.close()


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 3 MiB filesystem (tmpfs) that fills up: ENOSPC from the kernel."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.realstack
def test_real_disk_full_for_blobs_and_database(tiny_disk):
    paths = AppPaths.under(tiny_disk).ensure()
    ballast = tiny_disk / "ballast"
    ballast.write_bytes(b"\0" * 256 * 1024)  # what the technician will delete later
    outbox = Outbox.open(paths, Keystore())
    rng = random.Random(3)
    sealed, failures = [], []
    # First big scans fill the disk (blob write fails), then paper-only cases fill the
    # rest (the SQLite commit fails).
    for blob_size in [150_000] * 40 + [0] * 400:
        draft, blobs = make_case(rng, blob_size=blob_size or 10)
        if not blob_size:
            draft.materials[0].mode, draft.materials[0].blob_digests, blobs = "paper", [], {}
        try:
            sealed.append(outbox.seal(draft, blobs))
        except OutboxFullError as exc:
            assert "磁盘空间不足" in exc.clerk_message  # what the UI shows
            failures.append((blob_size, draft.uuid))
            if blob_size == 0:
                break
    assert any(size for size, _ in failures), "a blob write must have hit the full disk"
    assert failures[-1][0] == 0, "a database commit must have hit the full disk"
    outbox.close()
    ballast.unlink()  # a technician frees some space
    # Everything sealed is intact and nothing else exists.
    again = Outbox.open(paths, Keystore())
    entries = again.list_entries()
    assert [e.uuid for e in entries] == [s.uuid for s in sealed]
    numbers = [int(e.provisional_number.rsplit("-", 1)[1]) for e in entries]
    assert numbers == list(range(1, len(sealed) + 1)), "no provisional number was skipped"
    with sqlite3.connect(paths.data_dir / "outbox" / "outbox.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for entry in entries:
        assert again.record(entry.uuid)["request"]["uuid"] == entry.uuid
        for digest, size in again.entry_blobs(entry.uuid):
            assert len(again.read_blob(digest)) == size
    assert len(blob_files(tiny_disk)) == sum(len(again.entry_blobs(e.uuid)) for e in entries)
    again.close()
