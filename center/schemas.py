"""Request bodies of API v1 (pydantic). Shape checks only; the rules that need the catalog,
the blob store or the database live in ``center.case_rules``.

Unknown extra fields are ignored so a newer client keeps working against this center.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from forms.vocabulary import DecisionKind, MaterialMode, wire_values

# Dates a counter can mean. Outside them date arithmetic overflows (year 1, 9999) and the
# promised-date calendar knows nothing anyway.
FIRST_YEAR, LAST_YEAR = 2000, 2099


def _plausible(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_out_of_range",
            "日期超出合理范围（{first}–{last} 年）",
            {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return value


PlausibleDate = Annotated[date, AfterValidator(_plausible)]
PlausibleDateTime = Annotated[datetime, AfterValidator(_plausible)]


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class LoginIn(_In):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    window_id: str = Field(min_length=1, max_length=32)


class PersonIn(_In):
    """The applicant. ``kind`` and ``id_type`` are ``forms.applicants`` codes, checked (with
    the number by its type) in ``forms.case_rules`` so the message is the desk's own."""

    kind: str = Field(default="person", max_length=32)  # person | legal_person | organisation
    name: str = Field(min_length=1, max_length=128)
    id_type: str = Field(default="resident", max_length=32)
    id_number: str = Field(min_length=1, max_length=64)
    phone: str | None = Field(default=None, max_length=32)
    address: str | None = Field(default=None, max_length=256)
    # legal person / organisation only: its 法定代表人（负责人）
    legal_representative: str | None = Field(default=None, max_length=128)
    legal_representative_id_number: str | None = Field(default=None, max_length=64)


class AgentIn(_In):
    """A person's 代办人, or the 经办人 at the counter for a legal person (identified by card)."""

    name: str = Field(min_length=1, max_length=128)
    id_type: str = Field(default="resident", max_length=32)
    id_number: str = Field(min_length=1, max_length=64)
    phone: str | None = Field(default=None, max_length=32)
    relation: str | None = Field(default=None, max_length=64)


class MaterialIn(_In):
    item_code: str = Field(max_length=64)
    material_code: str = Field(max_length=64)
    name: str = Field(default="", max_length=128)
    mode: Literal[wire_values(MaterialMode)]  # type: ignore[valid-type]
    blobs: list[str] = Field(default_factory=list, max_length=200)
    pages: int | None = Field(default=None, ge=0, le=10000)
    due_date: PlausibleDate | None = None
    licence_number: str | None = Field(default=None, max_length=64)


class DecisionIn(_In):
    kind: Literal[wire_values(DecisionKind)]  # type: ignore[valid-type]
    reason: str = Field(default="", max_length=2000)


class CaseIn(_In):
    uuid: str = Field(min_length=1, max_length=64)
    provisional_number: str = Field(default="", max_length=64)
    window_id: str = Field(min_length=1, max_length=32)
    ticket_number: str | None = Field(default=None, max_length=16)
    accepted_at: PlausibleDateTime
    items: list[str] = Field(min_length=1, max_length=20)
    applicant: PersonIn
    agent: AgentIn | None = None
    form: dict[str, Any] = Field(default_factory=dict)
    materials: list[MaterialIn] = Field(default_factory=list, max_length=200)
    decision: DecisionIn


class SupplementIn(_In):
    material_code: str = Field(min_length=1, max_length=64)
    blobs: list[str] = Field(default_factory=list, max_length=200)
    note: str = Field(default="", max_length=500)


class EvaluationIn(_In):
    case_number: str | None = Field(default=None, max_length=40)
    case_uuid: str | None = Field(default=None, max_length=64)
    overall: int = Field(ge=1, le=5)
    efficiency: int | None = Field(default=None, ge=1, le=5)
    competence: int | None = Field(default=None, ge=1, le=5)
    attitude: int | None = Field(default=None, ge=1, le=5)
    reason: str = Field(default="", max_length=500)
    channel: Literal["counter", "pad", "online", "sms", "phone"] = "counter"


class TicketIn(_In):
    service: str = Field(default="综合受理", max_length=32)


class CallNextIn(_In):
    window_id: str = Field(min_length=1, max_length=32)


class TransferIn(_In):
    to_window: str = Field(min_length=1, max_length=32)
