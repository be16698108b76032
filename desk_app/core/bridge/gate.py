"""The ASGI layer in front of every bridge route: Host, CORS, PNA, rate limit.

Runs before the application sees a request, so no route can forget a check:
1. Host not the loopback with our port → 421, nothing else looked at (DNS rebinding);
2. a CORS preflight (OPTIONS + Access-Control-Request-Method) is answered here:
   204 with CORS and the Private Network Access grant for an allowed origin, 403
   without any of them otherwise;
3. each origin has its token bucket (429 + Retry-After past it);
4. responses to allowed origins carry ``Access-Control-Allow-Origin``; others do not,
   so a page of another origin cannot read them (the browser enforces it).
WebSocket handshakes from an origin not allowed are refused before ``accept``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from desk_app.core.bridge import policy
from desk_app.core.bridge.rate_limit import RateLimiter


def _headers(scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


async def _send_json(send, status: int, message: str, code: str,
                     extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": code, "message": message}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json; charset=utf-8"),
               (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Gate:
    def __init__(self, app, *, allow: frozenset[str], port: Callable[[], int],
                 limiter: RateLimiter, refused: Callable[[str, str], None]) -> None:
        self.app = app
        self.allow = allow
        self.port = port
        self.limiter = limiter
        self.refused = refused  # (origin, why): for the audit trail

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = _headers(scope)
        verdict = policy.judge_origin(headers.get("origin"), self.allow)
        if not policy.host_is_loopback(headers.get("host"), self.port()):
            self.refused(verdict.origin, "host")
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})
            return await _send_json(send, 421, "只接受发往 127.0.0.1 或 localhost 的请求",
                                    "bad_host")
        scope.setdefault("state", {})["origin"] = verdict
        if scope["type"] == "websocket":
            if not verdict.allowed:
                self.refused(verdict.origin, "origin")
                return await send({"type": "websocket.close", "code": 1008})
            return await self.app(scope, receive, send)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            answer = policy.preflight_headers(verdict, headers)
            if answer is None:
                self.refused(verdict.origin, "preflight")
                return await _send_json(send, 403, "此网页来源未获本机授权使用柜台设备",
                                        "origin_not_allowed", {"Vary": "Origin"})
            await send({"type": "http.response.start", "status": 204,
                        "headers": [(k.lower().encode(), v.encode()) for k, v in answer.items()]})
            return await send({"type": "http.response.body", "body": b""})
        wait = self.limiter.take(verdict.origin or "-")
        if wait:
            self.refused(verdict.origin, "rate")
            return await _send_json(send, 429, "请求过于频繁：请稍后再试", "rate_limited",
                                    {"Retry-After": str(math.ceil(wait)),
                                     **policy.cors_headers(verdict)})
        cors = [(k.lower().encode(), v.encode()) for k, v in policy.cors_headers(verdict).items()]

        async def send_with_cors(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + cors}
            await send(message)

        await self.app(scope, receive, send_with_cors)
