"""Attacks on the update channel, each against a real signed repository on loopback:
every one ends in an ``UpdateError`` with a Chinese message and nothing staged.

The attack list is TUF's own (the specification's "attacks" section, and python-tuf's
``tests/test_updater_top_level_update.py``): arbitrary/tampered target, tampered
metadata, rollback, freeze (indefinite stale metadata), endless data.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.updates.client import UpdateClient, UpdateError, UpdateSettings
from desk_app.core.updates.install import pending_version, stage
from tests.desk_app.updates.conftest import publish

pytestmark = pytest.mark.realstack  # uvicorn serving a real TUF repository on loopback


def client(repo, state: Path, version: str = "0.1.0") -> UpdateClient:
    return UpdateClient(UpdateSettings(repo.url, repo.trusted_root), state, version)


def test_a_good_update_is_found_downloaded_and_staged(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    c = client(update_repo, tmp_path / "state")
    assert c.check() == "0.2.0"
    archive = c.download()
    assert archive.read_bytes() == update_repo.archive("0.2.0").read_bytes()
    stage(archive, tmp_path / "app", "0.2.0")
    assert pending_version(tmp_path / "app") == "0.2.0"
    assert (tmp_path / "app.new" / "VERSION").read_text() == "0.2.0"


def test_tampered_target_is_rejected_and_not_kept(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    archive = update_repo.archive("0.2.0")
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same length, one byte changed
    archive.write_bytes(bytes(data))
    c = client(update_repo, tmp_path / "state")
    assert c.check() == "0.2.0"  # the metadata is genuine
    with pytest.raises(UpdateError, match="篡改"):
        c.download()
    assert not list((tmp_path / "state" / "partial").glob("*.part"))  # not resumed later
    assert not list((tmp_path / "state" / "targets").iterdir())


def test_target_larger_than_signed_length_is_cut_off(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    with update_repo.archive("0.2.0").open("ab") as f:
        f.write(b"\0" * 500_000)  # endless-data attack
    c = client(update_repo, tmp_path / "state")
    c.check()
    with pytest.raises(UpdateError, match="比签名元数据声明的大"):
        c.download()


@pytest.mark.parametrize("role", ["timestamp", "snapshot", "targets"])
def test_tampered_metadata_is_rejected(update_repo, tiny_bundle, tmp_path, role):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    path = update_repo.root / "metadata" / f"{role}.json"
    doc = json.loads(path.read_text())
    doc["signed"]["expires"] = "2099-01-01T00:00:00Z"  # a change the signature does not cover
    path.write_text(json.dumps(doc))
    with pytest.raises(UpdateError, match="签名无效"):
        client(update_repo, tmp_path / "state").check()


def test_expired_metadata_is_rejected(update_repo, tiny_bundle, tmp_path):
    expired = {"root": 365, "targets": 90, "snapshot": 90, "timestamp": -1}
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0", expiration_days=expired)
    with pytest.raises(UpdateError, match="过期"):
        client(update_repo, tmp_path / "state").check()


def test_freeze_a_stale_timestamp_stops_being_trusted(update_repo, tiny_bundle, tmp_path):
    """The server goes on serving the same (genuine) timestamp; once it expires, refuse."""
    short = {"root": 365, "targets": 90, "snapshot": 90, "timestamp": 3 / 86400}
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0", expiration_days=short)
    state = tmp_path / "state"
    assert client(update_repo, state).check() == "0.2.0"
    time.sleep(4)
    with pytest.raises(UpdateError, match="过期"):
        client(update_repo, state).check()


def test_rollback_to_older_metadata_is_rejected(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    old = tmp_path / "old-metadata"
    shutil.copytree(update_repo.root / "metadata", old)
    publish(update_repo, tiny_bundle("0.3.0"), "0.3.0")
    state = tmp_path / "state"
    assert client(update_repo, state).check() == "0.3.0"
    shutil.rmtree(update_repo.root / "metadata")
    shutil.copytree(old, update_repo.root / "metadata")  # the mirror serves last week's repo
    with pytest.raises(UpdateError, match="回滚"):
        client(update_repo, state).check()


def test_an_older_version_is_never_offered(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    assert client(update_repo, tmp_path / "state", version="0.3.0").check() is None
    assert client(update_repo, tmp_path / "state2", version="0.2.0").check() is None


def test_a_repository_without_versions_says_so(update_repo, tmp_path):
    with pytest.raises(UpdateError, match="还没有任何版本"):
        client(update_repo, tmp_path / "state").check()


def test_an_empty_folder_is_not_a_repository(update_repo, tmp_path):
    shutil.rmtree(update_repo.root / "metadata")
    with pytest.raises(UpdateError, match="为空或地址不对"):
        client(update_repo, tmp_path / "state").check()


def test_download_resumes_from_the_part_already_held(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0", size=600_000), "0.2.0")
    whole = update_repo.archive("0.2.0").read_bytes()
    c = client(update_repo, tmp_path / "state")
    assert c.check() == "0.2.0"
    url = update_repo.url + "/targets/counter-desk-0.2.0.tar.gz"
    part = c.fetcher.part_path(url)
    part.parent.mkdir(parents=True)
    part.write_bytes(whole[: len(whole) // 2])  # the line dropped half-way last time
    assert c.download().read_bytes() == whole
    assert c.fetcher.resumed_from[url] == len(whole) // 2
    assert ("/targets/counter-desk-0.2.0.tar.gz", f"bytes={len(whole) // 2}-") in (
        update_repo.requests_seen
    )
    assert not part.exists()


def test_a_corrupt_part_is_discarded_and_the_next_try_succeeds(update_repo, tiny_bundle, tmp_path):
    publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    whole = update_repo.archive("0.2.0").read_bytes()
    state = tmp_path / "state"
    c = client(update_repo, state)
    c.check()
    part = c.fetcher.part_path(update_repo.url + "/targets/counter-desk-0.2.0.tar.gz")
    part.parent.mkdir(parents=True)
    part.write_bytes(b"x" * (len(whole) // 3))
    with pytest.raises(UpdateError, match="篡改"):
        c.download()
    again = client(update_repo, state)
    again.check()
    assert again.download().read_bytes() == whole


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=2000) | st.text(max_size=300).map(str.encode))
def test_any_bytes_as_timestamp_give_a_message(update_repo, tiny_bundle, tmp_path, junk):
    if not (update_repo.root / "targets" / "counter-desk-0.2.0.tar.gz").exists():
        publish(update_repo, tiny_bundle("0.2.0"), "0.2.0")
    (update_repo.root / "metadata" / "timestamp.json").write_bytes(junk)
    state = tmp_path / "fuzz-state"
    shutil.rmtree(state, ignore_errors=True)
    with pytest.raises(UpdateError) as err:
        client(update_repo, state).check()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value))
