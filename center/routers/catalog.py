"""GET /catalog: the item catalog from ``forms``, with a strong ETag."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from center.auth import current_session
from center.context import CenterContext, get_context

router = APIRouter(tags=["catalog"], dependencies=[Depends(current_session)])


@dataclass(frozen=True)
class PublishedCatalog:
    body: bytes
    etag: str


def publish(catalog: Any) -> PublishedCatalog:
    """Canonical JSON (sorted keys, no spaces) so the ETag only changes with the content."""
    body = json.dumps(
        catalog.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    return PublishedCatalog(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def _matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


@router.get("/catalog")
def catalog(request: Request, ctx: CenterContext = Depends(get_context)) -> Response:  # noqa: B008
    published = ctx.published_catalog
    headers = {"ETag": published.etag, "Cache-Control": "no-cache"}
    if _matches(request.headers.get("if-none-match", ""), published.etag):
        return Response(status_code=304, headers=headers)
    return Response(published.body, media_type="application/json", headers=headers)
