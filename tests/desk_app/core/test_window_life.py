"""After acceptance, at the desk, against the real reference center on loopback: the back
office's events seen within one refresh, handover (applicant, agent, wrong person), mail,
the window's list with working days left on a fixed clock, and ``desk-app cases``."""

from __future__ import annotations

import json
import random
import subprocess
from datetime import date

import pytest

from desk_app.cli import main
from desk_app.core.app_paths import AppPaths
from desk_app.core.center_client import CenterClient
from desk_app.core.crypto import sha256_hex
from desk_app.core.keystore import Keystore
from desk_app.core.sending.outbox import Outbox
from desk_app.core.sending.sync import Backoff, SyncService
from desk_app.core.window_day.handover import (
    CANNOT_CHECK_OFFLINE,
    NEEDS_PROXY_LETTER,
    NOT_THE_APPLICANT,
    SELF_AS_AGENT,
    Handover,
    HandoverRefused,
    mail_label,
)
from desk_app.core.window_day.window_cases import (
    CenterCaseCache,
    case_cache_path,
    find,
    window_cases,
)
from forms.catalog import load_catalog
from forms.working_days import WorkingCalendar
from tests.support.live_center import drain

pytestmark = pytest.mark.realstack
STRANGER = "610113198807150024"  # another demo person's valid number
SIGNATURE = b"\x89PNG\r\n\x1a\n collector's signature " + random.Random(9).randbytes(3000)


@pytest.fixture
def center(live_center):
    return live_center


@pytest.fixture
def paths(tmp_path):
    return AppPaths.under(tmp_path / "root").ensure()


@pytest.fixture
def outbox(paths):
    box = Outbox.open(paths, Keystore())
    yield box
    box.close()


@pytest.fixture
def cache(paths):
    return CenterCaseCache(case_cache_path(paths.cache_dir))


@pytest.fixture
def sync(outbox, center, cache):
    client = center.client()
    service = SyncService(
        outbox, client, backoff=Backoff(0.01, 0.05), rng=random.Random(0), case_cache=cache
    )
    yield service
    service.stop()
    client.close()


@pytest.fixture
def approver(center):
    client = CenterClient(center.url)
    client.login("approver01", "demo1234", "W01")
    yield client
    client.close()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _sealed(center, outbox, sync, seed: int):
    draft, blobs = center.case(random.Random(seed))
    outbox.seal(draft, blobs)
    drain(sync)
    return draft, outbox.get(draft.uuid).official_number


def _decide(approver, number: str) -> None:
    for event, note in (("start_review", ""), ("approve", "准予"), ("result_ready", "")):
        approver.post_case_event(number, {"event": event, "note": note}, f"{number}-{event}")


def _calendar(center) -> WorkingCalendar:
    client = center.client()
    try:
        return WorkingCalendar.from_api([client.calendar(2026), client.calendar(2027)])
    finally:
        client.close()


def test_the_back_office_life_is_seen_at_the_desk_within_one_refresh(
    center, outbox, sync, approver, cache, catalog
):
    draft, number = _sealed(center, outbox, sync, 21)
    events = []
    sync.add_listener(events.append)
    sync.refresh_statuses()  # the first pull sets the watermark
    events.clear()
    for event, note, status, words in (
        ("start_review", "", "in_review", "审批中"),
        ("request_correction", "请补正照片", "correction_requested", "待补正"),
        ("receive_correction", "", "in_review", "审批中"),
        ("approve", "准予补领", "approved", "办结（准予许可）"),
        ("result_ready", "", "ready", "待领取"),
    ):
        approver.post_case_event(number, {"event": event, "note": note}, f"{number}-{event}")
        assert sync.refresh_statuses() == 1, event
        assert outbox.get(draft.uuid).center_status == status
        assert events[-1].kind == "status_updated" and events[-1].reason == words
        assert events[-1].official_number == number
    assert sync.refresh_statuses() == 0  # nothing changed since
    # The handover, the center's record of it, and the desk's next look.
    clerk = center.client()
    handover = Handover(outbox, clerk, "W01")
    with pytest.raises(HandoverRefused) as refused:
        handover.collector(draft.uuid, "王芳", STRANGER, as_agent=False)
    assert str(refused.value) == NOT_THE_APPLICANT
    with pytest.raises(HandoverRefused, match="本人领取"):
        handover.collector(draft.uuid, draft.applicant.name, draft.applicant.id_number,
                           as_agent=True, proxy_letter=b"letter")
    collector = handover.collector(
        draft.uuid, draft.applicant.name, draft.applicant.id_number.lower(), as_agent=False
    )
    with pytest.raises(HandoverRefused, match="签名"):
        handover.hand_over(draft.uuid, number, collector, b"", f"{draft.uuid}-unsigned")
    outcome = handover.hand_over(draft.uuid, number, collector, SIGNATURE,
                                 f"{draft.uuid}-handover")
    assert outcome.queued and outcome.status == "collected"  # in the outbox, checked here
    rows = window_cases(outbox, cache, "W01", _calendar(center), catalog, date(2026, 12, 2))
    row = next(r for r in rows if r.uuid == draft.uuid)
    assert row.status == "collected" and row.unsent_event and "待上报" in row.status_label
    events.clear()
    drain(sync)
    assert events[-1].kind == "status_updated" and events[-1].reason == "已领取"
    view = clerk.get_case(number)
    assert view.status == "collected"
    case_json = clerk._json("GET", f"/cases/{number}")
    assert case_json["handed_out"]["by"] == "clerk01"
    assert case_json["handed_out"]["kind"] == "applicant"
    assert case_json["handed_out"]["signature_blob"] == sha256_hex(SIGNATURE)
    assert center.center_blob(sha256_hex(SIGNATURE)) == SIGNATURE  # kept with the event
    assert sync.refresh_statuses() == 0 and outbox.get(draft.uuid).center_status == "collected"
    rows = window_cases(outbox, cache, "W01", _calendar(center), catalog, date(2026, 12, 2))
    row = next(r for r in rows if r.uuid == draft.uuid)
    assert row.status_label == "已领取" and row.local and row.days_left is None
    stored = cache.path.read_text(encoding="utf-8")
    assert draft.applicant.id_number not in stored and draft.applicant.name not in stored
    clerk.close()


def test_handover_to_an_agent_needs_the_proxy_letter(center, outbox, sync, approver):
    draft, number = _sealed(center, outbox, sync, 22)
    _decide(approver, number)
    clerk = center.client()
    handover = Handover(outbox, clerk, "W01")
    with pytest.raises(HandoverRefused) as refused:
        handover.collector(draft.uuid, "王芳", STRANGER, as_agent=True)
    assert str(refused.value) == NEEDS_PROXY_LETTER
    letter = b"%PDF-1.7 authorisation letter " + random.Random(3).randbytes(2000)
    collector = handover.collector(draft.uuid, "王芳", STRANGER, as_agent=True,
                                   proxy_letter=letter)
    assert handover.hand_over(draft.uuid, number, collector, SIGNATURE,
                              f"{draft.uuid}-agent").queued
    drain(sync)
    view = clerk._json("GET", f"/cases/{number}")
    assert view["status"] == "collected" and view["handed_out"]["kind"] == "agent"
    assert view["handed_out"]["proxy_blobs"] == [sha256_hex(letter)]
    assert center.center_blob(sha256_hex(letter)) == letter
    assert STRANGER not in json.dumps(view) and view["handed_out"]["name_masked"] == "王*"
    clerk.close()


def test_a_purged_record_leaves_the_check_to_the_center(center, outbox, sync, approver):
    draft, number = _sealed(center, outbox, sync, 23)
    _decide(approver, number)
    clerk = center.client()
    handover = Handover(outbox, clerk, "W01")
    with outbox._lock:  # the local record purged (as after purge_after_days)
        outbox._conn.execute("UPDATE entries SET payload=NULL WHERE uuid=?", (draft.uuid,))
    wrong = handover.collector(draft.uuid, "王芳", STRANGER, as_agent=False)  # no local check
    offline = Handover(outbox, CenterClient("http://127.0.0.1:9", token="t", timeout=(0.5, 1)))
    with pytest.raises(HandoverRefused) as refused:  # nobody can check: not handed out
        offline.hand_over(draft.uuid, number, wrong, SIGNATURE, f"{draft.uuid}-offline")
    assert str(refused.value) == CANNOT_CHECK_OFFLINE
    with pytest.raises(HandoverRefused) as refused:
        handover.hand_over(draft.uuid, number, wrong, SIGNATURE, f"{draft.uuid}-wrong")
    assert str(refused.value) == NOT_THE_APPLICANT
    assert outbox.list_entries(kind="case_event") == []  # the center's check: nothing queued
    assert SELF_AS_AGENT  # (the other refusal needs the local record)
    clerk.close()


def test_mail_with_a_waybill_and_its_label(center, outbox, sync, approver):
    draft, number = _sealed(center, outbox, sync, 24)
    clerk = center.client()
    handover = Handover(outbox, clerk, "W01")
    with pytest.raises(HandoverRefused, match="待领取"):  # not decided yet
        handover.mail(draft.uuid, number, "SF1234567890", "顺丰", f"{draft.uuid}-early",
                      status="accepted")
    _decide(approver, number)
    with pytest.raises(HandoverRefused, match="运单号"):
        handover.mail(draft.uuid, number, "12", "顺丰", f"{draft.uuid}-bad")
    assert handover.mail(draft.uuid, number, "SF1234567890", "顺丰", f"{draft.uuid}-mail").queued
    drain(sync)
    view = clerk._json("GET", f"/cases/{number}")
    assert view["status"] == "mailed" and view["handed_out"]["waybill"] == "SF1234567890"
    label = mail_label(outbox.record(draft.uuid)["request"], "SF1234567890")
    assert label[0] == f"收件人：{draft.applicant.name}" and "南大街" in label[2]
    clerk.close()


def test_working_days_left_and_overdue_on_a_fixed_clock(center, outbox, cache, catalog):
    calendar = _calendar(center)  # the center's 2026 holidays (国庆 10-01..07, 10-10 works)
    item = catalog.item("11610100MB0002345M20001200010000")  # 社会保障卡补领
    cache.merge(
        [
            {
                "uuid": "c-1",
                "number": "6101002026093000000001",
                "window_id": "W01",
                "status": "in_review",
                "applicant_masked": "张*",
                "items": [item.code],
                "item_names": [item.name],
                "promised_date": "2026-10-08",
                "received_at": "2026-09-30T10:00:00+08:00",
                "updated_at": "2026-09-30T10:00:00+08:00",
                "deferred_owed": [
                    {"material_code": "LAYOUT", "name": "平面图", "due_date": "2026-10-09"}
                ],
            },
            {**_done_row(), "uuid": "c-2", "number": "6101002026093000000002"},
        ],
        "2026-09-30T10:00:00+08:00",
    )

    def row(today: date):
        rows = window_cases(outbox, cache, "W01", calendar, catalog, today)
        return {r.uuid: r for r in rows}

    before = row(date(2026, 9, 30))["c-1"]
    assert before.days_left == 1 and not before.overdue  # 10-01..10-07 are holidays
    on_the_day = row(date(2026, 10, 8))["c-1"]
    assert on_the_day.days_left == 0 and not on_the_day.overdue
    later = row(date(2026, 10, 12))
    # 10-09 (Fri), 10-10 (the make-up Saturday) and 10-12 (Mon) have passed: 3 days late.
    assert later["c-1"].days_left == -3 and later["c-1"].overdue
    assert later["c-1"].deferred_owed[0].days_left == -2
    assert later["c-1"].legal_deadline == calendar.add_working_days(
        date(2026, 9, 30), item.legal_days
    ).isoformat()
    assert not later["c-2"].overdue and later["c-2"].days_left is None  # decided: no clock
    assert [c.uuid for c in find(list(later.values()), "00000002")] == ["c-2"]


def _done_row() -> dict:
    return {
        "window_id": "W01",
        "status": "collected",
        "applicant_masked": "李*",
        "items": ["11610100MB0002345M20001200010000"],
        "promised_date": "2026-10-08",
        "received_at": "2026-09-30T09:00:00+08:00",
        "updated_at": "2026-10-09T09:00:00+08:00",
        "deferred_owed": [],
    }


def test_desk_app_cases_list_and_show(center, outbox, sync, approver, paths, capsys):
    draft, number = _sealed(center, outbox, sync, 25)
    approver.post_case_event(number, {"event": "start_review"}, f"{number}-cli")
    sync.refresh_statuses()
    outbox.close()  # the CLI opens it itself

    def run(*args: str) -> subprocess.CompletedProcess:
        code = main(["--data-root", str(paths.data_dir.parent), "cases", *args])
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    listed = run("list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {r["number"]: r for r in json.loads(listed.stdout)}
    mine = rows[number]
    assert mine["status"] == "in_review" and mine["status_label"] == "审批中" and mine["local"]
    assert mine["applicant_masked"][0] == draft.applicant.name[0]
    shown = run("show", number, "--json")
    assert json.loads(shown.stdout)["queue"]["state"] == "done"
    by_qr = run("show", f"{center.url}/progress/{draft.uuid}", "--json")
    assert json.loads(by_qr.stdout)["number"] == number
    for text in (listed.stdout, shown.stdout):
        assert draft.applicant.name not in text and draft.applicant.id_number not in text
    missing = run("show", "NO-SUCH-CASE")
    assert missing.returncode == 2 and "没有编号" in missing.stderr


def test_ratings_are_not_counted_with_the_cases(center, outbox, sync):
    from desk_app.core.case_model import EvaluationDraft

    draft, _number = _sealed(center, outbox, sync, 26)
    outbox.seal_evaluation(EvaluationDraft("eva-" + draft.uuid[:8], draft.uuid, 5, 5, 5, 5))
    assert outbox.counts()["pending"] == 1  # the sender still sees the rating to send
    assert outbox.counts(("case", "supplement")) == {
        "pending": 0, "sending": 0, "done": 1, "needs_attention": 0
    }
