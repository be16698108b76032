"""A window's cases, newest first, in keyset pages; and the windows' day figures.

Keyset (not OFFSET) paging: a page is "the next ``limit`` cases older than the cursor's
(received_at, id)", which the index ``ix_cases_window_received`` answers directly, so the
thousandth page costs what the first does and a case filed meanwhile shifts nothing.

Who sees what: a clerk sees the window of the session; a role with ``read_hall``
(approver, hall manager) sees every window of the hall, or the one asked for.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from center.models import Case, CaseEvent, ClerkSession, DeferredMaterial, Evaluation
from center.problems import Problem
from center.roles import READ_HALL, may
from center.timekeeping import BEIJING, aware, iso
from forms.vocabulary import ACCEPTING, CaseStatus, status_label, wire_values

MAX_PAGE = 100
ACCEPTED_DECISIONS = sorted(k.value for k in ACCEPTING)
# a case's own statuses: "received" is only ever a timeline entry
LABELS = tuple(s for s in wire_values(CaseStatus) if s != CaseStatus.RECEIVED)
RUNNING = tuple(s.value for s in CaseStatus if s.running)


def scope_window(who: ClerkSession, window: str | None) -> str | None:
    """The window to list (None: the whole hall), or 403 for a window not the caller's."""
    if may(who, READ_HALL):
        return window or None
    if window and window != who.window_id:
        raise Problem(
            403,
            "other-window",
            f"只能查看本窗口（{who.window_id}）的办件，不能查看 {window[:32]} 窗口",
        )
    return who.window_id


def encode_cursor(received_at: datetime, case_id: int) -> str:
    raw = f"{aware(received_at).isoformat()}|{case_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, case_id = raw.partition("|")
        moment = datetime.fromisoformat(at)
        if moment.tzinfo is None:
            raise ValueError
        return moment, int(case_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise Problem(400, "bad-cursor", "翻页标记无效，请从第一页重新查询") from None


def parse_statuses(status: str | None) -> list[str]:
    wanted = [s.strip() for s in (status or "").split(",") if s.strip()]
    unknown = [s for s in wanted if s not in LABELS]
    if unknown:
        raise Problem(400, "bad-status", f"未知的办件状态：{unknown[0][:32]}")
    return wanted


def list_cases(
    db: Session,
    who: ClerkSession,
    *,
    window: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
    catalog: Any = None,
) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_PAGE))
    listed = scope_window(who, window)
    query = select(Case).where(Case.hall_id == who.hall_id)
    if listed:
        query = query.where(Case.window_id == listed)
    statuses = parse_statuses(status)
    if statuses:
        query = query.where(Case.status.in_(statuses))
    if since is not None:
        query = query.where(Case.updated_at >= since)
    if cursor:
        at, case_id = decode_cursor(cursor)
        query = query.where(
            or_(Case.received_at < at, and_(Case.received_at == at, Case.id < case_id))
        )
    query = query.order_by(Case.received_at.desc(), Case.id.desc()).limit(limit + 1)
    # Only the columns a row of the list shows: the body's JSON is read but its events and
    # deferred materials are fetched for this page in one query each (noload of the rest).
    rows = db.execute(
        query.with_only_columns(
            Case.id,
            Case.number,
            Case.uuid,
            Case.window_id,
            Case.status,
            Case.decision,
            Case.promised_date,
            Case.received_at,
            Case.updated_at,
            Case.body["applicant_masked"].as_string(),
            Case.body["items"],
        )
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    owed = _owed_by_case(db, [r[0] for r in rows if r[5] == "accept_deferred"])
    items = [_row_view(r, owed.get(r[0], []), catalog) for r in rows]
    next_cursor = encode_cursor(rows[-1][7], rows[-1][0]) if more and rows else None
    return {"window_id": listed, "cases": items, "next_cursor": next_cursor}


def _owed_by_case(db: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    if not ids:
        return {}
    found: dict[int, list[dict[str, Any]]] = {}
    for row in db.scalars(
        select(DeferredMaterial).where(
            DeferredMaterial.case_id.in_(ids), DeferredMaterial.received_at.is_(None)
        )
    ):
        found.setdefault(row.case_id, []).append(
            {
                "material_code": row.material_code,
                "name": row.name,
                "due_date": row.due_date.isoformat() if row.due_date else None,
            }
        )
    return found


def _item_names(codes: list[str], catalog: Any) -> list[str]:
    names = []
    for code in codes or []:
        try:
            names.append(catalog.item(code).name if catalog is not None else code)
        except KeyError:
            names.append(code)
    return names


def _row_view(row: Any, owed: list[dict[str, Any]], catalog: Any) -> dict[str, Any]:
    _id, number, uuid, window_id, status, decision, promised, received, updated, name, codes = row
    return {
        "number": number,
        "uuid": uuid,
        "window_id": window_id,
        "status": status,
        "status_label": status_label(status),
        "decision": decision,
        "applicant_masked": name or "",
        "items": list(codes or []),
        "item_names": _item_names(codes, catalog),
        "promised_date": promised.isoformat() if promised else None,
        "received_at": iso(received),
        "updated_at": iso(updated),
        "deferred_owed": owed,
    }


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=BEIJING)
    return start, start + timedelta(days=1)


def window_stats(db: Session, who: ClerkSession, day: date) -> dict[str, Any]:
    """The dashboard's figures for ``day`` (Beijing date), one row per window in scope."""
    listed = scope_window(who, None)
    start, end = _day_bounds(day)
    in_scope = [Case.hall_id == who.hall_id]
    if listed:
        in_scope.append(Case.window_id == listed)
    figures: dict[str, dict[str, Any]] = {}

    def add(name: str, query: Any) -> None:
        for window_id, value in db.execute(query):
            row = figures.setdefault(window_id, _empty_row(window_id))
            row[name] = round(float(value), 2) if name == "rating_average" else int(value)

    by_window = Case.window_id
    add(
        "accepted",
        select(by_window, func.count())
        .where(*in_scope, Case.received_at >= start, Case.received_at < end)
        .where(Case.decision.in_(ACCEPTED_DECISIONS))
        .group_by(by_window),
    )
    add(
        "pending",
        select(by_window, func.count())
        .where(*in_scope, Case.status.in_(RUNNING))
        .group_by(by_window),
    )
    add(
        "overdue",
        select(by_window, func.count())
        .where(*in_scope, Case.status.in_(RUNNING), Case.promised_date < day)
        .group_by(by_window),
    )
    add(
        "supplements_due",
        select(by_window, func.count())
        .join(DeferredMaterial, DeferredMaterial.case_id == Case.id)
        .where(*in_scope, DeferredMaterial.received_at.is_(None), DeferredMaterial.due_date <= day)
        .group_by(by_window),
    )
    add(
        "handed_out",
        select(by_window, func.count())
        .join(CaseEvent, CaseEvent.case_id == Case.id)
        .where(*in_scope, CaseEvent.event.in_(("handed_over", "mailed")))
        .where(CaseEvent.at >= start, CaseEvent.at < end)
        .group_by(by_window),
    )
    add(
        "ratings",
        select(by_window, func.count())
        .join(Evaluation, Evaluation.case_id == Case.id)
        .where(*in_scope, Evaluation.created_at >= start, Evaluation.created_at < end)
        .group_by(by_window),
    )
    add(
        "rating_average",
        select(by_window, func.avg(Evaluation.overall))
        .join(Evaluation, Evaluation.case_id == Case.id)
        .where(*in_scope, Evaluation.created_at >= start, Evaluation.created_at < end)
        .group_by(by_window),
    )
    if listed and listed not in figures:
        figures[listed] = _empty_row(listed)
    return {"date": day.isoformat(), "windows": [figures[w] for w in sorted(figures)]}


def _empty_row(window_id: str) -> dict[str, Any]:
    return {
        "window_id": window_id,
        "accepted": 0,
        "pending": 0,
        "overdue": 0,
        "supplements_due": 0,
        "handed_out": 0,
        "ratings": 0,
        "rating_average": None,
    }
