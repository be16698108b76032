"""Uploads the material files of the next queued entries while the current one is sent.

One connection does stop-and-wait per chunk (send a chunk, wait for the center to
store it, answer, repeat), which leaves a slow link idle for the round trip of every
chunk. A second connection working on the next entries' files fills those gaps. The
sync thread stays the only one that submits cases and changes entry states; this
thread only makes files exist at the center sooner (uploads are content-addressed and
idempotent, so a file uploaded "too early" is never wrong).

Both threads claim a digest before uploading it, so they never write the same partial
upload at once (the center lets the newest writer take a partial over).
"""

from __future__ import annotations

import logging
import threading

from desk_app.core.center_client import CenterClient
from desk_app.core.center_errors import CenterError
from desk_app.core.crypto import DecryptError
from desk_app.core.sending.outbox import Outbox, OutboxError

log = logging.getLogger(__name__)


class UploadAhead:
    def __init__(self, outbox: Outbox, client: CenterClient, lookahead: int = 2) -> None:
        self.outbox = outbox
        self.client = client
        self.lookahead = lookahead
        self._lock = threading.Lock()
        self._claims: dict[str, threading.Event] = {}
        self._complete: set[str] = set()  # digests the center confirmed complete
        self._kick = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.delivered = 0  # files this connection uploaded (for the status and tests)

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-upload-ahead", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._kick.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.client.close()

    def kick(self) -> None:
        self._kick.set()

    # ---- the claim protocol (used by both threads) ---------------------------------
    def claim(self, digest: str) -> bool:
        """Wait out an upload of ``digest`` by the other thread, then own it.

        Returns False when the center already confirmed it complete (nothing to do);
        otherwise the caller owns the digest and must call ``release``.
        """
        while True:
            with self._lock:
                if digest in self._complete:
                    return False
                event = self._claims.get(digest)
                if event is None:
                    self._claims[digest] = threading.Event()
                    return True
            event.wait()

    def release(self, digest: str, complete: bool) -> None:
        with self._lock:
            if complete:
                self._complete.add(digest)
            event = self._claims.pop(digest, None)
        if event is not None:
            event.set()

    def _try_claim(self, digest: str) -> bool:
        with self._lock:
            if digest in self._complete or digest in self._claims:
                return False
            self._claims[digest] = threading.Event()
            return True

    # ---- the thread ----------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            self._kick.wait(1.0)
            self._kick.clear()
            try:
                self._upload_next()
            except (CenterError, OutboxError, DecryptError):
                pass  # the sync thread meets the same trouble and handles it
            except Exception as exc:  # never let this helper take anything down
                log.error("upload-ahead failed: %s", type(exc).__name__)

    def _upload_next(self) -> None:
        for entry in self.outbox.list_entries(("pending",))[: self.lookahead]:
            for digest, _size in self.outbox.entry_blobs(entry.uuid):
                if self._stop.is_set() or not self._try_claim(digest):
                    continue
                complete = False
                try:
                    report = self.client.upload_blob(digest, self.outbox.read_blob(digest))
                    complete = True
                    self.delivered += 0 if report.already_complete else 1
                finally:
                    self.release(digest, complete)
