"""The reference center on loopback: ``live_center``, the one session fixture every test that
talks to a real center over HTTP uses (loaded suite-wide by tests/conftest.py), and
``start_center`` for the few that need a center of their own (to stop it, or restart it on
the same port). Tests share the live one, so they look only at their own cases."""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.core.case_model import CaseDraft
from desk_app.core.center_client import CenterClient
from tests.support.case_factory import make_case
from tests.support.passwords import cheap_hasher
from tests.support.waiting import wait_until

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

    def idle() -> bool:
        sync.run_until_idle()
        counts = sync.outbox.counts()
        return (counts["pending"] == 0 and counts["sending"] == 0) or bool(
            sync.status().paused_reason
        )

    wait_until(idle, timeout, 0.01, lambda: f"outbox not drained: {sync.outbox.counts()}")


def start_center(tmp_path: Path):
    from center.inprocess import start_in_thread

    blob_dir = tmp_path / "center-blobs"
    running = start_in_thread(
        f"sqlite:///{tmp_path / 'center.db'}", blob_dir, password_hasher=cheap_hasher()
    )
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


@pytest.fixture(scope="session")
def live_center(tmp_path_factory):
    """One center for the whole run: starting one (migrations, seeding) takes seconds."""
    running, under_test = start_center(tmp_path_factory.mktemp("live-center"))
    yield under_test
    running.stop()
