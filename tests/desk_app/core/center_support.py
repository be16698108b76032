"""A real reference center on loopback for core tests, plus a catalog-valid case maker."""

from __future__ import annotations

import atexit
import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.case_model import CaseDraft
from desk_app.core.center_client import CenterClient

from .case_factory import make_case

WINDOW = "W01"


@dataclass
class CenterUnderTest:
    url: str
    blob_dir: Path
    db_path: Path
    token: str
    item_code: str
    material_code: str
    deferred_material_code: str

    def client(self, url: str | None = None, **kwargs) -> CenterClient:
        return CenterClient(url or self.url, token=self.token, **kwargs)

    def case(self, rng: random.Random, **kwargs) -> tuple[CaseDraft, dict[str, bytes]]:
        return make_case(
            rng, item_code=self.item_code, material_code=self.material_code, **kwargs
        )

    def center_blob(self, digest: str) -> bytes | None:
        """The center's stored copy of a complete blob (its object file), or None."""
        path = self.blob_dir / "objects" / digest[:2] / digest
        return path.read_bytes() if path.exists() else None

    def case_counts(self, uuids: set[str]) -> dict[str, int]:
        """How many cases the center's database holds for each of these UUIDs."""
        with sqlite3.connect(self.db_path) as db:
            rows = db.execute("SELECT uuid, count(*) FROM cases GROUP BY uuid").fetchall()
        return {uuid: n for uuid, n in rows if uuid in uuids}


def drain(sync, timeout: float = 60.0) -> None:
    """Run the sync step by step until nothing is pending (retries wait out their backoff)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sync.run_until_idle()
        counts = sync.outbox.counts()
        if counts["pending"] == 0 and counts["sending"] == 0:
            return
        if sync.status().paused_reason:
            return
        time.sleep(0.01)
    raise AssertionError(f"outbox not drained in {timeout}s: {sync.outbox.counts()}")


def start_center(tmp_path: Path):
    from center.inprocess import start_in_thread

    blob_dir = tmp_path / "center-blobs"
    running = start_in_thread(f"sqlite:///{tmp_path / 'center.db'}", blob_dir)
    client = CenterClient(running.url)
    token = client.login("clerk01", "demo1234", WINDOW).token
    _status, _etag, body = client.fetch_catalog()
    client.close()
    items = json.loads(body)["items"]
    # an item a person may apply for, with a scannable material and a deferrable one
    # (the center checks each material's mode against the catalog, as the desk does)
    def kinds(m):
        return {mode["kind"] for mode in m["modes"]}

    item, scanned, deferred = next(
        (i, s["code"], d["code"]) for i in items if "natural_person" in i["applicant_types"]
        for s in i["materials"] if "scan" in kinds(s) and not s.get("required_when")
        for d in i["materials"] if "deferred" in kinds(d) and d is not s)
    return running, CenterUnderTest(
        running.url, blob_dir, tmp_path / "center.db", token, item["code"], scanned, deferred
    )


_SHARED: dict[str, CenterUnderTest] = {}


def shared_center(tmp_path_factory) -> CenterUnderTest:
    """One center for the whole session: starting one (migrations, Argon2 seeding) is slow."""
    if "center" not in _SHARED:
        running, under_test = start_center(tmp_path_factory.mktemp("shared-center"))
        atexit.register(running.stop)
        _SHARED["center"] = under_test
    return _SHARED["center"]
