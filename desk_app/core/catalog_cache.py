"""The item catalog as this desk knows it: fetched from the center with ETag, cached on disk.

``CatalogCache(cache_dir, fetch).load()`` asks the center (``If-None-Match`` with the
cached ETag, so an unchanged catalog costs a 304), stores a new body with its SHA-256,
and falls back to the cached copy when the center cannot be reached (offline first).
A cached copy whose digest, JSON or content does not check out is *never* used: it is
deleted, fetched afresh, and if the center is down too, ``CatalogUnavailable`` says so.

``fetch(etag) -> (status, etag, body)`` is injected (``CenterClient.fetch_catalog``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from forms.catalog import Catalog

log = logging.getLogger(__name__)

Fetch = Callable[[str | None], tuple[int, str | None, bytes]]


class CatalogUnavailable(Exception):
    """No usable catalog: the center is unreachable and there is no valid cached copy."""


@dataclass(frozen=True)
class CatalogSnapshot:
    catalog: Catalog
    etag: str | None
    source: str  # "center" (fresh or confirmed by 304) | "cache" (center unreachable)
    fetched_at: str  # ISO time the body was downloaded
    problem: str = ""  # Chinese note for the status strip when working from the cache
    replaced_corrupt: bool = False  # the cached copy was bad and has been discarded


@dataclass(frozen=True)
class _Cached:
    catalog: Catalog
    etag: str | None
    fetched_at: str


def _parse(body: bytes) -> Catalog:
    return Catalog.from_dict(json.loads(body.decode("utf-8")))


class CatalogCache:
    def __init__(self, cache_dir: Path, fetch: Fetch, ready=None) -> None:
        self.body_path = Path(cache_dir) / "catalog.json"
        self.meta_path = Path(cache_dir) / "catalog.meta.json"
        self.fetch = fetch
        self.ready = ready  # ``ready_catalog.ReadyCatalog``: the parsed form, by body digest

    def _parse_cached(self, body: bytes, digest: str) -> Catalog:
        catalog = self.ready.get(digest) if self.ready is not None else None
        if catalog is None:
            catalog = _parse(body)
            if self.ready is not None:
                self.ready.put(digest, catalog)
        return catalog

    # -- disk ------------------------------------------------------------------------
    def _read(self) -> tuple[_Cached | None, bool]:
        """(the cached catalog or None, whether a corrupt copy was found and discarded)."""
        if not self.body_path.exists() and not self.meta_path.exists():
            return None, False
        try:
            meta = json.loads(self.meta_path.read_text("utf-8"))
            body = self.body_path.read_bytes()
            digest = hashlib.sha256(body).hexdigest()
            if digest != meta["sha256"]:
                raise ValueError("digest mismatch")
            cached = _Cached(self._parse_cached(body, digest), meta.get("etag"),
                             str(meta.get("fetched_at", "")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            log.warning("cached catalog discarded: %s", type(exc).__name__)
            self._discard()
            return None, True
        return cached, False

    def _discard(self) -> None:
        for path in (self.meta_path, self.body_path):
            path.unlink(missing_ok=True)

    def _write(self, body: bytes, etag: str | None, fetched_at: str) -> None:
        self.body_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"etag": etag, "sha256": hashlib.sha256(body).hexdigest(),
                "fetched_at": fetched_at, "size": len(body)}
        # body first, then meta: a crash in between leaves a digest mismatch, detected
        for path, data in ((self.body_path, body),
                           (self.meta_path, json.dumps(meta).encode("utf-8"))):
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            tmp.replace(path)

    # -- the one entry point ---------------------------------------------------------
    def load(self) -> CatalogSnapshot:
        cached, corrupt = self._read()
        try:
            status, etag, body = self.fetch(cached.etag if cached else None)
            if status == 304 and cached is not None:
                return CatalogSnapshot(cached.catalog, cached.etag, "center", cached.fetched_at,
                                       replaced_corrupt=corrupt)
            if status != 200:
                raise ValueError(f"unexpected status {status}")
            catalog = _parse(body)
        except Exception as exc:  # fetch is injected: any failure means "center unavailable"
            log.info("catalog not refreshed from the center: %s", type(exc).__name__)
            if cached is None:
                raise CatalogUnavailable(
                    "无法取得事项目录：受理中心连接不上，本机也没有可用的缓存"
                    + ("（缓存文件已损坏，已删除）" if corrupt else "")
                    + "。请检查网络后重试。") from exc
            return CatalogSnapshot(
                cached.catalog, cached.etag, "cache", cached.fetched_at,
                problem=f"受理中心暂时连不上，正在使用本机缓存的事项目录（{cached.fetched_at[:16]}）")
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        self._write(body, etag, fetched_at)
        if self.ready is not None:
            self.ready.put(hashlib.sha256(body).hexdigest(), catalog)
        return CatalogSnapshot(catalog, etag, "center", fetched_at, replaced_corrupt=corrupt)
