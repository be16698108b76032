"""Refuse oversized JSON requests before they are read (a case body is a few KiB; materials
travel as blobs). Blob PATCHes are bounded by their own Upload-Length checks instead."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from center.problems import problem_response

MAX_JSON_BYTES = 2 * 1024 * 1024


class BodySizeLimit:
    def __init__(self, app: ASGIApp, limit: int = MAX_JSON_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] != "PATCH":
            length = dict(scope["headers"]).get(b"content-length", b"0")
            too_big = not length.isdigit() or int(length) > self.limit
            if too_big:
                response = problem_response(
                    413, "too-large", f"请求内容过大（上限 {self.limit // (1024 * 1024)} MiB）"
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
