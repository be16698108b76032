"""Parsing what a page sends: bounded JSON bodies and the operations' parameters.

Outside bytes: every problem is a ``BadRequest`` with a Chinese message saying what to
send instead; no traceback, no echo of the input (it may hold personal data).
"""

from __future__ import annotations

import json
from typing import Any

MAX_JSON_BYTES = 256 * 1024
MAX_DEPTH = 8
MODES = ("document", "colour", "grey", "bw")
FORMATS = ("jpeg", "png", "pdf")
TEMPLATES = ("receipt", "ticket")


class BadRequest(ValueError):
    """The request is malformed; the message says how to fix it."""


def _depth(value: Any, limit: int) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def parse_json_object(body: bytes, limit: int = MAX_JSON_BYTES) -> dict[str, Any]:
    """An empty body is ``{}``; anything else must be one JSON object, bounded."""
    if not body.strip():
        return {}
    if len(body) > limit:
        raise BadRequest(f"请求体过大（上限 {limit // 1024} KB）")
    if body.count(b"[") + body.count(b"{") > 20_000:
        raise BadRequest("请求 JSON 结构过于复杂")
    try:
        value = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("请求体应为 UTF-8 编码的 JSON") from None
    except (ValueError, RecursionError):  # incl. numbers past Python's digit limit
        raise BadRequest("请求体不是有效的 JSON") from None
    if not isinstance(value, dict):
        raise BadRequest("请求体应为 JSON 对象（{...}）")
    if _depth(value, MAX_DEPTH) > MAX_DEPTH:
        raise BadRequest(f"请求 JSON 嵌套过深（最多 {MAX_DEPTH} 层）")
    return value


def choice(obj: dict[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
    value = obj.get(key, default)
    if not isinstance(value, str) or value not in allowed:
        raise BadRequest(f"字段 {key} 应为 {'、'.join(allowed)} 之一")
    return value


def seconds(obj: dict[str, Any], key: str, default: float, top: float) -> float:
    value = obj.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= top:
        raise BadRequest(f"字段 {key} 应为 0 到 {top:g} 之间的秒数")
    return float(value)


def flag(obj: dict[str, Any], key: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise BadRequest(f"字段 {key} 应为 true 或 false")
    return value


def bearer(header: str | None) -> str | None:
    if not header or len(header) > 200:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def identity_json(identity, today) -> dict[str, Any]:
    """The typed identity for the page; the photo only when the vendor library decoded it."""
    data = identity.to_json_dict(today)
    for key in ("photo_wlt_base64", "raw_text_base64"):
        data.pop(key, None)  # undecoded card bytes: nothing a page can use, not sent
    if not identity.photo_bmp:
        data.pop("photo_bmp_base64", None)
    return data
