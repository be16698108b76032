"""Cases as the center keeps them, for what the desk no longer holds itself:

- a 收件回执 reprint (补打) of a case whose local record was purged, or that was filed at
  another client, rebuilt from ``GET /cases/{number}/paper`` (names and numbers arrive
  masked, and the receipt masks them again — the same on paper);
- the card holder's open cases in the hall (``POST /cases/of-holder``), as list rows.

Both parse the center's bytes field by field: anything of the wrong shape is a clear
``CenterRecordError`` the clerk can act on, never a traceback.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desk_app.core.case_model import DECISION_KINDS, Agent, Applicant, CaseDraft, Decision
from desk_app.core.case_model import MaterialRecord as Material
from desk_app.core.sending.outbox_entries import OutboxError
from desk_app.core.window_day.window_cases import clean_row

MAX_TEXT = 200


class CenterRecordError(OutboxError):
    """The center's record of a case cannot be used; the message is for the clerk."""


BAD_RECORD = CenterRecordError("中心返回的办件记录不完整，无法补打回执：请联系技术人员。")


def _text(data: Any, key: str, default: str | None = None) -> str:
    value = data.get(key, default) if isinstance(data, dict) else default
    if value is None and default is not None:
        value = default
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise BAD_RECORD
    return value


def _person(data: Any) -> dict[str, str]:
    if not isinstance(data, dict):
        raise BAD_RECORD
    return {k: _text(data, k, "") for k in ("kind", "id_type", "name", "id_number", "relation")}


def _material(data: Any) -> Material:
    if not isinstance(data, dict):
        raise BAD_RECORD
    pages = data.get("pages") or 0
    if not isinstance(pages, int) or isinstance(pages, bool) or not 0 <= pages <= 10_000:
        raise BAD_RECORD
    due = data.get("due_date")
    try:
        due_day = datetime.fromisoformat(due).date() if isinstance(due, str) else None
    except ValueError as exc:
        raise BAD_RECORD from exc
    return Material(item_code=_text(data, "item_code"), material_code=_text(data, "material_code"),
                    name=_text(data, "name", ""), mode=_text(data, "mode"), pages=pages,
                    due_date=due_day)


def draft_from_paper(paper: Any) -> tuple[CaseDraft, datetime]:
    """The center's paper record as a draft the receipt is built from, and its time."""
    if not isinstance(paper, dict):
        raise BAD_RECORD
    try:
        accepted = datetime.fromisoformat(_text(paper, "accepted_at"))
    except ValueError as exc:
        raise BAD_RECORD from exc
    if accepted.tzinfo is None:
        raise BAD_RECORD
    decision = paper.get("decision")
    kind = _text(decision, "kind")
    if kind not in DECISION_KINDS:
        raise BAD_RECORD
    items, materials = paper.get("items"), paper.get("materials")
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items) or not items:
        raise BAD_RECORD
    if not isinstance(materials, list) or len(materials) > 500:
        raise BAD_RECORD
    applicant = _person(paper.get("applicant"))
    agent = _person(paper["agent"]) if paper.get("agent") is not None else None
    draft = CaseDraft(
        uuid=_text(paper, "uuid"),
        window_id=_text(paper, "window_id", ""),
        clerk_username="",
        ticket_number=_text(paper, "ticket_number", ""),
        applicant=Applicant(name=applicant["name"], id_number=applicant["id_number"],
                            kind=applicant["kind"] or "person",
                            id_type=applicant["id_type"] or "resident"),
        agent=Agent(agent["name"], agent["id_number"], relation=agent["relation"])
        if agent else None,
        items=list(items),
        form={},
        materials=[_material(m) for m in materials],
        decision=Decision(kind, _text(decision, "reason", "")),
    )
    return draft, accepted.astimezone()


def holder_rows(answer: Any) -> list[dict[str, Any]]:
    """The open cases of ``POST /cases/of-holder`` as the window list's rows."""
    rows = answer.get("cases") if isinstance(answer, dict) else None
    if not isinstance(rows, list):
        raise CenterRecordError("中心返回的办件列表格式不正确，请稍后重试。")
    return [r for r in (clean_row(row) for row in rows) if r is not None]
