"""The audit trail on a real file: chain, tampering, torn writes, no personal data."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.audit import (
    GENESIS,
    AuditError,
    AuditLog,
    load_audit_key,
    parse_record,
)

KEY = b"k" * 32
CST = timezone(timedelta(hours=8))
ID_NUMBER = "610104199001011234"


class StepClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=7)
        return self.now


def make_log(tmp_path, start=datetime(2026, 3, 1, 8, 30, tzinfo=CST)) -> AuditLog:
    return AuditLog.in_data_dir(tmp_path, id_key=KEY, window="W03", clock=StepClock(start))


def fill(log: AuditLog) -> None:
    log.record("login", clerk="clerk01")
    log.card_read(clerk="clerk01", card_type="resident", id_number=ID_NUMBER)
    log.record("seal", clerk="clerk01", target="3f2c6a1e-uuid")
    log.record("print_receipt", clerk="clerk01", target="3f2c6a1e-uuid",
               detail={"copies": 1})
    log.record("logout", clerk="clerk01")


def lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().splitlines(keepends=True)


def test_records_chain_and_verify_clean(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    records = list(log.records())
    assert [r.seq for r in records] == [1, 2, 3, 4, 5]
    assert records[0].prev == GENESIS
    assert all(b.prev == a.hash for a, b in itertools.pairwise(records))
    assert [r.action for r in records] == ["login", "card_read", "seal", "print_receipt",
                                           "logout"]
    assert records[3].detail == {"copies": 1} and records[3].window == "W03"
    assert log.verify() == []
    assert log.head() == (5, records[-1].hash)


def test_file_holds_no_personal_data_but_the_key_holder_can_match(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    text = log.path.read_text(encoding="utf-8")
    assert ID_NUMBER not in text and ID_NUMBER[-8:] not in text
    read = log.matches_card(ID_NUMBER.lower().replace("x", "X"), on=date(2026, 3, 1))
    assert [r.seq for r in read] == [2]
    assert read[0].detail == {"card_type": "resident"}
    assert log.matches_card(ID_NUMBER, on=date(2026, 3, 2)) == []
    assert log.matches_card("61010419900101123X") == []
    other_key = AuditLog(log.path, id_key=b"x" * 32)
    assert other_key.matches_card(ID_NUMBER) == []


@pytest.mark.parametrize("target,detail", [
    (ID_NUMBER, None), ("", {"phone": "13812345678"}), ("", {"note": f"id {ID_NUMBER}"}),
])
def test_personal_data_is_refused(tmp_path, target, detail):
    log = make_log(tmp_path)
    with pytest.raises(ValueError):
        log.record("export", clerk="clerk01", target=target, detail=detail)
    assert not log.path.exists()


def test_unknown_action_and_naive_clock_are_refused(tmp_path):
    with pytest.raises(ValueError):
        make_log(tmp_path).record("delete_everything", clerk="x")
    naive = AuditLog.in_data_dir(tmp_path, clock=lambda: datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        naive.record("login", clerk="x")


def test_card_read_without_key_is_a_clear_error(tmp_path):
    with pytest.raises(AuditError, match="审计密钥"):
        AuditLog.in_data_dir(tmp_path).card_read(clerk="c", card_type="resident",
                                                 id_number=ID_NUMBER)


def test_edited_record_is_detected(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    rows = lines(log)
    rows[2] = rows[2].replace(b'"seal"', b'"login"')
    log.path.write_bytes(b"".join(rows))
    problems = log.verify()
    assert [(p.line, p.kind) for p in problems] == [(3, "hash")]
    assert problems[0].tampering and "被改动" in problems[0].message


def test_rehashed_edit_still_breaks_the_chain(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    rows = lines(log)
    forged = json.loads(rows[1])
    forged["detail"]["card_type"] = "foreigner"
    record = parse_record(json.dumps(forged).encode())
    forged["hash"] = record.digest()
    rows[1] = (json.dumps(forged, ensure_ascii=False) + "\n").encode()
    log.path.write_bytes(b"".join(rows))
    assert [(p.line, p.kind) for p in log.verify()] == [(3, "chain")]


def test_deleted_middle_record_is_detected(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    rows = lines(log)
    del rows[2]
    log.path.write_bytes(b"".join(rows))
    kinds = {(p.line, p.kind) for p in log.verify()}
    assert kinds == {(3, "chain"), (3, "seq")}


def test_garbage_replacing_a_record_is_tampering_not_a_crash(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    rows = lines(log)
    rows[1] = b'{"seq": 2, "oops"\n'
    log.path.write_bytes(b"".join(rows))
    problems = log.verify()
    assert [(p.line, p.kind) for p in problems] == [(2, "unreadable"), (3, "chain"),
                                                      (3, "seq")]


def test_torn_last_line_is_reported_not_fatal_and_writing_goes_on(tmp_path):
    log = make_log(tmp_path)
    fill(log)
    whole = log.path.read_bytes()
    log.path.write_bytes(whole + b'{"seq": 6, "at": "2026-03-01T09:')  # power cut
    problems = log.verify()
    assert [(p.line, p.kind, p.tampering) for p in problems] == [(6, "torn", False)]
    assert log.head()[0] == 5
    after = log.record("login", clerk="clerk02")
    assert after.seq == 6
    assert [(p.line, p.kind) for p in log.verify()] == [(6, "torn")]
    assert [r.seq for r in log.records()] == [1, 2, 3, 4, 5, 6]


def test_show_since_uses_the_records_day(tmp_path):
    log = make_log(tmp_path, start=datetime(2026, 3, 1, 23, 40, tzinfo=CST))
    fill(log)  # 23:47, 23:54, 00:01 next day, ...
    assert [r.seq for r in log.records(since=date(2026, 3, 2))] == [3, 4, 5]


def test_big_file_tail_is_found_beyond_the_first_chunk(tmp_path):
    log = make_log(tmp_path)
    for i in range(30):
        log.record("export", clerk="clerk01", target=f"batch-{i}", detail={"pad": "x" * 4000})
    assert log.head()[0] == 30
    assert log.verify() == []


def _append_many(path: str, clerk: str) -> None:
    log = AuditLog(Path(path), window="W01")
    for _ in range(25):
        log.record("print_notice", clerk=clerk)


def test_two_processes_appending_keep_one_chain(tmp_path):
    path = tmp_path / "audit.jsonl"
    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    procs = [ctx.Process(target=_append_many, args=(str(path), f"c{i}")) for i in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    log = AuditLog(path)
    assert log.verify() == []
    assert log.head()[0] == 50


def test_unwritable_place_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    log = AuditLog(blocker / "audit.jsonl")
    with pytest.raises(AuditError) as err:
        log.record("login", clerk="c")
    assert "审计" in err.value.clerk_message


def test_key_from_keyring(isolated_machine):
    with pytest.raises(AuditError):
        load_audit_key(create=False)
    key = load_audit_key(create=True)
    assert len(key) == 32 and load_audit_key(create=False) == key
    isolated_machine.set_password("counter-desk", "audit-id-key", "not base64!")
    with pytest.raises(AuditError, match="损坏"):
        load_audit_key(create=True)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.binary(max_size=600))
def test_any_line_parses_to_a_record_or_none(tmp_path, blob):
    assert parse_record(blob) is None or parse_record(blob).seq is not None


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(prefix=st.binary(max_size=300), junk=st.binary(max_size=300))
def test_any_file_contents_verify_to_problems_never_an_exception(tmp_path, prefix, junk):
    path = tmp_path / "fuzz.jsonl"
    log = AuditLog(path, id_key=KEY)
    path.write_bytes(prefix)
    log.record("login", clerk="c")
    with path.open("ab") as f:
        f.write(junk)
    problems = log.verify()
    assert all(p.line >= 1 and p.message for p in problems)
    list(log.records())
    log.record("logout", clerk="c")
    assert log.head()[0] >= 1


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> bytes:
    log = make_log(tmp_path_factory.mktemp("pristine"))
    fill(log)
    return log.path.read_bytes()


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(data=st.data())
def test_any_single_byte_change_is_reported_or_changes_nothing(tmp_path, pristine, data):
    """Tamper-evidence as a property: an edit either leaves every record as it was
    (e.g. other JSON whitespace) or ``verify`` reports a problem."""
    at = data.draw(st.integers(0, len(pristine) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != pristine[at]))
    edited = pristine[:at] + bytes([new]) + pristine[at + 1:]
    path = tmp_path / "edited.jsonl"
    path.write_bytes(edited)
    log = AuditLog(path)
    original = list(make_log_from(pristine, tmp_path).records())
    assert log.verify() or list(log.records()) == original


def make_log_from(content: bytes, folder) -> AuditLog:
    path = folder / "original.jsonl"
    path.write_bytes(content)
    return AuditLog(path)


@pytest.mark.benchmark
def test_bench_record_and_verify(tmp_path):
    """Appends with fsync per record, then a full verify; prints the figures."""
    import time

    log = AuditLog(tmp_path / "bench.jsonl", id_key=KEY, window="W01")
    n = 1000
    start = time.perf_counter()
    for i in range(n):
        if i % 4 == 0:
            log.card_read(clerk="clerk01", card_type="resident", id_number=ID_NUMBER)
        else:
            log.record("print_receipt", clerk="clerk01", target=f"case-{i}")
    append_s = time.perf_counter() - start
    start = time.perf_counter()
    problems = log.verify()
    verify_s = time.perf_counter() - start
    size = log.path.stat().st_size
    print(f"\naudit: {n} records appended in {append_s:.2f} s "
          f"({append_s / n * 1000:.2f} ms/record incl. fsync); "
          f"verify {verify_s * 1000:.0f} ms for {size / 1024:.0f} KiB "
          f"(~{verify_s / n * 1e6:.0f} µs/record)")
    assert problems == []


PHONE_RUN = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")


def test_a_card_digest_that_looks_like_a_phone_run_is_still_recorded(tmp_path):
    """Hex digests hold decimal runs (…a13812345678b…): the record must not be refused."""
    import hashlib
    import hmac

    log = AuditLog(tmp_path / "audit.jsonl", id_key=b"k" * 32)
    found = next(n for n in range(100_000) if PHONE_RUN.search(
        hmac.new(b"k" * 32, f"11010519491231{n:04d}".encode(), hashlib.sha256).hexdigest()))
    number = f"11010519491231{found:04d}"
    record = log.card_read(clerk="clerk01", card_type="resident", id_number=number)
    assert PHONE_RUN.search(record.target) and number not in record.target
    with pytest.raises(ValueError):
        log.record("export", clerk="clerk01", target="13812345678")  # a real phone still is

