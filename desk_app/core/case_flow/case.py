"""What the clerk has gathered for one case; a new case is a new ``Case``, never a reset."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Confirmation:
    """The applicant confirmed (and signed) *this* case: bound to its id."""

    case_id: str
    signature_png: bytes | None = None


@dataclass
class Case:
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    ticket_number: str = ""
    identity: Any = None           # devices.cards identity, or None when typed by hand
    # name, id_number, kind ("person" | "legal"), id_type, legal_representative
    applicant: dict[str, str] = field(default_factory=dict)
    agent: dict[str, str] | None = None
    agent_identity: Any = None     # the agent's (or 经办人's) card, when read
    licences: list[dict[str, Any]] = field(default_factory=list)  # pulled for the applicant
    pre_application: dict[str, Any] | None = None  # 网上预审: picked up by its code
    item_codes: list[str] = field(default_factory=list)
    form: dict[str, Any] = field(default_factory=dict)
    form_sources: dict[str, str] = field(default_factory=dict)
    materials: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # required materials not provided
    # the live objects the pages edit; form/materials/blobs/missing above follow them
    form_session: Any = None       # forms.form_session.FormSession of item_codes
    checklist: Any = None          # forms.materials.MaterialsChecklist of item_codes
    captured: dict[str, dict[str, Any]] = field(default_factory=dict)  # line key -> files
    licence_exempt: list[str] = field(default_factory=list)  # materials a licence covers
    decision_kind: str = "accept"
    decision_reason: str = ""
    # 一次性告知: materials provided but not sufficient, name -> what is needed instead
    insufficient: dict[str, str] = field(default_factory=dict)
    confirmation: Confirmation | None = None
    provisional_number: str = ""
    official_number: str = ""

    @property
    def sealed(self) -> bool:
        return bool(self.provisional_number)

    @property
    def signature_png(self) -> bytes | None:
        confirmation = self.confirmation
        if confirmation is None or confirmation.case_id != self.uuid:
            return None
        return confirmation.signature_png

    def owed(self) -> list[str]:
        """What a 一次性告知书 lists: the required materials not provided, then those chosen
        to be scanned or uploaded but never captured — each once."""
        uncaptured = [str(m.get("name", "")) for m in self.materials
                      if m.get("mode") in ("scan", "upload") and not m.get("blob_digests")]
        return list(dict.fromkeys(n for n in [*self.missing, *uncaptured] if n))

    def holder_id(self) -> str:
        """The number of the person or unit applying, as gathered so far."""
        return str(self.applicant.get("id_number", "")).strip().upper()

    def gathered(self) -> bool:
        """Anything of this applicant on the desk (what abandoning would throw away)."""
        return bool(self.identity is not None or self.holder_id() or self.item_codes
                    or self.pre_application or self.materials or self.blobs
                    or any(v not in (None, "", [], False) for v in self.form.values()))

    def prefill(self) -> dict[str, Any]:
        """Form bindings: card.* from the applicant's card, agent.* from the agent's."""
        from forms.form_session import agent_bindings

        values = dict(self.identity.to_prefill()) if self.identity is not None else {}
        if self.agent_identity is not None:
            values.update(agent_bindings(self.agent_identity.to_prefill()))
        for licence in self.licences:  # licence.<证照名>.<字段>, e.g. licence.居民户口簿.address
            for name, value in (licence.get("fields") or {}).items():
                values.setdefault(f"licence.{licence.get('name')}.{name}", value)
        return values
