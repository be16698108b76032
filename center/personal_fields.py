"""Which stored fields are personal, and sealing/opening them (``CenterKeys``).

- a case's body: sealed whole; ``items`` and the decision kind stay clear (statistics and
  routing need them, they name nobody);
- a pre-application's ``applicant`` and ``form``;
- a licence's holder, holder name, number and fields; found by ``holder_hash``.

Each envelope's associated data names its table, row and field, so a sealed value copied
into another row does not open there. ``seal_clear_rows`` seals rows written before this
existed (run at every start; it does nothing once all are sealed).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from center.field_crypto import CenterKeys, is_envelope
from center.models import Case, Licence, PreApplication

LICENCE_PERSONAL = ("holder_id", "holder_name", "number", "fields")


def mask_name(name: str) -> str:
    return name if len(name) <= 1 else name[0] + "*" * (len(name) - 1)


def seal_case_body(keys: CenterKeys, uuid: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "sealed": keys.seal(body, f"cases:{uuid}:body"),
        "items": list(body.get("items") or []),
        "decision": (body.get("decision") or {}).get("kind"),
        # masked as on the hall's displays, so the window's list needs no decryption
        "applicant_masked": mask_name(str((body.get("applicant") or {}).get("name") or "")),
    }


def case_body(keys: CenterKeys, case: Case) -> dict[str, Any]:
    """The case's body as submitted (decrypted)."""
    stored = case.body or {}
    if is_envelope(stored.get("sealed")):
        return keys.open(stored["sealed"], f"cases:{case.uuid}:body")
    return stored  # a row written before encryption (sealed at the next start)


def holder_hash(keys: CenterKeys, holder_id: str) -> str:
    return keys.lookup_hash("holder", holder_id)


def seal_licence(keys: CenterKeys, row: dict[str, Any]) -> dict[str, Any]:
    """Column values for a new licence row from its clear fields."""
    personal = {k: row.get(k) for k in LICENCE_PERSONAL}
    clear = {k: v for k, v in row.items() if k not in LICENCE_PERSONAL}
    hashed = holder_hash(keys, str(personal["holder_id"]))
    return {
        **clear,
        **dict.fromkeys(LICENCE_PERSONAL),
        "holder_hash": hashed,
        "sealed": keys.seal(personal, f"licences:{hashed}:personal"),
    }


def licence_view(keys: CenterKeys, row: Licence) -> dict[str, Any]:
    personal = keys.open(row.sealed, f"licences:{row.holder_hash}:personal")
    return {
        "type": row.type,
        "name": row.name,
        "number": personal["number"],
        "holder_name": personal["holder_name"],
        "holder_id": personal["holder_id"],
        "issuer": row.issuer,
        "issued_on": row.issued_on.isoformat(),
        "valid_to": row.valid_to.isoformat() if row.valid_to else None,
        "level": row.level,
        "fields": personal["fields"],
    }


def seal_pre_application(keys: CenterKeys, code: str, applicant: Any, form: Any) -> dict:
    return {
        "applicant": keys.seal(applicant, f"pre_applications:{code}:applicant"),
        "form": keys.seal(form, f"pre_applications:{code}:form"),
    }


def open_pre_application(keys: CenterKeys, row: PreApplication) -> tuple[Any, Any]:
    return (
        keys.open(row.applicant, f"pre_applications:{row.code}:applicant"),
        keys.open(row.form, f"pre_applications:{row.code}:form"),
    )


def seal_clear_rows(db: Session, keys: CenterKeys) -> int:
    """Seal every row still holding personal fields in clear; returns how many."""
    sealed = 0
    # Only rows whose JSON text lacks an envelope's marker are loaded (cheap at each start).
    clear_cases = select(Case).where(cast(Case.body, String).not_like('%"sealed"%'))
    for case in db.scalars(clear_cases):
        if not is_envelope((case.body or {}).get("sealed")):
            case.body = seal_case_body(keys, case.uuid, case.body or {})
            sealed += 1
    clear_pre = select(PreApplication).where(
        cast(PreApplication.form, String).not_like('%"ct"%')
        | cast(PreApplication.applicant, String).not_like('%"ct"%')
    )
    for pre in db.scalars(clear_pre):
        if not is_envelope(pre.applicant) or not is_envelope(pre.form):
            applicant, form = open_pre_application(keys, pre)
            values = seal_pre_application(keys, pre.code, applicant, form)
            pre.applicant, pre.form = values["applicant"], values["form"]
            sealed += 1
    for lic in db.scalars(select(Licence).where(Licence.sealed.is_(None))):
        values = seal_licence(keys, {k: getattr(lic, k) for k in LICENCE_PERSONAL})
        for column in (*LICENCE_PERSONAL, "holder_hash", "sealed"):
            setattr(lic, column, values[column])
        sealed += 1
    return sealed


def rewrap_all(db: Session, keys: CenterKeys) -> int:
    """After adding a new active key: rewrap every envelope's data key (rotation)."""
    count = 0
    for case in db.scalars(select(Case)):
        body = dict(case.body or {})
        if is_envelope(body.get("sealed")) and body["sealed"]["kid"] != keys.active:
            body["sealed"] = keys.rewrap(body["sealed"], f"cases:{case.uuid}:body")
            case.body = body
            count += 1
    for pre in db.scalars(select(PreApplication)):
        for field in ("applicant", "form"):
            value = getattr(pre, field)
            if is_envelope(value) and value["kid"] != keys.active:
                setattr(pre, field, keys.rewrap(value, f"pre_applications:{pre.code}:{field}"))
                count += 1
    for lic in db.scalars(select(Licence).where(Licence.sealed.is_not(None))):
        if lic.sealed and lic.sealed["kid"] != keys.active:
            lic.sealed = keys.rewrap(lic.sealed, f"licences:{lic.holder_hash}:personal")
            count += 1
    return count
