"""What the clerk has gathered so far for the case on the desk."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CaseState:
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    ticket_number: str = ""
    identity: Any = None           # devices.cards identity, or None when typed by hand
    applicant: dict[str, str] = field(default_factory=dict)
    agent: dict[str, str] | None = None
    agent_identity: Any = None     # the agent's card, when read (帮办代办)
    licences: list[dict[str, Any]] = field(default_factory=list)  # pulled for the applicant
    pre_application: dict[str, Any] | None = None  # 网上预审: picked up by its code
    item_codes: list[str] = field(default_factory=list)
    form: dict[str, Any] = field(default_factory=dict)
    form_sources: dict[str, str] = field(default_factory=dict)
    materials: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    decision_kind: str = "accept"
    decision_reason: str = ""
    provisional_number: str = ""
    official_number: str = ""

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
