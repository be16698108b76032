"""Idempotency-Key handling shared by cases, supplements and evaluations.

The first answer for a key is stored with a hash of the validated body. A repeat with the
same body gets that answer again (200, ``Idempotent-Replayed: true``); a repeat with another
body is refused, because the client has reused a key for a different thing.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from center.models import IdempotentRequest
from center.problems import Problem

_KEY = re.compile(r"[\x21-\x7e]+")


def require_key(request: Request) -> str:
    key = request.headers.get("idempotency-key", "").strip()
    if not key:
        raise Problem(
            400, "idempotency-key-missing", "缺少 Idempotency-Key 请求头，无法保证不重复提交"
        )
    if len(key) > 128:
        raise Problem(400, "bad-request", "Idempotency-Key 过长（最多 128 个字符）")
    if not _KEY.fullmatch(key):
        raise Problem(400, "bad-request", "Idempotency-Key 只能由可见的 ASCII 字符组成")
    return key


def body_hash(body: BaseModel, *extra: str) -> str:
    canonical = json.dumps(
        [body.model_dump(mode="json"), *extra], sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def replay(db: Session, scope: str, key: str, digest: str) -> JSONResponse | None:
    row = db.get(IdempotentRequest, (scope, key))
    if row is None:
        return None
    if row.body_hash != digest:
        raise Problem(
            422,
            "idempotency-key-reused",
            "该 Idempotency-Key 已用于另一份不同的提交，请为新的提交生成新的键",
        )
    return JSONResponse(row.response, status_code=200, headers={"Idempotent-Replayed": "true"})


def remember(
    db: Session,
    scope: str,
    key: str,
    digest: str,
    status_code: int,
    response: dict[str, Any],
    now: datetime,
) -> None:
    db.add(
        IdempotentRequest(
            scope=scope,
            key=key,
            body_hash=digest,
            status_code=status_code,
            response=response,
            created_at=now,
        )
    )
