"""The outbox's kind ``case_event`` (出件 / 邮寄): a version-1 queue is rebuilt to take it
without losing a row or a file reference, and the events export and import like the rest."""

from __future__ import annotations

import random
import sqlite3

from desk_app.core.app_paths import AppPaths
from desk_app.core.case_model import CaseEventDraft
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.outbox_integrity import DB_NAME
from desk_app.core.sending.outbox_schema import ENTRIES_COLUMNS
from desk_app.core.window_day.handover import pending_events
from tests.support.case_factory import make_case


def _to_version_1(db_path) -> None:
    """Put the table back as version 1 wrote it (the CHECK without 'case_event')."""
    old = ENTRIES_COLUMNS.replace(", 'case_event'", "")
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.executescript(
        f"BEGIN; CREATE TABLE old_entries {old}; INSERT INTO old_entries SELECT * FROM entries;"
        " DROP TABLE entries; ALTER TABLE old_entries RENAME TO entries;"
        " CREATE INDEX entries_state ON entries (state, seq);"
        " CREATE INDEX entries_parent ON entries (parent_uuid);"
        " UPDATE meta SET value='1' WHERE key='schema_version'; COMMIT;"
    )
    conn.close()


def test_a_version_1_queue_takes_case_events_and_keeps_everything(tmp_path):
    paths = AppPaths.under(tmp_path).ensure()
    keystore = Keystore()
    outbox = Outbox.open(paths, keystore)
    drafts = [make_case(random.Random(i), n_blobs=2) for i in range(3)]
    for draft, blobs in drafts:
        outbox.seal(draft, blobs)
    before = [(e.uuid, e.state, outbox.entry_blobs(e.uuid)) for e in outbox.list_entries()]
    outbox.close()
    db_path = paths.data_dir / "outbox" / DB_NAME
    _to_version_1(db_path)
    with sqlite3.connect(db_path) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='entries'").fetchone()[0]
    assert "case_event" not in sql

    outbox = Outbox.open(paths, keystore)
    after = [(e.uuid, e.state, outbox.entry_blobs(e.uuid)) for e in outbox.list_entries()]
    assert after == before and outbox.meta("schema_version") == "2"
    draft, blobs = drafts[0]
    assert outbox.read_blob(next(iter(blobs))) == blobs[next(iter(blobs))]
    signature = b"\x89PNG signature"
    outbox.seal_case_event(
        CaseEventDraft("evt-1", draft.uuid, "6101002026120200000001", "W01",
                       {"event": "handed_over", "collector": {"kind": "applicant"}},
                       [sha256_hex(signature)]),
        {sha256_hex(signature): signature},
    )
    event = outbox.get("evt-1")
    assert event.kind == "case_event" and event.provisional_number == "6101002026120200000001"
    assert outbox.record("evt-1")["case_number"] == "6101002026120200000001"
    assert pending_events(outbox) == {draft.uuid: "collected"}
    assert outbox.counts(("case",))["pending"] == 3  # an event is not counted as a case
    outbox.close()
    outbox = Outbox.open(paths, keystore)  # opening again: nothing to migrate
    assert len(outbox.list_entries()) == 4
    outbox.close()
