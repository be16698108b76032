"""SIGKILL a sealing+syncing worker 100 times: nothing sealed is lost or duplicated."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import ACCOUNT, SERVICE, Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.live_center import drain

REPO = Path(__file__).resolve().parents[2]
KILLS = 100


def wait_gone(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"worker {pid} survived SIGKILL")
        time.sleep(0.002)


def check_consistent(root: Path, seen_blobs: dict[str, int]) -> set[str]:
    """Reopen (as the app would after a crash) and check every receipted case is intact."""
    logged = [
        line.split() for line in (root / "sealed.log").read_text().splitlines() if line.strip()
    ]
    outbox = Outbox.open(AppPaths.under(root), Keystore())
    try:
        entries = {e.uuid: e for e in outbox.list_entries()}
        assert not [e for e in entries.values() if e.state == "sending"]
        numbers = [e.provisional_number for e in entries.values()]
        assert len(numbers) == len(set(numbers)), "a provisional number was given twice"
        for uuid, number in logged:
            assert uuid in entries, f"sealed case {number} lost"
            assert entries[uuid].provisional_number == number
        for uuid in entries:
            if uuid in seen_blobs:
                continue
            request = outbox.record(uuid)["request"]
            assert request["uuid"] == uuid
            blobs = outbox.entry_blobs(uuid)
            for digest, size in blobs:
                assert len(outbox.read_blob(digest)) == size
            seen_blobs[uuid] = len(blobs)
        with sqlite3.connect(root / "data" / "outbox" / "outbox.sqlite3") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {uuid for uuid, _n in logged}
    finally:
        outbox.close()


@pytest.mark.realstack
def test_sigkill_at_random_points(tmp_path, live_center, isolated_machine):
    center = live_center
    root = tmp_path / "client"
    # The key lives in a file the worker processes read through a file keyring backend.
    Outbox.open(AppPaths.under(root).ensure(), Keystore()).close()
    keyfile = tmp_path / "keys.json"
    keyfile.write_text(json.dumps({f"{SERVICE}/{ACCOUNT}": isolated_machine.secrets[
        (SERVICE, ACCOUNT)]}))
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.crash_worker", str(root), str(keyfile),
         center.url, center.token, center.item_code, center.material_code],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    rng = random.Random(99)
    seen_blobs: dict[str, int] = {}
    try:
        for run in range(KILLS):
            zygote.stdin.write(f"run {run}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0.01, 0.3))
            os.kill(pid, signal.SIGKILL)
            wait_gone(pid)
            receipted = check_consistent(root, seen_blobs)
    finally:
        zygote.stdin.close()
        zygote.wait(10)

    assert len(receipted) >= KILLS // 2, "workers must have sealed cases between kills"
    outbox = Outbox.open(AppPaths.under(root), Keystore())
    client = center.client()
    sent_by_workers = outbox.counts()["done"]
    sync = SyncService(outbox, client, backoff=Backoff(base=0.01, cap=0.05))
    drain(sync, timeout=60)
    all_uuids = {e.uuid for e in outbox.list_entries()}
    assert outbox.counts()["done"] == len(all_uuids)
    rows = center.case_counts(all_uuids)
    assert set(rows) == all_uuids and set(rows.values()) == {1}
    assert receipted <= all_uuids
    assert sent_by_workers > 0, "kills must also have hit workers in the middle of sending"
    print(f"\n{KILLS} kills; {len(receipted)} receipted cases, {len(all_uuids)} sealed, "
          f"{sent_by_workers} sent by the killed workers; all once at the center")
    outbox.close()
    client.close()
