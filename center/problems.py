"""RFC 9457 ``application/problem+json`` errors, for our own errors and FastAPI's.

Every answer that is not a success goes through here, so a client only ever has to parse
one error shape, and no stack trace or internal message reaches it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_TYPE = "https://counter-desk/problems/"
MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    429: "Too Many Requests",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    503: "Service Unavailable",
    500: "Internal Server Error",
}
_GENERIC = {
    400: ("bad-request", "请求格式不正确"),
    401: ("session-expired", "登录已失效，请重新登录"),
    404: ("not-found", "请求的资源不存在"),
    405: ("method-not-allowed", "不支持该请求方法"),
    413: ("too-large", "上传内容过大"),
    415: ("unsupported-media-type", "请求内容类型不正确"),
}


class Problem(Exception):
    """Raise anywhere in a route to answer with a problem document."""

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        **extras: Any,
    ) -> None:
        super().__init__(detail)
        self.status, self.slug, self.detail = status, slug, detail
        self.headers = headers or {}
        self.extras = extras


def validation_problem(errors: list[dict[str, str]]) -> Problem:
    first = errors[0]["message"] if errors else "提交的内容未通过校验"
    return Problem(422, "validation", f"提交的内容未通过校验：{first}", errors=errors)


def problem_response(
    status: int,
    slug: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extras: Any,
) -> JSONResponse:
    body = {
        "type": PROBLEM_TYPE + slug,
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        **extras,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "json_invalid": "请求内容不是合法的 JSON",
    "extra_forbidden": "不认识的字段",
    "string_too_long": "内容过长",
    "string_too_short": "内容不能为空",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "datetime_parsing": "时间格式应为 ISO-8601",
    "datetime_from_date_parsing": "时间格式应为 ISO-8601",
    "date_out_of_range": "日期超出合理范围（2000–2099 年）",
}


def _message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind in _PYDANTIC_MESSAGES:
        return _PYDANTIC_MESSAGES[kind]
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "数据类型不正确"
    return "内容不正确"


def install(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(_request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.slug, exc.detail, exc.headers, **exc.extras)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field_path(e.get("loc", ())), "message": _message(e)} for e in exc.errors()
        ]
        p = validation_problem(errors)
        return problem_response(p.status, p.slug, p.detail, **p.extras)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug, detail = _GENERIC.get(exc.status_code, ("error", "请求无法处理"))
        return problem_response(exc.status_code, slug, detail, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        # Log the type only: exception text may quote request data (personal data).
        log.error("unhandled %s in center request", type(exc).__name__)
        return problem_response(500, "internal", "中心服务内部错误，请稍后重试或联系管理员")
