"""After sealing and sending, no file under the data or log dir holds personal data in clear."""

from __future__ import annotations

import logging
import random

import pytest

from desk_app.core.app_paths import AppPaths
from desk_app.core.keystore import Keystore
from desk_app.core.logging_setup import configure_logging
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from tests.support.live_center import drain

pytestmark = pytest.mark.serial


@pytest.fixture
def debug_log(tmp_path):
    paths = AppPaths.under(tmp_path / "client").ensure()
    root = logging.getLogger()
    old_level = root.level
    redactor = configure_logging(paths.log_dir, level=logging.DEBUG)
    root.setLevel(logging.DEBUG)  # urllib3 logs every URL at DEBUG
    yield paths, redactor
    for handler in list(root.handlers):
        if handler.get_name() == "counter-desk-file":
            root.removeHandler(handler)
            handler.close()
    root.setLevel(old_level)


@pytest.mark.realstack
def test_no_plain_personal_data_at_rest(live_center, debug_log):
    paths, redactor = debug_log
    center = live_center
    outbox = Outbox.open(paths, Keystore())
    client = center.client()
    try:
        rng = random.Random(11)
        draft, blobs = center.case(rng, name="欧阳娜娜")
        redactor.remember(draft.applicant.name)  # as the app does when the card is read
        redactor.remember(draft.applicant.address)
        outbox.seal(draft, blobs)
        log = logging.getLogger("desk_app.test")
        log.info("sealed case for %s (%s)", draft.applicant.name, draft.applicant.id_number)
        client.licences(draft.applicant.id_number)  # the ID number travels in a URL
        sync = SyncService(outbox, client, backoff=Backoff(base=0.01, cap=0.05))
        drain(sync)
        assert outbox.get(draft.uuid).state == "done"
    finally:
        outbox.close()
        client.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    secrets = {
        "name": draft.applicant.name.encode(),
        "id": draft.applicant.id_number.encode(),
        "phone": draft.applicant.phone.encode(),
        "address": draft.applicant.address.encode(),
    }
    files = [p for p in (paths.data_dir.rglob("*")) if p.is_file()]
    logs = [p for p in paths.log_dir.rglob("*") if p.is_file()]
    assert files and logs
    assert b"holder_id" in b"".join(p.read_bytes() for p in logs), "URL was logged (masked)"
    for path in files + logs:
        content = path.read_bytes()
        for what, value in secrets.items():
            assert value not in content, f"{what} in clear in {path.name}"
