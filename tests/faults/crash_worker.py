"""Seals and syncs cases until killed; started as a zygote that forks one worker per run.

``python -m tests.faults.crash_worker ROOT KEYFILE CENTER_URL TOKEN ITEM MATERIAL``
then, on stdin, ``run SEED`` forks a worker and answers its pid. The zygote imports
everything once, so each of the 100 SIGKILLed workers starts in milliseconds. Each
worker appends ``uuid provisional_number`` to ``ROOT/sealed.log`` (fsynced) after
``seal`` returns: every line there is a case the clerk was given a receipt for.
"""

from __future__ import annotations

import os
import random
import signal
import sys
from pathlib import Path

import keyring

from desk_app.core.app_paths import AppPaths
from desk_app.core.center_client import CenterClient
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.case_factory import make_case
from tests.support.file_keyring import FileKeyring


def work(root: Path, url: str, token: str, item: str, material: str, seed: int) -> None:
    outbox = Outbox.open(AppPaths.under(root), Keystore())
    client = CenterClient(url, token=token, timeout=(2, 5), chunk_size=16 * 1024)
    sync = SyncService(outbox, client, backoff=Backoff(base=0.01, cap=0.05))
    rng = random.Random(seed)
    log = os.open(root / "sealed.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    while True:
        size = rng.choice((800, 5_000, 40_000))
        draft, blobs = make_case(rng, item_code=item, material_code=material, blob_size=size)
        sealed = outbox.seal(draft, blobs)
        os.write(log, f"{sealed.uuid} {sealed.provisional_number}\n".encode())
        os.fsync(log)
        for _ in range(2):
            sync.step()


def main() -> None:
    root, keyfile, url, token, item, material = sys.argv[1:7]
    keyring.set_keyring(FileKeyring(Path(keyfile)))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed workers are reaped by the kernel
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command != "run":
            break
        pid = os.fork()
        if pid == 0:
            try:
                work(Path(root), url, token, item, material, int(arg))
            finally:
                os._exit(0)
        print(pid, flush=True)


if __name__ == "__main__":
    main()
