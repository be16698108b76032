"""A damaged or lost queue database never opens as an empty queue, and recover rebuilds it.

One test per damage kind (0 bytes, missing, missing with -wal left, truncated, a garbage
page, a broken header), each made to the real SQLite file the real outbox wrote.
"""

from __future__ import annotations

import os
import random
from datetime import timedelta
from pathlib import Path

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox, OutboxDamagedError
from desk_app.core.sending.outbox_integrity import DB_NAME, HELD_MARKER_NAME, SET_ASIDE_DIR
from desk_app.core.sending.outbox_recovery import recover
from tests.support.case_factory import make_case


def material_files(root: Path) -> set[str]:
    return {p.name for p in (root / "blobs").rglob("*") if p.is_file()}


@pytest.fixture
def queue(tmp_path, isolated_machine):
    paths = AppPaths.under(tmp_path).ensure()
    box = Outbox.open(paths, Keystore(), purge_after=timedelta(days=7))
    rng = random.Random(7)
    cases = [make_case(rng) for _ in range(12)]
    for draft, blobs in cases:
        box.seal(draft, blobs)
    box.mark_sending(cases[0][0].uuid)
    box.mark_needs_attention(cases[0][0].uuid, "事项编码不存在")
    box.close()
    root = paths.data_dir / "outbox"
    assert (root / DB_NAME).stat().st_size > 8 * 4096  # enough pages to damage one
    return paths, root, cases


def damage_zero_bytes(root: Path) -> None:
    (root / DB_NAME).write_bytes(b"")


def damage_missing(root: Path) -> None:
    (root / DB_NAME).unlink()


def damage_missing_wal_left(root: Path) -> None:
    (root / DB_NAME).unlink()
    (root / f"{DB_NAME}-wal").write_bytes(os.urandom(4096))


def damage_truncated(root: Path) -> None:
    db = root / DB_NAME
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size // 2)


def damage_garbage_page(root: Path) -> None:
    with open(root / DB_NAME, "r+b") as handle:
        handle.seek(3 * 4096)
        handle.write(random.Random(3).randbytes(4096))


def damage_header(root: Path) -> None:
    with open(root / DB_NAME, "r+b") as handle:
        handle.write(b"not a database!!")


DAMAGE = [
    damage_zero_bytes,
    damage_missing,
    damage_missing_wal_left,
    damage_truncated,
    damage_garbage_page,
    damage_header,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.removeprefix("damage_"))
def test_damaged_queue_refuses_to_open_and_recover_rebuilds_it(queue, damage):
    paths, root, cases = queue
    before = material_files(root)
    damage(root)
    with pytest.raises(OutboxDamagedError) as refused:
        Outbox.open(paths, Keystore())
    assert "desk-app outbox recover" in str(refused.value)
    assert material_files(root) == before  # refusing deleted nothing

    result = recover(paths, Keystore())
    assert result.needed and result.restored == len(cases) and not result.unreadable
    box = Outbox.open(paths, Keystore())
    try:
        assert box.counts()["pending"] == len(cases)
        for draft, blobs in cases:
            assert box.draft(draft.uuid) == draft
            for digest, data in blobs.items():
                assert box.read_blob(digest) == data
        # numbers already given out are not given again
        draft, blobs = make_case(random.Random(99))
        numbers = {box.get(d.uuid).provisional_number for d, _ in cases}
        assert box.seal(draft, blobs).provisional_number not in numbers
    finally:
        box.close()
    assert before <= material_files(root)  # every material file is still there


def test_disk_marker_and_keyring_marker_each_remember(queue):
    paths, root, _cases = queue
    (root / DB_NAME).unlink()
    (root / HELD_MARKER_NAME).unlink()  # the keyring entry beside the key still remembers
    with pytest.raises(OutboxDamagedError):
        Outbox.open(paths, Keystore())


def test_new_install_still_opens_empty(tmp_path, isolated_machine):
    paths = AppPaths.under(tmp_path).ensure()
    box = Outbox.open(paths, Keystore())
    try:
        assert sum(box.counts().values()) == 0
    finally:
        box.close()
    assert not (paths.data_dir / "outbox" / HELD_MARKER_NAME).exists()  # held nothing yet


def test_healthy_queue_needs_no_recovery(queue):
    paths, _root, _cases = queue
    assert recover(paths, Keystore()).needed is False


def test_stray_material_files_are_set_aside_not_deleted(queue):
    paths, root, _cases = queue
    stray = root / "blobs" / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"material of a case the database does not know")
    Outbox.open(paths, Keystore()).close()
    assert not stray.exists()
    kept = [p for p in (root / SET_ASIDE_DIR).rglob(stray.name)]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"material")


def test_missing_material_recovers_as_needs_attention(queue):
    paths, root, cases = queue
    (root / DB_NAME).unlink()
    victim = next(p for p in (root / "blobs").rglob("*") if p.is_file())
    victim.unlink()
    result = recover(paths, Keystore())
    assert result.incomplete >= 1 and result.restored + result.incomplete == len(cases)
    box = Outbox.open(paths, Keystore())
    try:
        attention = box.list_entries(("needs_attention",))
        assert len(attention) == result.incomplete
        assert all("缺少材料文件" in e.last_error for e in attention)
    finally:
        box.close()


def test_recover_refuses_while_the_client_holds_the_queue(queue):
    paths, _root, _cases = queue
    box = Outbox.open(paths, Keystore())
    try:
        with pytest.raises(Exception, match="正在运行"):
            recover(paths, Keystore())
    finally:
        box.close()
