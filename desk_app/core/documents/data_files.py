"""Slip data from JSON (``desk-app devices print-slip --data FILE.json``).

Outside input: every shape problem becomes a ``DataFileError`` naming the field, in
Chinese, never a KeyError from deep inside.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desk_app.core.documents.models import (
    DeferredMaterial,
    MaterialLine,
    Person,
    ReceiptData,
    TicketData,
)


class DataFileError(ValueError):
    """The data file does not have the fields a slip needs; the message names the field."""


def receipt_from_json(raw: Any, now: datetime | None = None) -> ReceiptData:
    obj = _object(raw, "数据文件")
    applicant = _object(obj.get("applicant"), "applicant")
    return ReceiptData(
        case_number=_text(obj, "case_number"),
        items=[_plain(v, f"items[{i}]") for i, v in enumerate(_list(obj, "items"))],
        applicant=Person(
            _text(applicant, "name", "applicant."), _text(applicant, "id_number", "applicant.")
        ),
        materials=[
            MaterialLine(_text(m, "name", f"materials[{i}]."), _count(m, f"materials[{i}]."),
                         form=_text(m, "form", f"materials[{i}].") if "form" in m else "",
                         pages=_pages(m, f"materials[{i}]."))
            for i, m in enumerate(_objects(obj, "materials"))
        ],
        deferred=[
            DeferredMaterial(
                _text(d, "name", f"deferred[{i}]."), _date(d, "due", f"deferred[{i}].")
            )
            for i, d in enumerate(_objects(obj, "deferred", required=False))
        ],
        promised_date=_date(obj, "promised_date") if obj.get("promised_date") else None,
        window=_text(obj, "window"),
        clerk=_text(obj, "clerk"),
        qr_url=_text(obj, "qr_url"),
        accepted_at=_datetime(obj, "accepted_at") if "accepted_at" in obj else _now(now),
        provisional=bool(obj.get("provisional", False)),
        reprint=bool(obj.get("reprint", False)),
        hall=_text(obj, "hall") if "hall" in obj else "",
    )


def ticket_from_json(raw: Any, now: datetime | None = None) -> TicketData:
    obj = _object(raw, "数据文件")
    waiting = obj.get("waiting")
    if isinstance(waiting, bool) or not isinstance(waiting, int) or waiting < 0:
        raise DataFileError("字段 waiting 应为不小于 0 的整数（等候人数）")
    return TicketData(
        ticket=_text(obj, "ticket"),
        service=_text(obj, "service"),
        waiting=waiting,
        issued_at=_datetime(obj, "issued_at") if "issued_at" in obj else _now(now),
        hall=_text(obj, "hall") if "hall" in obj else "",
        window_hint=_text(obj, "window_hint") if "window_hint" in obj else "",
    )


MAX_FIELD_CHARS = 200
MAX_LIST_ITEMS = 60


def _now(now: datetime | None) -> datetime:
    return now or datetime.now().replace(second=0, microsecond=0)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DataFileError(f"{where} 应为 JSON 对象（{{...}}）")
    return value


def _plain(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"字段 {where} 应为非空文本")
    if len(value) > MAX_FIELD_CHARS:  # a slip line, not a book: no metres of paper
        raise DataFileError(f"字段 {where} 过长（{len(value)} 字，最多 {MAX_FIELD_CHARS} 字）")
    return value.strip()


def _text(obj: dict[str, Any], key: str, prefix: str = "") -> str:
    if key not in obj:
        raise DataFileError(f"缺少字段 {prefix}{key}")
    return _plain(obj[key], prefix + key)


def _list(obj: dict[str, Any], key: str, required: bool = True) -> list[Any]:
    if key not in obj:
        if required:
            raise DataFileError(f"缺少字段 {key}")
        return []
    value = obj[key]
    if not isinstance(value, list):
        raise DataFileError(f"字段 {key} 应为列表（[...]）")
    if len(value) > MAX_LIST_ITEMS:
        raise DataFileError(f"字段 {key} 项数过多（{len(value)} 项，最多 {MAX_LIST_ITEMS} 项）")
    return value


def _objects(obj: dict[str, Any], key: str, required: bool = True) -> list[dict[str, Any]]:
    return [_object(v, f"{key}[{i}]") for i, v in enumerate(_list(obj, key, required))]


def _count(obj: dict[str, Any], prefix: str) -> int:
    value = obj.get("count", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 999:
        raise DataFileError(f"字段 {prefix}count 应为 1–999 的整数（份数）")
    return value


def _pages(obj: dict[str, Any], prefix: str) -> int:
    value = obj.get("pages", 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 9999:
        raise DataFileError(f"字段 {prefix}pages 应为 0–9999 的整数（页数）")
    return value


def _date(obj: dict[str, Any], key: str, prefix: str = "") -> date:
    text = _text(obj, key, prefix)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DataFileError(f"字段 {prefix}{key} 应为日期，如 2026-12-01") from None


def _datetime(obj: dict[str, Any], key: str) -> datetime:
    text = _text(obj, key)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise DataFileError(f"字段 {key} 应为时间，如 2026-11-21T09:30") from None
