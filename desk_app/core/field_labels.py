"""Chinese names for the field paths the center names in a refusal (``items[0]``,
``applicant.phone``, ``materials[1].mode``, a form key …), so a clerk never reads a
programmer's key. Unknown paths are shown as they are, never dropped."""

from __future__ import annotations

import re
from collections.abc import Mapping

PERSON_PARTS = {"name": "姓名", "id_number": "证件号码", "id_type": "证件类型",
                "phone": "联系电话", "address": "联系地址", "kind": "类别",
                "legal_representative": "法定代表人", "relation": "与申请人关系"}
MATERIAL_PARTS = {"mode": "提供方式", "blobs": "文件", "due_date": "补交期限",
                  "licence_number": "证照编号", "item_code": "所属事项",
                  "material_code": "材料编码", "pages": "页数", "name": "名称"}
TOP = {"items": "办理事项", "materials": "材料", "agent": "代办人（经办人）",
       "decision.kind": "受理决定", "decision.reason": "理由", "decision": "受理决定",
       "form": "表单", "applicant": "申请人", "ticket_number": "取号"}
_INDEXED = re.compile(r"^(items|materials)\[(\d+)\](?:\.(\w+))?")


def labels_from_catalog(catalog) -> dict[str, str]:
    """Form key → its label, over every item's fields (and the shared ones)."""
    labels = {key: spec.label for key, spec in getattr(catalog, "shared_fields", {}).items()}
    for item in getattr(catalog, "items", {}).values():
        for spec in item.fields:
            labels.setdefault(spec.key, spec.label)
    return labels


def path_label(path: str, form_labels: Mapping[str, str] | None = None) -> str:
    form_labels = form_labels or {}
    path = path.strip()
    indexed = _INDEXED.match(path)
    if indexed:
        what, index, part = indexed.groups()
        name = ("事项 " if what == "items" else "材料 ") + str(int(index) + 1)
        return name + (MATERIAL_PARTS.get(part, part) if part else "")
    who, _, part = path.partition(".")
    if who in ("applicant", "agent") and part in PERSON_PARTS:
        return ("申请人" if who == "applicant" else "代办人") + PERSON_PARTS[part]
    if path in TOP:
        return TOP[path]
    key = path.removeprefix("form.")
    return form_labels.get(key, path)


def readable_line(line: str, form_labels: Mapping[str, str] | None = None) -> str:
    """``applicant.phone：电话号码格式不对`` → ``申请人联系电话：电话号码格式不对``."""
    head, sep, rest = line.partition("：")
    if not sep or " " in head.strip() or len(head) > 80:
        return line
    return path_label(head, form_labels) + sep + rest
