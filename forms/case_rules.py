"""The one rule set a case must pass, run by the desk before sealing and by the center on
receipt, so a case the center would reject cannot be sealed.

    problems = check_case(payload, catalog)            # desk, before sealing
    problems = check_case(payload, catalog, is_complete=blobs.is_complete)   # center

``payload`` is the body of ``POST /cases`` (API v1, what ``CaseDraft.to_payload`` builds);
only its meaning is checked here, the JSON shape is the center's pydantic schema. Each
:class:`Problem` names the field (``applicant.id_number``, ``materials[2].due_date``…) and
says in Chinese what is wrong. Everything is collected, so the clerk sees it all at once.

What is checked: the items exist and are not repeated; the applicant's kind is one the
items admit; the applicant's and agent's numbers are right for their ID types
(``forms.applicants``); a legal person / organisation has a 统一社会信用代码, a 法定代表人
and a 经办人 (the ``agent``) identified by a person's ID, and when the 经办人 is not the
法定代表人 the case carries the 授权委托书 (:data:`AUTHORISATION_MATERIAL`); each material
belongs to an item of the case and is provided in a way its item allows, with files for
scans/uploads, a due date for 容缺, a licence number for 电子证照; the decision agrees with
the materials (容缺受理 needs a deferred one, 告知承诺 a pledge one, 不予受理 a reason of at
most 200 characters; 一次性告知 needs nothing more: the notice lists what is not provided).

Left to the center (only it can know): whether each referenced file is fully uploaded —
pass ``is_complete`` there; the desk passes None and only the digests' shape is checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from forms.applicants import ApplicantKind, IdType, check_number, id_type_of, normalise_number
from forms.materials import mode_label
from forms.vocabulary import DecisionKind, wire_values

DECISIONS = wire_values(DecisionKind)
REFUSE_REASON_MAX = 200
NEEDS_BLOBS = frozenset({"scan", "upload"})
# the material a legal person's 经办人 brings when they are not the 法定代表人
AUTHORISATION_MATERIAL = "授权委托书"
REPRESENTATIVE_RELATION = "法定代表人"
_DIGEST = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def handler_is_representative(applicant: Mapping[str, Any],
                              agent: Mapping[str, Any] | None) -> bool:
    """Is the 经办人 at the counter the legal person's 法定代表人 (by number, else by name)?"""
    if not agent:
        return False
    rep_number = normalise_number(applicant.get("legal_representative_id_number") or "")
    if rep_number:
        return normalise_number(agent.get("id_number") or "") == rep_number
    rep = _text(applicant.get("legal_representative"))
    return bool(rep) and rep == _text(agent.get("name"))


def needs_authorisation(applicant: Mapping[str, Any], agent: Mapping[str, Any] | None) -> bool:
    """The 授权委托书 is required: an entity applies through someone else than its 法定代表人."""
    if applicant.get("kind", ApplicantKind.PERSON) == ApplicantKind.PERSON:
        return False  # a person's 代办 is governed by each item's own materials
    return not handler_is_representative(applicant, agent)


def rule_values(applicant: Mapping[str, Any], agent: Mapping[str, Any] | None) -> dict[str, Any]:
    """What the materials rules may ask about the case (``case.needs_authorisation``),
    to merge into ``FormSession.rule_values()`` before ``MaterialsChecklist.refresh``."""
    return {"case.needs_authorisation": needs_authorisation(applicant, agent)}


def _check_person_id(out: _Collector, who: str, label: str, person: Mapping[str, Any]) -> None:
    id_type = str(person.get("id_type") or IdType.RESIDENT)
    kind = id_type_of(id_type)
    if kind is not None and not kind.for_person:
        out.add(f"{who}.id_type", f"{label}须以个人证件登记，不能用{kind.label}")
        return
    message = check_number(id_type, str(person.get("id_number") or ""))
    if message:
        field = "id_type" if kind is None else "id_number"
        out.add(f"{who}.{field}", f"{label}证件号码有误：{message}")


def _check_applicant(out: _Collector, payload: Mapping[str, Any], items: list[Any]) -> None:
    applicant = payload.get("applicant") or {}
    agent = payload.get("agent") or None
    raw_kind = str(applicant.get("kind") or ApplicantKind.PERSON)
    try:
        kind = ApplicantKind(raw_kind)
    except ValueError:
        out.add("applicant.kind", f"申请人类别“{raw_kind[:32]}”不在可受理的类别中")
        return
    if not _text(applicant.get("name")):
        out.add("applicant.name", "请填写申请人名称" if kind.is_entity else "请填写申请人姓名")
    for item in items:
        if kind.catalog_type not in item.applicant_types:
            out.add("applicant.kind", f"事项“{item.name}”不受理{kind.label}申请")
    if kind is ApplicantKind.PERSON:
        _check_person_id(out, "applicant", "申请人", applicant)
    else:
        id_type = str(applicant.get("id_type") or "")
        if id_type != IdType.USCC:
            out.add("applicant.id_type", f"{kind.label}申请人须以统一社会信用代码登记")
        else:
            message = check_number(id_type, str(applicant.get("id_number") or ""))
            if message:
                out.add("applicant.id_number", f"统一社会信用代码有误：{message}")
        if not _text(applicant.get("legal_representative")):
            out.add("applicant.legal_representative", f"{kind.label}申请须填写法定代表人（负责人）")
        if agent is None:
            out.add("agent", "单位申请须登记到场经办人（读取经办人身份证件）")
    if agent is not None:
        if not _text(agent.get("name")):
            out.add("agent.name", "请填写代办人（经办人）姓名")
        _check_person_id(out, "agent", "代办人", agent)
        if kind is ApplicantKind.PERSON and \
                normalise_number(agent.get("id_number") or "") == \
                normalise_number(applicant.get("id_number") or ""):
            out.add("agent.id_number", "代办人与申请人是同一人，请取消代办")


def _check_material(out: _Collector, i: int, m: Mapping[str, Any], catalog: Any,
                    items: set[str], is_complete: Callable[[str], bool] | None) -> None:
    field = f"materials[{i}]"
    name = _text(m.get("name")) or str(m.get("material_code", ""))
    mode = m.get("mode")
    if m.get("item_code") not in items:
        out.add(f"{field}.item_code", f"材料所属事项不在本案件的事项中：{m.get('item_code')}")
    else:
        try:
            spec = catalog.item(m["item_code"]).material(m.get("material_code"))
        except KeyError:
            out.add(f"{field}.material_code", f"事项中没有这项材料：{m.get('material_code')}")
        else:
            allowed = [s.kind for s in spec.modes]
            if allowed and mode not in allowed:
                how = mode_label(str(mode)[:16])
                ways = "、".join(mode_label(k) for k in allowed)
                out.add(f"{field}.mode", f"材料“{name}”不能以{how}方式提供，可选：{ways}")
    blobs = list(m.get("blobs") or [])
    if mode in NEEDS_BLOBS and not blobs:
        out.add(f"{field}.blobs", f"材料“{name}”为扫描/上传方式，但没有附文件")
    if mode == "deferred" and not m.get("due_date"):
        out.add(f"{field}.due_date", f"容缺材料“{name}”须写明补交期限")
    if mode == "licence" and not _text(m.get("licence_number")):
        out.add(f"{field}.licence_number", f"电子证照材料“{name}”须写明证照编号")
    for j, digest in enumerate(blobs):
        if not isinstance(digest, str) or not _DIGEST.fullmatch(digest.lower()):
            out.add(f"{field}.blobs[{j}]", "材料文件摘要格式不正确（应为 64 位十六进制 SHA-256）")
        elif is_complete is not None and not is_complete(digest.lower()):
            out.add(f"{field}.blobs[{j}]",
                    f"材料文件尚未上传完整（{digest[:12]}…），请等待上传完成后再提交")


def _check_decision(out: _Collector, payload: Mapping[str, Any], catalog: Any,
                    items: list[Any]) -> None:
    decision = payload.get("decision") or {}
    kind = decision.get("kind")
    reason = _text(decision.get("reason"))
    materials = list(payload.get("materials") or [])
    modes = {m.get("mode") for m in materials}
    if kind not in DECISIONS:
        out.add("decision.kind", "请选择受理决定")
        return
    if kind == "refuse":
        if not reason:
            out.add("decision.reason", "不予受理必须填写理由")
        elif len(reason) > REFUSE_REASON_MAX:
            out.add("decision.reason", f"不予受理理由不能超过 {REFUSE_REASON_MAX} 字")
        return
    if kind == "incomplete":
        return  # what is missing is the materials not provided; the notice lists them
    if kind == "accept_deferred" and "deferred" not in modes:
        out.add("decision.kind", "容缺受理须至少有一项材料选为“容缺后补”")
    if kind == "accept_pledge" and "pledge" not in modes:
        out.add("decision.kind", "告知承诺受理须至少有一项材料选为“告知承诺”")
    if kind == "accept" and modes & {"deferred", "pledge"}:
        out.add("decision.kind", "有容缺或承诺材料时应选择容缺受理或告知承诺受理")
    applicant = payload.get("applicant") or {}
    if needs_authorisation(applicant, payload.get("agent") or None) and \
            any(_has_material(item, AUTHORISATION_MATERIAL) for item in items) and \
            not any(_text(m.get("name")) == AUTHORISATION_MATERIAL for m in materials):
        out.add("materials", f"经办人不是法定代表人，须收取{AUTHORISATION_MATERIAL}")


def _has_material(item: Any, name: str) -> bool:
    return any(m.name == name for m in item.materials)


def check_case(payload: Mapping[str, Any], catalog: Any, *,
               is_complete: Callable[[str], bool] | None = None) -> list[Problem]:
    """Everything wrong with the case, in the order of the payload; [] when it may be sealed."""
    out = _Collector()
    known: set[str] = set()
    items: list[Any] = []
    for i, code in enumerate(payload.get("items") or []):
        try:
            item = catalog.item(code)
        except KeyError:
            out.add(f"items[{i}]", f"事项编码不存在：{code}")
            continue
        if code in known:
            out.add(f"items[{i}]", f"事项重复：{code}")
            continue
        known.add(code)
        items.append(item)
    if not payload.get("items"):
        out.add("items", "请选择办理事项")
    _check_applicant(out, payload, items)
    for i, material in enumerate(payload.get("materials") or []):
        _check_material(out, i, material, catalog, known, is_complete)
    _check_decision(out, payload, catalog, items)
    return out.problems
