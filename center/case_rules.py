"""The center's checks of a submitted case beyond its JSON shape.

The rules themselves are ``forms.case_rules`` — the same the desk runs before sealing, so
a case the desk lets through is not rejected here for a reason the desk could have seen.
Only what only the center knows is added: that the Idempotency-Key is the case's UUID and
that every referenced file is fully uploaded (the blob store). Each failure is a Chinese
message for the clerk with the field it concerns, all collected at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from center.blob_store import BadDigest, check_digest
from center.schemas import CaseIn
from forms import case_rules

REFUSE_REASON_MAX = case_rules.REFUSE_REASON_MAX

Errors = list[dict[str, str]]


def check_blobs(
    errors: Errors, field: str, digests: list[str], is_complete: Callable[[str], bool]
) -> None:
    """For supplements: each digest well-formed and its file fully uploaded."""
    for j, digest in enumerate(digests):
        try:
            digest = check_digest(digest)
        except BadDigest:
            errors.append({"field": f"{field}[{j}]",
                           "message": "材料文件摘要格式不正确（应为 64 位十六进制 SHA-256）"})
            continue
        if not is_complete(digest):
            message = f"材料文件尚未上传完整（{digest[:12]}…），请等待上传完成后再提交"
            errors.append({"field": f"{field}[{j}]", "message": message})


def check_case(body: CaseIn, key: str, catalog: Any, is_complete: Callable[[str], bool]) -> Errors:
    errors: Errors = []
    if body.uuid != key:
        message = "案件 UUID 与 Idempotency-Key 不一致（两者应相同）"
        errors.append({"field": "uuid", "message": message})
    payload = body.model_dump(mode="json")
    problems = case_rules.check_case(payload, catalog, is_complete=is_complete)
    errors += [p.to_dict() for p in problems]
    return errors
