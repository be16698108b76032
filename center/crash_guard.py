"""The outermost guard: an exception no handler caught becomes a 500 problem document and
one log line naming only its type.

Starlette's own ServerErrorMiddleware re-raises after answering, so the server would log a
full traceback, whose last line quotes the failing value (request data: possibly personal,
e.g. ``invalid literal for int(): '…'``). Added as the last middleware, this guard sits
inside that one and nothing reaches it.
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from center.problems import problem_response

log = logging.getLogger(__name__)


class CrashGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error("unhandled %s in center request %s", type(exc).__name__, scope["method"])
            if not started:
                response = problem_response(
                    500, "internal", "中心服务内部错误，请稍后重试或联系管理员"
                )
                await response(scope, receive, send)
