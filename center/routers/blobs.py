"""HEAD/PATCH /blobs/{sha256}: resumable, content-addressed material uploads (tus-like).

The bytes go to ``BlobStore`` on disk; a row in ``blobs`` records each verified blob so a
case can check that what it references is really there.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from center.blob_store import (
    MAX_BLOB_BYTES,
    BadDigest,
    BlobState,
    DigestMismatch,
    LengthMismatch,
    OffsetMismatch,
    Superseded,
    TooLarge,
    check_digest,
)
from center.context import CenterContext, get_context
from center.models import Blob, ClerkSession
from center.problems import Problem
from center.roles import FILE_CASES, require

router = APIRouter(tags=["blobs"])
Uploader = Depends(require(FILE_CASES))
OFFSET_MEDIA = "application/offset+octet-stream"


def owner_of(who: ClerkSession) -> str:
    """Partials belong to the hall and window that started them (see ``BlobStore``)."""
    return f"{who.hall_id}/{who.window_id}"


def _digest(sha256: str) -> str:
    try:
        return check_digest(sha256)
    except BadDigest:
        raise Problem(400, "bad-digest", "文件摘要格式不正确：应为 64 位十六进制 SHA-256") from None


def _headers(state: BlobState) -> dict[str, str]:
    headers = {
        "Upload-Offset": str(state.offset),
        "Upload-Complete": "1" if state.complete else "0",
        "Cache-Control": "no-store",
    }
    if state.length is not None:
        headers["Upload-Length"] = str(state.length)
    return headers


def _int_header(request: Request, name: str, required: bool) -> int | None:
    raw = request.headers.get(name)
    if raw is None:
        if required:
            raise Problem(400, "bad-request", f"缺少 {name} 请求头")
        return None
    # isascii: str.isdigit() also accepts '²' and other digits int() refuses.
    if not (raw.strip().isascii() and raw.strip().isdigit()) or len(raw.strip()) > 18:
        raise Problem(400, "bad-request", f"{name} 请求头应为非负整数")
    return int(raw)


@router.head("/blobs/{sha256}")
def blob_head(
    sha256: str,
    who: ClerkSession = Uploader,
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> Response:
    state = ctx.blobs.state(_digest(sha256), owner_of(who))
    if state is None:
        # HEAD answers carry no body; the status alone says "start from 0".
        return Response(
            status_code=404, headers={"Upload-Offset": "0", "Cache-Control": "no-store"}
        )
    return Response(status_code=200, headers=_headers(state))


def _record(ctx: CenterContext, digest: str, size: int) -> None:
    with ctx.sessions() as db:
        if db.get(Blob, digest) is None:
            db.add(Blob(sha256=digest, size=size, completed_at=ctx.clock()))
            try:
                db.commit()
            except IntegrityError:  # the same blob finished by a parallel upload
                db.rollback()


@router.patch("/blobs/{sha256}", status_code=204)
async def blob_patch(
    sha256: str,
    request: Request,
    who: ClerkSession = Uploader,
    ctx: CenterContext = Depends(get_context),  # noqa: B008
) -> Response:
    digest = _digest(sha256)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != OFFSET_MEDIA:
        raise Problem(415, "unsupported-media-type", f"上传内容类型应为 {OFFSET_MEDIA}")
    offset = _int_header(request, "Upload-Offset", required=True)
    length = _int_header(request, "Upload-Length", required=False)
    if length is not None and length > MAX_BLOB_BYTES:
        raise Problem(413, "too-large", "文件过大：单个材料文件不能超过 64 MiB")
    assert offset is not None
    try:
        state = await ctx.blobs.append(
            digest, offset, length, request.stream(), owner=owner_of(who)
        )
    except (OffsetMismatch, Superseded) as exc:
        raise Problem(
            409,
            "offset-mismatch",
            f"续传位置不一致：中心已收到 {exc.offset} 字节，请从该位置继续",
            headers={"Upload-Offset": str(exc.offset)},
            offset=exc.offset,
        ) from None
    except LengthMismatch as exc:
        if exc.announced is None:
            raise Problem(400, "bad-request", "首次上传须带 Upload-Length 请求头") from None
        raise Problem(
            409,
            "length-mismatch",
            f"文件长度与首次上传时声明的 {exc.announced} 字节不一致",
            length=exc.announced,
        ) from None
    except TooLarge:
        raise Problem(413, "too-large", "文件过大：单个材料文件不能超过 64 MiB") from None
    except DigestMismatch:
        raise Problem(
            422,
            "digest-mismatch",
            "文件内容与摘要不符，已丢弃，请重新上传该文件",
        ) from None
    except ClientDisconnect:
        # The bytes that arrived are kept; nobody is left to read an answer.
        return Response(status_code=400)
    if state.complete:
        await run_in_threadpool(_record, ctx, digest, state.offset)
    return Response(status_code=204, headers=_headers(state))
