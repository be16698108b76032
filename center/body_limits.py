"""Request bodies bounded as they stream, before any handler sees them.

``BodyLimits`` (pure ASGI middleware) answers:
- 413 at once for a Content-Length above the route's limit, and for a body (chunked or
  not) whose bytes exceed it *as they arrive*: reading stops there, so a 50 MB chunked body
  costs the center at most the limit, never the whole body;
- 400 for a Content-Length that is not a plain decimal number (RFC 9110 §8.6);
- 422 for JSON nested deeper than ``MAX_JSON_DEPTH`` (a recursive parser or serialiser
  must never meet a body built to exhaust its stack).

Blob PATCHes stream through unbuffered (up to 64 MiB); the blob store checks their bytes
against the announced Upload-Length itself.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from center.blob_store import MAX_BLOB_BYTES
from center.problems import problem_response

MAX_JSON_BYTES = 2 * 1024 * 1024  # a case body is a few KiB; materials travel as blobs
MAX_LOGIN_BYTES = 16 * 1024  # a login needs a few hundred bytes; refuse floods early
MAX_JSON_DEPTH = 32  # the deepest legitimate body (a case's form) is 4–5 levels

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_PAIR = re.compile(rb"\[\]|\{\}")
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def json_too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether brackets outside strings nest deeper than ``limit``, at C speed.

    Strings are removed first; then each pass deletes every innermost ``[]``/``{}`` pair,
    which lowers the nesting by exactly one. Pairs still left after ``limit`` passes nest
    deeper than that. Unbalanced leftovers are not "deep": the JSON parser rejects them.
    """
    skeleton = _STRING.sub(b"", body).translate(None, _NOT_BRACKET)
    for _ in range(limit):
        skeleton, removed = _PAIR.subn(b"", skeleton)
        if not removed or not skeleton:
            return False
    return _PAIR.search(skeleton) is not None


def limit_for(method: str, path: str) -> int:
    if method == "PATCH" and "/blobs/" in path:
        return MAX_BLOB_BYTES
    if path.endswith("/sessions"):
        return MAX_LOGIN_BYTES
    return MAX_JSON_BYTES


def _too_large(limit: int):
    size = f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"
    # Connection: close — the rest of the body is never read, so the connection cannot be
    # reused (RFC 9110 §15.5.14 lets the server close it).
    return problem_response(
        413, "too-large", f"请求内容过大（上限 {size}）", headers={"Connection": "close"}
    )


class BodyLimits:
    def __init__(self, app: ASGIApp, depth: int = MAX_JSON_DEPTH) -> None:
        self.app, self.depth = app, depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["method"], scope["path"])
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not (declared.isdigit() and len(declared) <= 18):
                response = problem_response(400, "bad-request", "Content-Length 请求头应为非负整数")
                await response(scope, receive, send)
                return
            if int(declared) > limit:
                await _too_large(limit)(scope, receive, send)
                return
        if limit == MAX_BLOB_BYTES:
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # nobody left to answer
            body += message.get("body", b"")
            if len(body) > limit:
                await _too_large(limit)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        media = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if (
            body
            and (media.endswith(b"json") or not media)
            and json_too_deep(bytes(body), self.depth)
        ):
            response = problem_response(
                422, "too-deep", f"请求内容嵌套层级过深（最多 {self.depth} 层）"
            )
            await response(scope, receive, send)
            return
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The buffered body as one message, then the real channel (for http.disconnect)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
