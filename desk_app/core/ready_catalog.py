"""The catalog in ready form: what ``Catalog.from_dict`` built last time, kept beside the
JSON it came from, so a warm start does not parse and check 8,000 items again.

It is a pickle, and a pickle runs code when loaded, so it is sealed: HMAC-SHA256 under a
key derived (HKDF) from this install's data key, which lives in the OS keyring. Only a
holder of that key can make a file this loads; anything else — another key, another
catalog body (its SHA-256 is in the stamp), another version of the client, a torn
write — is a miss, and the JSON is parsed as before. Never an error.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desk_app import __version__
from forms.catalog import Catalog

log = logging.getLogger(__name__)

FORMAT = 1
MAC_LEN = 32


def seal_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"counter-desk ready catalog v1").derive(data_key)


class ReadyCatalog:
    def __init__(self, cache_dir: Path, key: bytes) -> None:
        self.path = Path(cache_dir) / "catalog.ready"
        self._key = key

    def _stamp(self, body_sha256: str) -> bytes:
        return f"{FORMAT}|{__version__}|{body_sha256}\n".encode()

    def get(self, body_sha256: str) -> Catalog | None:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        mac, sealed = raw[:MAC_LEN], raw[MAC_LEN:]
        if not hmac.compare_digest(mac, hmac.new(self._key, sealed, hashlib.sha256).digest()):
            log.info("ready catalog not used: seal does not match")
            return None
        stamp = self._stamp(body_sha256)
        if not sealed.startswith(stamp):
            return None  # another catalog or another version: parse the JSON
        try:
            catalog = pickle.loads(sealed[len(stamp):])
        except Exception as exc:  # sealed by us yet unreadable (a changed class): a miss
            log.info("ready catalog not used: %s", type(exc).__name__)
            return None
        return catalog if isinstance(catalog, Catalog) else None

    def put(self, body_sha256: str, catalog: Catalog) -> None:
        sealed = self._stamp(body_sha256) + pickle.dumps(catalog, pickle.HIGHEST_PROTOCOL)
        data = hmac.new(self._key, sealed, hashlib.sha256).digest() + sealed
        tmp = self.path.with_suffix(".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                         0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            tmp.replace(self.path)
        except OSError as exc:  # a cache: the next start parses the JSON, nothing is lost
            log.warning("ready catalog not written: %s", type(exc).__name__)
