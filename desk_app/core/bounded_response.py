"""Reading a center's answer within a size and a time bound.

``requests``' read timeout is per socket read: a center (or a gateway in between) that
sends one byte every few seconds, or an endless chunked body, keeps a plain
``response.content`` busy for ever and fills memory. Every answer is therefore
streamed: the body may be at most ``max_bytes`` long and must be complete by
``deadline`` (a ``time.monotonic()`` value); otherwise the connection is dropped and the
caller gets ``Transient`` — the sync thread retries later with its backoff.
"""

from __future__ import annotations

import time

import requests
import urllib3

from desk_app.core.center_errors import Transient

READ_SLICE = 64 * 1024
DEFAULT_MAX_BODY = 4 * 1024 * 1024  # answers are small JSON objects
CATALOG_MAX_BODY = 64 * 1024 * 1024  # the whole catalog (8,000 items is ~10 MB)
DEFAULT_DEADLINE = 60.0  # seconds for one whole request, answer included


class AnswerTooLarge(Transient):
    """The center's answer is bigger than any answer of its kind can be."""


class AnswerTooSlow(Transient):
    """The center's answer did not finish in time."""


def read_body(response: requests.Response, *, max_bytes: int, deadline: float) -> bytes:
    """The whole body of a streamed response, or a typed error (the connection closed)."""
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > max_bytes:
        response.close()
        raise AnswerTooLarge("受理中心的应答过大，已中止接收，稍后自动重试")
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            # read1: what one socket read brings, so a trickle still returns to the clock
            part = response.raw.read1(READ_SLICE, decode_content=True)
            if not part:
                break
            size += len(part)
            if size > max_bytes:
                raise AnswerTooLarge("受理中心的应答过大，已中止接收，稍后自动重试")
            parts.append(part)
            if time.monotonic() > deadline:
                raise AnswerTooSlow("受理中心的应答超时未完成，已中止接收，稍后自动重试")
    except (AnswerTooLarge, AnswerTooSlow):
        response.close()  # do not return a half-read connection to the pool
        raise
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        response.close()
        raise Transient(f"受理中心的应答中断（{type(exc).__name__}），稍后自动重试") from exc
    body = b"".join(parts)
    response._content = body  # later ``.content`` / ``.json()`` see the bounded body
    response._content_consumed = True
    return body
