"""The checks a submitted case must pass beyond its JSON shape, each failure a Chinese
message for the clerk with the field it concerns. All failures are collected, so the
client can show everything wrong at once (一次性告知 applies to our own errors too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from center.blob_store import BadDigest, check_digest
from center.schemas import CaseIn, MaterialIn
from forms.validators import check_uscc, parse_id_number

ACCEPTING = {"accept", "accept_deferred", "accept_pledge"}
REFUSE_REASON_MAX = 200
NEEDS_BLOBS = {"scan", "upload"}

Errors = list[dict[str, str]]


def _err(errors: Errors, field: str, message: str) -> None:
    errors.append({"field": field, "message": message})


def check_person_number(id_type: str, number: str) -> str | None:
    """Chinese message when the number is wrong for its type, else None."""
    if id_type == "resident":
        result = parse_id_number(number)
        return None if result.ok else result.message
    if id_type == "uscc":
        result = check_uscc(number)  # a bad check char is only a warning: legacy codes exist
        return None if result.ok else result.message
    return None  # passports, permits...: no published check to apply


def check_blobs(
    errors: Errors, field: str, digests: list[str], is_complete: Callable[[str], bool]
) -> None:
    for j, digest in enumerate(digests):
        try:
            digest = check_digest(digest)
        except BadDigest:
            _err(errors, f"{field}[{j}]", "材料文件摘要格式不正确（应为 64 位十六进制 SHA-256）")
            continue
        if not is_complete(digest):
            _err(
                errors,
                f"{field}[{j}]",
                f"材料文件尚未上传完整（{digest[:12]}…），请等待上传完成后再提交",
            )


def _check_material(
    errors: Errors,
    i: int,
    m: MaterialIn,
    catalog: Any,
    items: set[str],
    is_complete: Callable[[str], bool],
) -> None:
    field = f"materials[{i}]"
    if m.item_code not in items:
        _err(errors, f"{field}.item_code", f"材料所属事项不在本案件的事项中：{m.item_code}")
    else:
        try:
            catalog.item(m.item_code).material(m.material_code)
        except KeyError:
            _err(errors, f"{field}.material_code", f"事项中没有这项材料：{m.material_code}")
    if m.mode in NEEDS_BLOBS and not m.blobs:
        _err(
            errors,
            f"{field}.blobs",
            f"材料“{m.name or m.material_code}”为扫描/上传方式，但没有附文件",
        )
    if m.mode == "deferred" and m.due_date is None:
        _err(errors, f"{field}.due_date", f"容缺材料“{m.name or m.material_code}”须写明补交期限")
    if m.mode == "licence" and not m.licence_number:
        _err(
            errors,
            f"{field}.licence_number",
            f"电子证照材料“{m.name or m.material_code}”须写明证照编号",
        )
    check_blobs(errors, f"{field}.blobs", m.blobs, is_complete)


def check_case(body: CaseIn, key: str, catalog: Any, is_complete: Callable[[str], bool]) -> Errors:
    errors: Errors = []
    if body.uuid != key:
        _err(errors, "uuid", "案件 UUID 与 Idempotency-Key 不一致（两者应相同）")
    known: set[str] = set()
    for i, code in enumerate(body.items):
        try:
            catalog.item(code)
        except KeyError:
            _err(errors, f"items[{i}]", f"事项编码不存在：{code}")
            continue
        if code in known:
            _err(errors, f"items[{i}]", f"事项重复：{code}")
        known.add(code)
    message = check_person_number(body.applicant.id_type, body.applicant.id_number)
    if message:
        _err(errors, "applicant.id_number", f"申请人证件号码有误：{message}")
    if body.agent is not None:
        message = check_person_number(body.agent.id_type, body.agent.id_number)
        if message:
            _err(errors, "agent.id_number", f"代办人证件号码有误：{message}")
    for i, m in enumerate(body.materials):
        _check_material(errors, i, m, catalog, known, is_complete)
    decision = body.decision
    modes = {m.mode for m in body.materials}
    if decision.kind == "refuse":
        if not decision.reason:
            _err(errors, "decision.reason", "不予受理必须填写理由")
        elif len(decision.reason) > REFUSE_REASON_MAX:
            _err(errors, "decision.reason", f"不予受理理由不能超过 {REFUSE_REASON_MAX} 字")
    if decision.kind == "accept_deferred" and "deferred" not in modes:
        _err(errors, "decision.kind", "容缺受理须至少有一项容缺（deferred）材料")
    if decision.kind == "accept_pledge" and "pledge" not in modes:
        _err(errors, "decision.kind", "告知承诺受理须至少有一项承诺（pledge）材料")
    return errors
