"""GET /catalog: the item catalog from ``forms`` — strong ETag (304 on a match), gzip when
the client accepts it, and a delta against a version the client names (``?since=ETAG``):
only the items added or changed since, and the codes removed.

Every published version's item digests are kept in ``catalog_versions``, so a delta can be
answered by any worker, and after a restart with a new catalog, for clients still holding
an older one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from center.auth import current_session
from center.context import CenterContext, get_context
from center.models import CatalogVersion

router = APIRouter(tags=["catalog"], dependencies=[Depends(current_session)])


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class PublishedCatalog:
    body: bytes
    etag: str
    data: dict[str, Any] = field(default_factory=dict)
    item_digests: dict[str, str] = field(default_factory=dict)
    gzipped: bytes = b""


def publish(catalog: Any) -> PublishedCatalog:
    """Canonical JSON (sorted keys, no spaces) so the ETag only changes with the content."""
    data = catalog.to_dict()
    body = _canonical(data)
    digests = {
        str(item["code"]): hashlib.sha256(_canonical(item)).hexdigest()[:32]
        for item in data.get("items", [])
    }
    return PublishedCatalog(
        body,
        '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        data,
        digests,
        gzip.compress(body, compresslevel=6, mtime=0),
    )


def remember_version(sessions: sessionmaker[Session], published: PublishedCatalog, now) -> None:
    with sessions.begin() as db:
        if db.get(CatalogVersion, published.etag) is None:
            db.add(
                CatalogVersion(
                    etag=published.etag, published_at=now, item_digests=published.item_digests
                )
            )


def _matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in ("gzip", "*") and params.replace(" ", "") not in ("q=0", "q=0.0"):
            return True
    return False


def _delta(published: PublishedCatalog, old: dict[str, str], since: str) -> bytes:
    items = [
        item
        for item in published.data.get("items", [])
        if old.get(str(item["code"])) != published.item_digests[str(item["code"])]
    ]
    removed = sorted(set(old) - set(published.item_digests))
    rest = {k: v for k, v in published.data.items() if k != "items"}
    return _canonical({**rest, "delta_from": since, "items": items, "removed": removed})


@router.get("/catalog")
def catalog(
    request: Request,
    since: str | None = Query(default=None, max_length=80),
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> Response:
    published = ctx.published_catalog
    headers = {"ETag": published.etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if _matches(request.headers.get("if-none-match", ""), published.etag) or (
        since == published.etag
    ):
        return Response(status_code=304, headers=headers)
    body, zipped = published.body, published.gzipped
    if since:
        assert ctx.reads is not None
        with ctx.reads() as db:
            old = db.get(CatalogVersion, since)
        if old is not None:
            body = _delta(published, old.item_digests, since)
            zipped = b""
            headers["Catalog-Delta-From"] = since
    if _accepts_gzip(request):
        headers["Content-Encoding"] = "gzip"
        body = zipped or gzip.compress(body, compresslevel=6, mtime=0)
    return Response(body, media_type="application/json", headers=headers)
