"""The case a clerk accepts, as the core holds it until the center has it.

Plain dataclasses (no Qt, no I/O). ``CaseDraft.to_payload`` builds the body of
``POST /cases`` exactly as docs/api-v1.md specifies; ``to_dict``/``from_dict`` round-trip
a draft through the (encrypted) outbox and export files.
"""

from __future__ import annotations

import uuid as uuid_lib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from forms.applicants import ApplicantKind, IdType
from forms.case_rules import Problem, check_case
from forms.spec import MODE_KINDS
from forms.vocabulary import DecisionKind, wire_values

MATERIAL_MODES = MODE_KINDS  # one list of modes, the catalog's
DECISION_KINDS = wire_values(DecisionKind)


class CaseModelError(ValueError):
    """A stored or imported case does not have the expected shape."""


@dataclass
class Applicant:
    """``kind`` is a ``forms.applicants.ApplicantKind`` value, ``id_type`` an ``IdType``
    (a legal person: "uscc", its 统一社会信用代码, and its 法定代表人)."""

    name: str
    id_number: str
    kind: str = ApplicantKind.PERSON.value
    id_type: str = IdType.RESIDENT.value
    phone: str = ""
    address: str = ""
    legal_representative: str = ""
    legal_representative_id_number: str = ""

    def to_payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind, "name": self.name, "id_type": self.id_type,
            "id_number": self.id_number, "phone": self.phone, "address": self.address,
        }
        if self.kind != ApplicantKind.PERSON:
            out["legal_representative"] = self.legal_representative
            out["legal_representative_id_number"] = self.legal_representative_id_number
        return out


@dataclass
class Agent:
    """A person's 代办人, or a legal person's 经办人 (relation "法定代表人" when it is them)."""

    name: str
    id_number: str
    phone: str = ""
    relation: str = ""
    id_type: str = IdType.RESIDENT.value

    def to_payload(self) -> dict[str, Any]:
        return {"name": self.name, "id_type": self.id_type, "id_number": self.id_number,
                "phone": self.phone, "relation": self.relation}


@dataclass
class MaterialRecord:
    item_code: str
    material_code: str
    name: str
    mode: str
    blob_digests: list[str] = field(default_factory=list)
    pages: int = 0
    due_date: date | None = None
    licence_number: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "item_code": self.item_code,
            "material_code": self.material_code,
            "name": self.name,
            "mode": self.mode,
            "blobs": list(self.blob_digests),
            "pages": self.pages,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "licence_number": self.licence_number,
        }


@dataclass
class Decision:
    kind: str = "accept"
    reason: str = ""


@dataclass
class CaseDraft:
    uuid: str
    window_id: str
    clerk_username: str
    ticket_number: str
    applicant: Applicant
    agent: Agent | None
    items: list[str]
    form: dict[str, Any]
    materials: list[MaterialRecord]
    decision: Decision

    @staticmethod
    def new_uuid() -> str:
        return str(uuid_lib.uuid4())

    def blob_digests(self) -> list[str]:
        """Every material file the case references, in order, without repeats."""
        seen: dict[str, None] = {}
        for material in self.materials:
            for digest in material.blob_digests:
                seen.setdefault(digest, None)
        return list(seen)

    def to_payload(self, provisional_number: str, accepted_at: datetime) -> dict[str, Any]:
        agent = self.agent.to_payload() if self.agent is not None else None
        return {
            "uuid": self.uuid,
            "provisional_number": provisional_number,
            "window_id": self.window_id,
            "ticket_number": self.ticket_number,
            "accepted_at": accepted_at.isoformat(),
            "items": list(self.items),
            "applicant": self.applicant.to_payload(),
            "agent": agent,
            "form": dict(self.form),
            "materials": [m.to_payload() for m in self.materials],
            "decision": {"kind": self.decision.kind, "reason": self.decision.reason},
        }

    def problems(self, catalog: Any) -> list[Problem]:
        """What the center would reject, checked before sealing (``forms.case_rules``,
        the center's own rules; only file-upload completeness is left to the center)."""
        payload = self.to_payload("", datetime.now().astimezone())
        return check_case(payload, catalog)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for material in data["materials"]:
            due = material["due_date"]
            material["due_date"] = due.isoformat() if due else None
        return data

    @classmethod
    def from_dict(cls, data: Any) -> CaseDraft:
        try:
            materials = []
            for raw in data["materials"]:
                due = raw.get("due_date")
                materials.append(
                    MaterialRecord(
                        item_code=str(raw["item_code"]),
                        material_code=str(raw["material_code"]),
                        name=str(raw["name"]),
                        mode=str(raw["mode"]),
                        blob_digests=[str(d) for d in raw.get("blob_digests", [])],
                        pages=int(raw.get("pages", 0)),
                        due_date=date.fromisoformat(due) if due else None,
                        licence_number=raw.get("licence_number"),
                    )
                )
            agent_raw = data.get("agent")
            return cls(
                uuid=str(data["uuid"]),
                window_id=str(data["window_id"]),
                clerk_username=str(data["clerk_username"]),
                ticket_number=str(data.get("ticket_number", "")),
                applicant=Applicant(**data["applicant"]),
                agent=Agent(**agent_raw) if agent_raw else None,
                items=[str(i) for i in data["items"]],
                form=dict(data.get("form", {})),
                materials=materials,
                decision=Decision(**data["decision"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CaseModelError(f"办件数据格式不正确：{type(exc).__name__}") from exc


@dataclass
class SupplementDraft:
    """A deferred (容缺) material supplied after its case was accepted."""

    uuid: str
    case_uuid: str
    item_code: str
    material_code: str
    blob_digests: list[str]

    def to_payload(self) -> dict[str, Any]:
        return {
            "item_code": self.item_code,
            "material_code": self.material_code,
            "blobs": list(self.blob_digests),
        }


@dataclass
class EvaluationDraft:
    """The applicant's 好差评 rating, queued like a case."""

    uuid: str
    case_uuid: str
    overall: int
    efficiency: int
    competence: int
    attitude: int
    reason: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            "case_uuid": self.case_uuid,
            "overall": self.overall,
            "efficiency": self.efficiency,
            "competence": self.competence,
            "attitude": self.attitude,
            "reason": self.reason,
            "channel": "counter",
        }


@dataclass
class CaseEventDraft:
    """出件 / 邮寄 recorded at the counter: the body of ``POST /cases/{number}/events``,
    queued so a handover while the center is offline is not lost, and sent once later."""

    uuid: str
    case_uuid: str
    case_number: str
    window_id: str
    body: dict[str, Any]
    blob_digests: list[str] = field(default_factory=list)  # signature, 授权委托书
