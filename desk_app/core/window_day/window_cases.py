"""本窗口办件: this window's cases, from the outbox and the center's list merged, with the
working days left before each one's promised date.

A case sealed here is known from the outbox (its record, while kept); the center's list
adds what it knows (status after the back office moved it, cases purged here or filed at
another client of this window). The center's rows are kept in a small cache file so the
list — and ``desk-app cases list`` — still shows them offline. Nothing personal is kept in
it: the center sends the applicant's name masked, and no ID number.

Days left: ``WorkingCalendar.working_days_between(today, promised)``; a running case past
its promised date is overdue; past the items' ``legal_days`` (法定时限) it is also late
by law. ``today`` is passed in so a fixed clock can be tested.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk_app.core.masking import mask_name
from desk_app.core.sending.outbox_entries import OutboxError
from desk_app.core.window_day.handover import pending_events
from forms.vocabulary import CaseStatus
from forms.vocabulary import status_label as label
from forms.working_days import WorkingCalendar

log = logging.getLogger(__name__)
MAX_CACHED = 5000  # center rows kept: a busy window's several months


@dataclass
class DeferredDue:
    material_code: str
    name: str
    due_date: str | None
    days_left: int | None  # working days; negative: past due


@dataclass
class WindowCase:
    number: str  # official number, else the provisional one (before the center answered)
    uuid: str
    applicant_masked: str
    item_names: list[str]
    status: str
    status_label: str
    received_at: str
    promised_date: str | None
    days_left: int | None  # working days to the promised date (negative: overdue)
    overdue: bool
    legal_deadline: str | None = None
    past_legal_limit: bool = False
    deferred_owed: list[DeferredDue] = field(default_factory=list)
    local: bool = False  # its record is in this machine's outbox (receipt reprint from it)
    official: bool = True  # False until the center gave the official number
    unsent_event: bool = False  # its 出件 / 邮寄 waits in the outbox for the center
    window_id: str = ""  # the window that accepted it (a card's cases span the hall)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CenterCaseCache:
    """The center's rows of this window and the watermark of the last pull (JSON file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # the sync thread and a panel's refresh may both pull: one read-modify-write at a time
        self._lock = threading.Lock()

    def load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"since": None, "cases": {}}
        if not isinstance(data, dict) or not isinstance(data.get("cases"), dict):
            return {"since": None, "cases": {}}
        return data

    def merge(self, rows: Iterable[dict[str, Any]], since: str | None) -> None:
        with self._lock:
            self._merge(rows, since)

    def _merge(self, rows: Iterable[dict[str, Any]], since: str | None) -> None:
        data = self.load()
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("uuid"), str):
                data["cases"][row["uuid"]] = row
        if len(data["cases"]) > MAX_CACHED:  # keep the newest
            newest = sorted(data["cases"].values(), key=lambda r: str(r.get("received_at")))
            data["cases"] = {r["uuid"]: r for r in newest[-MAX_CACHED:]}
        data["since"] = since or data.get("since")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)

    def rows(self) -> list[dict[str, Any]]:
        """The rows that have the shape of the center's (a damaged or foreign one is left out)."""
        rows = (clean_row(r) for r in self.load()["cases"].values())
        return [r for r in rows if r is not None]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _iso_day(value: Any) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


def _texts(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def clean_row(row: Any) -> dict[str, Any] | None:
    """A center row as the list uses it, every field checked for its type."""
    if not isinstance(row, dict) or not _text(row.get("uuid")) or not _text(row.get("number")):
        return None
    owed = [
        {"material_code": d["material_code"], "name": _text(d.get("name")) or "",
         "due_date": _iso_day(d.get("due_date"))}
        for d in row.get("deferred_owed") or []
        if isinstance(d, dict) and _text(d.get("material_code"))
    ] if isinstance(row.get("deferred_owed"), list) else []
    return {
        "uuid": row["uuid"],
        "number": row["number"],
        "window_id": _text(row.get("window_id")),
        "status": _text(row.get("status")) or "accepted",
        "applicant_masked": _text(row.get("applicant_masked")) or "",
        "items": _texts(row.get("items")),
        "item_names": _texts(row.get("item_names")) or None,
        "promised_date": _iso_day(row.get("promised_date")),
        "received_at": _text(row.get("received_at")) or "",
        "updated_at": _text(row.get("updated_at")),
        "deferred_owed": owed,
    }


def _days_left(calendar: WorkingCalendar, today: date, due: str | None) -> int | None:
    if not due:
        return None
    try:
        return calendar.working_days_between(today, date.fromisoformat(due))
    except ValueError:
        return None


def _item_days(catalog: Any, codes: list[str], attr: str) -> int | None:
    days = []
    for code in codes:
        try:
            days.append(int(getattr(catalog.item(code), attr)))
        except (KeyError, AttributeError, TypeError, ValueError):
            continue
    return max(days) if days else None


def _item_names(catalog: Any, codes: list[str]) -> list[str]:
    names = []
    for code in codes:
        try:
            names.append(catalog.item(code).name)
        except (KeyError, AttributeError):
            names.append(code)
    return names


def _local_rows(outbox: Any, window_id: str) -> dict[str, dict[str, Any]]:
    """The outbox's cases of this window as center-shaped rows (masked on the way)."""
    rows: dict[str, dict[str, Any]] = {}
    for entry in outbox.list_entries(kind="case"):
        if entry.window_id != window_id:
            continue
        row: dict[str, Any] = {
            "uuid": entry.uuid,
            "window_id": entry.window_id,
            "number": entry.official_number or entry.provisional_number,
            "official": bool(entry.official_number),
            "status": entry.center_status or "accepted",
            "promised_date": entry.promised_date,
            "received_at": entry.sealed_at.isoformat(),
            "applicant_masked": "",
            "items": [],
            "deferred_owed": [],
            "decision": "",
            "local": not entry.purged,
        }
        if not entry.purged:
            try:
                request = outbox.record(entry.uuid)["request"]
            except (OutboxError, KeyError, ValueError):
                request = None
            if request:
                row["applicant_masked"] = mask_name(request["applicant"]["name"])
                row["items"] = list(request["items"])
                row["received_at"] = request.get("accepted_at") or row["received_at"]
                row["decision"] = request["decision"]["kind"]
                row["deferred_owed"] = [
                    {"material_code": m["material_code"], "name": m.get("name") or "",
                     "due_date": m.get("due_date")}
                    for m in request["materials"]
                    if m.get("mode") == "deferred"
                ]
        rows[entry.uuid] = row
    return rows


def supplied_materials(outbox: Any, case_uuid: str) -> set[str]:
    """Deferred materials of a case already sealed here as supplements."""
    codes = set()
    for entry in outbox.list_entries(kind="supplement"):
        if entry.parent_uuid == case_uuid and not entry.purged:
            try:
                codes.add(outbox.record(entry.uuid)["request"]["material_code"])
            except (OutboxError, KeyError, ValueError):
                continue
    return codes


def window_cases(
    outbox: Any,
    cache: CenterCaseCache | None,
    window_id: str,
    calendar: WorkingCalendar,
    catalog: Any,
    today: date,
) -> list[WindowCase]:
    """Every case of the window known here or at the center, newest first."""
    local = _local_rows(outbox, window_id)
    merged: dict[str, dict[str, Any]] = {}
    for row in cache.rows() if cache else []:
        if (row.get("window_id") or window_id) == window_id:
            merged[row["uuid"]] = {**row, "official": True, "local": False}
    for uuid, row in local.items():
        center = merged.get(uuid)
        if center:  # the center is the truth about status and owed materials
            merged[uuid] = {**row, **{k: center[k] for k in ("status", "deferred_owed",
                                                            "number", "promised_date")
                                      if center.get(k) is not None}, "official": True}
            merged[uuid]["applicant_masked"] = row["applicant_masked"] or center.get(
                "applicant_masked", "")
        else:
            merged[uuid] = row
    for uuid, status in pending_events(outbox).items():  # 出件 / 邮寄 sealed, not yet sent
        if uuid in merged:
            merged[uuid]["status"], merged[uuid]["unsent_event"] = status, True
    for uuid in local:
        supplied = supplied_materials(outbox, uuid)
        if supplied:
            merged[uuid]["deferred_owed"] = [
                d for d in merged[uuid]["deferred_owed"] if d["material_code"] not in supplied
            ]
    cases = [window_case(row, calendar, catalog, today) for row in merged.values()]
    return sorted(cases, key=lambda c: c.received_at, reverse=True)


def _accepted_day(received_at: str) -> date | None:
    try:
        return datetime.fromisoformat(received_at).date()
    except ValueError:
        return None


def window_case(
    row: dict[str, Any], calendar: WorkingCalendar, catalog: Any, today: date
) -> WindowCase:
    """One list row (the center's shape, or the outbox's) with its days left counted."""
    codes = list(row.get("items") or [])
    status = str(row.get("status") or "accepted")
    accepted = _accepted_day(str(row.get("received_at", "")))
    promised = row.get("promised_date")
    running = status in {s.value for s in CaseStatus if s.running}
    if promised is None and accepted and running:  # not yet at the center: count it here
        days = _item_days(catalog, codes, "promised_days")
        promised = calendar.add_working_days(accepted, days).isoformat() if days else None
    legal_days = _item_days(catalog, codes, "legal_days")
    legal = calendar.add_working_days(accepted, legal_days) if accepted and legal_days else None
    left = _days_left(calendar, today, promised) if running else None
    owed = [
        DeferredDue(d["material_code"], d.get("name") or d["material_code"], d.get("due_date"),
                    _days_left(calendar, today, d.get("due_date")))
        for d in row.get("deferred_owed") or []
    ] if status not in {s.value for s in CaseStatus if s.final} else []
    return WindowCase(
        number=str(row.get("number", "")),
        uuid=str(row["uuid"]),
        applicant_masked=str(row.get("applicant_masked") or ""),
        item_names=row.get("item_names") or _item_names(catalog, codes),
        status=status,
        status_label=label(status) + ("（待上报）" if row.get("unsent_event") else ""),
        received_at=str(row.get("received_at", "")),
        promised_date=promised,
        days_left=left,
        overdue=left is not None and left < 0,
        legal_deadline=legal.isoformat() if legal else None,
        past_legal_limit=bool(running and legal and today > legal),
        deferred_owed=owed,
        local=bool(row.get("local")),
        official=bool(row.get("official", True)),
        unsent_event=bool(row.get("unsent_event")),
        window_id=str(row.get("window_id") or ""),
    )


def find(cases: list[WindowCase], text: str) -> list[WindowCase]:
    """By case number (official or provisional, whole or its tail), e.g. from a receipt QR."""
    text = text.strip().rstrip("/").rsplit("/", 1)[-1]  # a receipt QR: …/progress/UUID
    wanted = text.upper()
    if not wanted:
        return cases
    exact = [c for c in cases if c.number.upper() == wanted or c.uuid == text]
    return exact or [c for c in cases if c.number.upper().endswith(wanted)]


def case_cache_path(cache_dir: Path) -> Path:
    """Where the desk keeps the center's rows of its window (the GUI and the CLI agree)."""
    return cache_dir / "window-cases.json"
