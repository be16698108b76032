"""Typed outcomes of talking to the center, and the parsing of its answers.

Everything here is pure (bytes in, value or typed error out) so it can be fuzzed:
whatever a proxy, a broken gateway or a hostile network returns, the caller gets a
``dict`` or a ``CenterError`` subclass, never a stray ``ValueError``/``KeyError``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PROBLEM_PREFIX = "https://counter-desk/problems/"


class CenterError(Exception):
    """Base of every center failure; ``str(exc)`` is a Chinese message for the clerk."""

    @property
    def clerk_message(self) -> str:
        """What the UI shows (the same convention as ``devices.errors.DeviceError``)."""
        return str(self)


class Transient(CenterError):
    """Try again later: network down, timeout, reset, truncated answer, 5xx, 429."""


class TlsError(Transient):
    """The server's certificate does not verify against the configured CA bundle."""


class SessionExpired(CenterError):
    def __init__(self, message: str = "登录已过期，请重新登录") -> None:
        super().__init__(message)


class BadCredentials(CenterError):
    pass


class NotFound(CenterError):
    pass


@dataclass
class FieldError:
    field: str
    message: str


class Rejected(CenterError):
    """The center refused the request for good (validation, conflict): a person must act."""

    def __init__(
        self,
        reason: str,
        errors: list[FieldError] | None = None,
        *,
        problem: str = "",
        status: int = 422,
        extras: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.errors = errors or []
        self.problem = problem
        self.status = status
        self.extras = dict(extras or {})

    def summary(self) -> str:
        """One line for the outbox panel: the reason and each field's message."""
        parts = [self.reason] + [f"{e.field}：{e.message}" for e in self.errors]
        return "；".join(p for p in parts if p)


class OffsetMismatch(Rejected):
    """``PATCH /blobs`` at the wrong offset; ``offset`` is the center's current one."""

    def __init__(self, offset: int, **kwargs: Any) -> None:
        super().__init__("上传位置不一致", **kwargs)
        self.offset = offset


@dataclass
class Problem:
    status: int
    slug: str
    title: str
    detail: str
    errors: list[FieldError] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)


def parse_problem(status: int, body: bytes) -> Problem:
    """Read a problem+json body leniently: a gateway's HTML page still yields a Problem."""
    data: Any = None
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        return Problem(status=status, slug="", title="", detail="")
    raw_type = data.get("type")
    slug = raw_type.removeprefix(PROBLEM_PREFIX) if isinstance(raw_type, str) else ""
    errors: list[FieldError] = []
    raw_errors = data.get("errors")
    if isinstance(raw_errors, list):
        for item in raw_errors:
            if isinstance(item, dict):
                errors.append(FieldError(str(item.get("field", "")), str(item.get("message", ""))))
    title = data.get("title")
    detail = data.get("detail")
    return Problem(
        status=status,
        slug=slug,
        title=title if isinstance(title, str) else "",
        detail=detail if isinstance(detail, str) else "",
        errors=errors,
        extras={k: v for k, v in data.items() if k not in {"type", "title", "detail", "errors"}},
    )


def error_for(status: int, body: bytes) -> CenterError:
    """The typed error for a non-success HTTP answer."""
    problem = parse_problem(status, body)
    message = problem.detail or problem.title
    if status == 401:
        if problem.slug == "bad-credentials":
            return BadCredentials(message or "用户名或密码错误")
        return SessionExpired()
    if status in (429, 503) and problem.detail:
        # Throttled or busy: the center's own words say how long to wait (请 N 秒后再试).
        return Transient(problem.detail)
    if status >= 500 or status in (408, 425, 429):
        return Transient(f"受理中心暂时无法处理（HTTP {status}），稍后自动重试")
    if status == 404:
        return NotFound(message or "受理中心没有找到该资源")
    if status == 409 and problem.slug == "offset-mismatch":
        offset = problem.extras.get("offset")
        if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0:
            return OffsetMismatch(offset, problem=problem.slug, status=status)
    return Rejected(
        message or f"受理中心拒绝了请求（HTTP {status}）",
        problem.errors,
        problem=problem.slug,
        status=status,
        extras=problem.extras,
    )


def parse_json_object(body: bytes) -> dict[str, Any]:
    """A success body must be a JSON object; anything else means it was cut or mangled."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise Transient("受理中心的应答不完整，稍后自动重试") from exc
    if not isinstance(data, dict):
        raise Transient("受理中心的应答格式不对，稍后自动重试")
    return data


def require_str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise Transient(f"受理中心的应答缺少“{key}”，稍后自动重试")
    return value


def parse_offset(value: str | None) -> int:
    """An ``Upload-Offset`` header: a non-negative decimal integer."""
    if value is None or not value.strip().isdigit() or not value.strip().isascii():
        raise Transient("受理中心返回的上传位置无效，稍后自动重试")
    return int(value.strip())
