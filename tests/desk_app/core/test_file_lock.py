"""The one file lock: the outbox owner's (non-blocking) and the audit append's (blocking)."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time

from desk_app.core.app_paths import AppPaths
from desk_app.core.file_lock import FileLock
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from tests.support.case_factory import make_case

HOLD = """
import sys, time
from pathlib import Path
from desk_app.core.file_lock import FileLock
lock = FileLock(Path(sys.argv[1]))
assert lock.try_acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_lock_is_exclusive_between_processes_and_dies_with_its_holder(tmp_path):
    path = tmp_path / "outbox.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert not FileLock(path).try_acquire()
    finally:
        holder.kill()
        holder.wait()
    mine = FileLock(path)
    assert mine.try_acquire()
    mine.release()


WAIT = """
import sys, time
from pathlib import Path
from desk_app.core.file_lock import FileLock
with FileLock(Path(sys.argv[1])):
    print("got it", flush=True)
"""


def test_the_blocking_form_waits_for_the_holder_in_another_process(tmp_path):
    path = tmp_path / "audit.jsonl.lock"
    mine = FileLock(path)
    mine.acquire()
    waiter = subprocess.Popen([sys.executable, "-c", WAIT, str(path)], stdout=subprocess.PIPE,
                              text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(waiter.stdout.readline()))
    reader.start()
    try:
        time.sleep(1.0)  # long enough for the child to start and block on the lock
        assert lines == [] and waiter.poll() is None  # still waiting while held here
        mine.release()
        reader.join(timeout=20)
        assert lines == ["got it\n"]
    finally:
        mine.release()
        waiter.kill()
        waiter.wait()


def test_a_side_tool_does_not_recover_under_the_running_client(tmp_path):
    paths = AppPaths.under(tmp_path).ensure()
    client = Outbox.open(paths, Keystore())
    draft, blobs = make_case(random.Random(1))
    client.seal(draft, blobs)
    client.mark_sending(draft.uuid)  # the client is uploading this one right now
    stray = paths.data_dir / "outbox" / "blobs" / "ab" / "ab-being-written"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"a seal in progress")
    assert client.is_owner
    # flock locks are per open file: a second open in this process models a second process.
    tool = Outbox.open(paths, Keystore())
    assert not tool.is_owner
    assert tool.get(draft.uuid).state == "sending" and stray.exists()
    tool.close()
    client.close()
    after_crash = Outbox.open(paths, Keystore())
    assert after_crash.is_owner
    assert after_crash.get(draft.uuid).state == "pending" and not stray.exists()
    after_crash.close()
