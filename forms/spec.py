"""The immutable pieces of a service guide: items, fields, materials, modes, bundles.

These are plain dataclasses built by the catalog loader from validated YAML (or from the
JSON the center publishes); every one round-trips through ``to_dict``/``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.vocabulary import MaterialForm, MaterialMode, wire_values

FIELD_TYPES = (
    "text", "textarea", "number", "money", "date", "select", "multiselect", "checkbox",
    "phone", "id_number", "uscc", "region", "address", "table",
)
MODE_KINDS = wire_values(MaterialMode)  # paper, scan, upload, licence, shared, pledge, deferred
MATERIAL_FORMS = wire_values(MaterialForm)  # original, copy, either
APPLICANT_TYPES = ("natural_person", "legal_person", "other_organisation")
DELIVERY_KINDS = ("window", "mail", "electronic")


@dataclass(frozen=True)
class ModeSpec:
    """One way a material may be satisfied (see domain.md, the modes table)."""

    kind: str
    licence_type: str | None = None  # for kind == "licence": which electronic licence
    days: int | None = None  # for kind == "deferred": default days to supply it

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.licence_type is not None:
            out["licence_type"] = self.licence_type
        if self.days is not None:
            out["days"] = self.days
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ModeSpec:
        return cls(kind=d["kind"], licence_type=d.get("licence_type"), days=d.get("days"))


@dataclass(frozen=True)
class Material:
    code: str
    name: str
    form: str = "original"  # "original" | "copy" | "either"
    copies: int = 1
    required_when: str | None = None  # None = always required; else a rule expression
    modes: tuple[ModeSpec, ...] = ()
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "form": self.form, "copies": self.copies,
            "required_when": self.required_when,
            "modes": [m.to_dict() for m in self.modes], "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Material:
        return cls(
            code=d["code"], name=d["name"], form=d.get("form", "original"),
            copies=int(d.get("copies", 1)), required_when=d.get("required_when"),
            modes=tuple(ModeSpec.from_dict(m) for m in d.get("modes", ())),
            note=d.get("note", ""),
        )


@dataclass(frozen=True)
class Check:
    """A cross-field check: ``rule`` must evaluate true, else ``message`` is shown."""

    rule: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "message": self.message}


@dataclass(frozen=True)
class FieldSpec:
    """One form field. ``key`` is canonical: the same key in two items is one question."""

    key: str
    label: str
    type: str = "text"
    required: bool = False
    required_when: str | None = None
    visible_when: str | None = None
    compute: str | None = None
    checks: tuple[Check, ...] = ()
    prefill: tuple[str, ...] = ()  # binding paths, first that has a value wins
    options: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    columns: tuple[FieldSpec, ...] = ()  # for type == "table"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "label": self.label, "type": self.type}
        if self.required:
            out["required"] = True
        for name in ("required_when", "visible_when", "compute", "minimum", "maximum"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.checks:
            out["checks"] = [c.to_dict() for c in self.checks]
        if self.prefill:
            out["prefill"] = list(self.prefill)
        if self.options:
            out["options"] = list(self.options)
        if self.help:
            out["help"] = self.help
        if self.columns:
            out["columns"] = [c.to_dict() for c in self.columns]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FieldSpec:
        return cls(
            key=d["key"], label=d["label"], type=d.get("type", "text"),
            required=bool(d.get("required", False)), required_when=d.get("required_when"),
            visible_when=d.get("visible_when"), compute=d.get("compute"),
            checks=tuple(Check(c["rule"], c["message"]) for c in d.get("checks", ())),
            prefill=tuple(d.get("prefill", ())), options=tuple(d.get("options", ())),
            minimum=d.get("minimum"), maximum=d.get("maximum"), help=d.get("help", ""),
            columns=tuple(cls.from_dict(c) for c in d.get("columns", ())),
        )


def _text_pairs(mapping: Any) -> tuple[tuple[str, str], ...]:
    """A str → str mapping from outside as pairs; anything else is a TypeError."""
    if not isinstance(mapping, dict):
        raise TypeError("pinyin")
    pairs = tuple(mapping.items())
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs):
        raise TypeError("pinyin")
    return pairs


@dataclass(frozen=True)
class Item:
    """A service item (事项) with every element of its service guide (办事指南)."""

    code: str
    name: str
    item_type: str
    department: str
    applicant_types: tuple[str, ...]
    legal_days: int
    promised_days: int
    fee: str = "0.00"  # yuan, decimal string; "0.00" = free
    result: str = ""  # what the applicant gets, e.g. 居民身份证; "" = no result document
    delivery: tuple[str, ...] = ("window",)
    conditions: tuple[str, ...] = ()
    materials: tuple[Material, ...] = ()
    fields: tuple[FieldSpec, ...] = ()
    keywords: tuple[str, ...] = ()
    frequency: int = 0  # relative popularity, boosts search ranking
    # readings of place/person names in the name pypinyin gets wrong: (("单县", "shan xian"),)
    pinyin: tuple[tuple[str, str], ...] = ()

    def material(self, code: str) -> Material:
        for m in self.materials:
            if m.code == code:
                return m
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "item_type": self.item_type,
            "department": self.department, "applicant_types": list(self.applicant_types),
            "legal_days": self.legal_days, "promised_days": self.promised_days,
            "fee": self.fee, "result": self.result, "delivery": list(self.delivery),
            "conditions": list(self.conditions),
            "materials": [m.to_dict() for m in self.materials],
            "fields": [f.to_dict() for f in self.fields],
            "keywords": list(self.keywords), "frequency": self.frequency,
            "pinyin": dict(self.pinyin),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Item:
        return cls(
            code=d["code"], name=d["name"], item_type=d["item_type"],
            department=d["department"], applicant_types=tuple(d["applicant_types"]),
            legal_days=int(d["legal_days"]), promised_days=int(d["promised_days"]),
            fee=str(d.get("fee", "0.00")), result=d.get("result", ""),
            delivery=tuple(d.get("delivery", ("window",))),
            conditions=tuple(d.get("conditions", ())),
            materials=tuple(Material.from_dict(m) for m in d.get("materials", ())),
            fields=tuple(FieldSpec.from_dict(f) for f in d.get("fields", ())),
            keywords=tuple(d.get("keywords", ())), frequency=int(d.get("frequency", 0)),
            pinyin=_text_pairs(d.get("pinyin", {})),
        )


@dataclass(frozen=True)
class Bundle:
    """一件事: several items taken together with one form and one set of materials."""

    code: str
    name: str
    item_codes: tuple[str, ...]
    description: str = ""
    keywords: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "item_codes": list(self.item_codes),
            "description": self.description, "keywords": list(self.keywords),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bundle:
        return cls(
            code=d["code"], name=d["name"], item_codes=tuple(d["item_codes"]),
            description=d.get("description", ""), keywords=tuple(d.get("keywords", ())),
        )
