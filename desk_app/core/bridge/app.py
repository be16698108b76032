"""The bridge's routes (/v1/…, /openapi.json) over the device hub.

Every route but ``GET /v1/status`` and pairing needs the origin's token
(``Authorization: Bearer …``); every operation, allowed or refused, is one audit record
``bridge`` with the origin and the operation — never what the card said. Device work
runs in the server's worker threads, each call on the device's own hub thread.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from fastapi import FastAPI, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from desk_app.core.bridge import requests as rq
from desk_app.core.bridge.gate import Gate
from desk_app.core.bridge.pairing import PairingBook, PairingError
from desk_app.core.bridge.policy import OriginVerdict
from desk_app.core.bridge.rate_limit import RateLimiter
from desk_app.core.hardware import device_ops
from desk_app.core.hardware.device_hub import DeviceHub, HubEvent
from devices.errors import DeviceBusy, DeviceError, DeviceTimeout

OWNER_PREFIX = "bridge:"
MAX_PDF_BYTES = 32 * 1024 * 1024
CARD_TIMEOUT_MAX_S = 30.0


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class BridgeContext:
    hub: DeviceHub
    pairing: PairingBook
    allow: frozenset[str]
    audit: Callable[[str, str, str, dict], None]  # (origin, operation, outcome, extra)
    card_digest: Callable[[str], str] = lambda _n: ""
    limiter: RateLimiter = field(default_factory=RateLimiter)
    port: int = 0


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _verdict(request) -> OriginVerdict:
    return request.scope["state"]["origin"]


def create_app(ctx: BridgeContext) -> Gate:
    app = FastAPI(title="Counter Desk device bridge", version="1",
                  docs_url=None, redoc_url=None,
                  description="柜台设备服务：读卡、高拍、扫描、打印，仅本机 127.0.0.1。")

    def allowed_origin(request: Request) -> str:
        verdict = _verdict(request)
        if not verdict.allowed:
            raise Refused(403, "origin_not_allowed", "此网页来源未获本机授权使用柜台设备")
        return verdict.origin

    def paired_origin(request: Request) -> str:
        origin = allowed_origin(request)
        if not ctx.pairing.is_paired(origin, rq.bearer(request.headers.get("authorization"))):
            raise Refused(401, "not_paired", "此网页尚未与本柜台配对：请联系技术人员在柜台完成配对")
        return origin

    async def run(request: Request, operation: str, work, *, paired: bool = True,
                  limit: int = rq.MAX_JSON_BYTES):
        origin = _verdict(request).origin
        try:
            origin = paired_origin(request) if paired else allowed_origin(request)
            body = await request.body()
            if len(body) > limit:
                raise rq.BadRequest(f"请求体过大（上限 {limit // 1024} KB）")
            result, extra = await run_in_threadpool(work, origin, body)
        except Refused as exc:
            ctx.audit(origin, operation, exc.code, {})
            return _error(exc.status, exc.code, exc.message)
        except (rq.BadRequest, PairingError) as exc:
            ctx.audit(origin, operation, "bad_request", {})
            return _error(400 if isinstance(exc, rq.BadRequest) else 403, "bad_request", str(exc))
        except DeviceError as exc:
            status = 409 if isinstance(exc, DeviceBusy) else 504 if isinstance(
                exc, DeviceTimeout) else 503
            ctx.audit(origin, operation, type(exc).__name__, {})
            return _error(status, "device", exc.clerk_message)
        ctx.audit(origin, operation, "ok", extra)
        return JSONResponse(result)

    @app.exception_handler(Exception)
    async def unexpected(_request, exc):  # never a traceback to the page
        return _error(500, "internal", f"柜台设备服务内部错误（{type(exc).__name__}）")

    @app.get("/v1/status", summary="设备状态（无需配对，不含个人信息）")
    def status():
        return {"devices": [
            {"role": s.role, "label": s.label, "bound": s.bound, "ok": s.ok,
             "message": s.message if s.bound else "未配置"} for s in ctx.hub.states()]}

    @app.post("/v1/pairing", summary="申请配对：柜台屏幕显示配对码")
    async def pairing_start(request: Request):
        def work(origin, _body):
            return {"expires_in": ctx.pairing.start(origin)}, {}
        return await run(request, "pair_start", work, paired=False)

    @app.post("/v1/pairing/confirm", summary="输入柜台显示的配对码，换取令牌")
    async def pairing_confirm(request: Request):
        def work(origin, body):
            code = rq.parse_json_object(body).get("code", "")
            if not isinstance(code, str):
                raise rq.BadRequest("字段 code 应为柜台显示的 6 位数字")
            return {"token": ctx.pairing.confirm(origin, code)}, {}
        return await run(request, "pair_confirm", work, paired=False)

    @app.post("/v1/card/read", summary="读身份证/社保卡（等待放卡，timeout 秒）")
    async def read_card(request: Request):
        def work(origin, body):
            timeout = rq.seconds(rq.parse_json_object(body), "timeout", 8.0, CARD_TIMEOUT_MAX_S)
            identity = device_ops.read_identity(ctx.hub, OWNER_PREFIX + origin, timeout)
            extra = {"card_type": identity.id_type.value,
                     "card": ctx.card_digest(identity.id_number)}
            return rq.identity_json(identity, date.today()), extra
        return await run(request, "read_card", work)

    def _image(captured) -> dict:
        return {"media_type": captured.media_type, "width": captured.width,
                "height": captured.height, "sha256": captured.sha256, "sm3": captured.sm3,
                "data_base64": base64.b64encode(captured.data).decode("ascii")}

    @app.post("/v1/camera/capture", summary="高拍仪拍一页（检测、矫正、增强）")
    async def capture(request: Request):
        def work(origin, body):
            obj = rq.parse_json_object(body)
            page = device_ops.capture_page(
                ctx.hub, OWNER_PREFIX + origin, mode=rq.choice(obj, "mode", rq.MODES, "document"),
                output=rq.choice(obj, "format", rq.FORMATS, "jpeg"),
                full_frame=rq.flag(obj, "full_frame"))
            return _image(page), {}
        return await run(request, "capture", work)

    @app.post("/v1/scanner/scan", summary="扫描（平板一页或进纸器全部）")
    async def scan(request: Request):
        def work(origin, body):
            obj = rq.parse_json_object(body)
            pages = device_ops.scan_pages(
                ctx.hub, OWNER_PREFIX + origin, output=rq.choice(obj, "format", rq.FORMATS, "pdf"),
                source=rq.choice(obj, "source", ("flatbed", "adf"), "flatbed"))
            return {"pages": [_image(p) for p in pages]}, {"pages": len(pages)}
        return await run(request, "scan", work)

    @app.post("/v1/printer/slip", summary="按模板打印小票（receipt 收件回执 / ticket 排队票）")
    async def print_slip(request: Request):
        def work(origin, body):
            from desk_app.core.documents import build_receipt
            from desk_app.core.documents.data_files import (
                DataFileError,
                receipt_from_json,
                ticket_from_json,
            )
            from desk_app.core.documents.slips import build_ticket
            from desk_app.core.documents.template_files import TemplateError

            obj = rq.parse_json_object(body)
            template = rq.choice(obj, "template", rq.TEMPLATES, "receipt")
            try:
                data = obj.get("data")
                slip = (build_receipt(receipt_from_json(data)) if template == "receipt"
                        else build_ticket(ticket_from_json(data)))
            except (DataFileError, TemplateError) as exc:
                raise rq.BadRequest(f"小票数据有误：{exc}") from None
            result = device_ops.print_slip(ctx.hub, OWNER_PREFIX + origin, slip)
            return {"bytes_sent": result.bytes_sent, "note": result.clerk_note()}, {
                "template": template}
        return await run(request, "print_slip", work)

    @app.post("/v1/printer/pdf", summary="A4 打印 PDF（请求体为 application/pdf）")
    async def print_pdf(request: Request):
        def work(origin, body):
            if not body.startswith(b"%PDF-"):
                raise rq.BadRequest("请求体应为 PDF 文件（Content-Type: application/pdf）")
            return {"job": device_ops.print_pdf(ctx.hub, OWNER_PREFIX + origin, body)}, {
                "bytes": len(body)}
        return await run(request, "print_pdf", work, limit=MAX_PDF_BYTES)

    @app.websocket("/v1/events")
    async def events(ws: WebSocket):
        verdict = ws.scope["state"]["origin"]
        await ws.accept()
        try:
            first = json.loads(await asyncio.wait_for(ws.receive_text(), 10))
            token = first.get("token") if isinstance(first, dict) else None
        except (TimeoutError, ValueError, WebSocketDisconnect, RecursionError):
            token = None
        if not ctx.pairing.is_paired(verdict.origin, token if isinstance(token, str) else None):
            ctx.audit(verdict.origin, "events", "not_paired", {})
            await ws.close(code=4401)
            return
        ctx.audit(verdict.origin, "events", "ok", {})
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[dict] = asyncio.Queue(maxsize=100)

        def on_event(event: HubEvent) -> None:
            if event.kind == "used":
                return  # who used which device is the desk's business, not another page's
            message = {"type": event.kind, "role": event.role}
            if event.state is not None:
                message.update(ok=event.state.ok, message=event.state.message)
            loop.call_soon_threadsafe(lambda: queue.full() or queue.put_nowait(message))

        ctx.hub.add_listener(on_event)
        await ws.send_json({"type": "hello", "devices": status()["devices"]})
        try:
            while True:
                await ws.send_json(await queue.get())
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            ctx.hub.remove_listener(on_event)

    return Gate(app, allow=ctx.allow, port=lambda: ctx.port, limiter=ctx.limiter,
                refused=lambda origin, why: ctx.audit(origin, "request", f"refused_{why}", {}))
