"""Turn what a widget (or a prefill source) hands us into a field's typed value.

``coerce(spec, raw)`` accepts either the typed value or the text a clerk typed, and
returns a :class:`Coerced` with the value, a blocking Chinese message, or a warning.
It never raises: the form calls it on every keystroke with whatever is in the box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from forms.regions import RegionIndex
from forms.spec import FieldSpec
from forms.validators import (
    check_phone,
    check_uscc,
    parse_date,
    parse_id_number,
    parse_money,
)


@dataclass(frozen=True)
class Coerced:
    value: Any = None  # None = empty
    error: str = ""
    warning: str = ""


EMPTY = Coerced()


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def _number(spec: FieldSpec, raw: Any) -> Coerced:
    if isinstance(raw, bool):
        return Coerced(error="请填写数字")
    if isinstance(raw, Decimal) and not raw.is_finite():
        return Coerced(error="请填写数字")  # float() of a signalling NaN raises
    if isinstance(raw, int | float | Decimal):
        number: int | float = raw if isinstance(raw, int) else float(raw)
    else:
        text = str(raw).strip().replace(",", "")
        try:
            number = int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                return Coerced(error="请填写数字")
    if number != number or number in (float("inf"), float("-inf")):
        return Coerced(error="请填写数字")
    return _bounded(spec, number)


def _bounded(spec: FieldSpec, number: Any) -> Coerced:
    if spec.minimum is not None and number < spec.minimum:
        return Coerced(error=f"不能小于 {spec.minimum:g}")
    if spec.maximum is not None and number > spec.maximum:
        return Coerced(error=f"不能大于 {spec.maximum:g}")
    return Coerced(number)


def _choice(spec: FieldSpec, raw: Any) -> Coerced:
    text = str(raw).strip()
    if text not in spec.options:
        return Coerced(error=f"请从列表中选择：{'、'.join(spec.options)}")
    return Coerced(text)


def _choices(spec: FieldSpec, raw: Any) -> Coerced:
    values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, Sequence) else None
    if values is None:
        return Coerced(error="请从列表中选择")
    bad = [str(v) for v in values if v not in spec.options]
    if bad:
        return Coerced(error=f"不在可选范围：{'、'.join(bad)}")
    chosen = [o for o in spec.options if o in values]  # keep the catalog's order
    return Coerced(chosen or None)


def _table(spec: FieldSpec, raw: Any, regions: RegionIndex | None) -> Coerced:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return Coerced(error="表格数据格式不对")
    rows: list[dict[str, Any]] = []
    for n, row in enumerate(raw, start=1):
        if not isinstance(row, Mapping):
            return Coerced(error=f"第 {n} 行数据格式不对")
        clean: dict[str, Any] = {}
        for col in spec.columns:
            got = coerce(col, row.get(col.key), regions)
            if got.error:
                return Coerced(error=f"第 {n} 行「{col.label}」：{got.error}")
            clean[col.key] = got.value
        if all(v is None for v in clean.values()):
            continue  # an empty row left at the end of the table is not an answer
        for col in spec.columns:
            if clean[col.key] is None and col.required:
                return Coerced(error=f"第 {n} 行「{col.label}」未填写")
        rows.append(clean)
    return Coerced(rows or None)


def coerce(spec: FieldSpec, raw: Any, regions: RegionIndex | None = None) -> Coerced:
    """The typed value of ``raw`` for this field, or why it is not acceptable."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return EMPTY
    kind = spec.type
    if kind in ("text", "textarea", "address"):
        text = str(raw).strip()
        return Coerced(text) if len(text) <= 2000 else Coerced(error="内容过长（最多 2000 字）")
    if kind == "number":
        return _number(spec, raw)
    if kind == "money":
        if isinstance(raw, Decimal | int) and not isinstance(raw, bool):
            raw = str(raw)
        got = parse_money(str(raw) if isinstance(raw, float) else raw)
        if not got.ok:
            return Coerced(error=got.message)
        return _bounded(spec, got.value)
    if kind == "date":
        if isinstance(raw, date):
            return Coerced(raw)
        got = parse_date(raw if isinstance(raw, str) else "")
        return Coerced(got.value) if got.ok else Coerced(error=got.message)
    if kind == "select":
        return _choice(spec, raw)
    if kind == "multiselect":
        return _choices(spec, raw)
    if kind == "checkbox":
        if isinstance(raw, bool):
            return Coerced(raw)
        text = str(raw).strip().lower()
        if text in ("1", "true", "是", "yes"):
            return Coerced(True)
        if text in ("0", "false", "否", "no"):
            return Coerced(False)
        return Coerced(error="请勾选或取消勾选")
    if kind == "phone":
        got = check_phone(raw if isinstance(raw, str) else str(raw))
        return Coerced(got.value) if got.ok else Coerced(error=got.message)
    if kind == "id_number":
        got = parse_id_number(raw if isinstance(raw, str) else str(raw))
        if not got.ok:
            return Coerced(error=got.message)
        return Coerced(got.value.number, warning=got.warning)  # 15 digits arrive as 18
    if kind == "uscc":
        got = check_uscc(raw if isinstance(raw, str) else str(raw))
        return Coerced(got.value, warning=got.warning) if got.ok else Coerced(error=got.message)
    if kind == "region":
        code = str(raw).strip()
        if regions is None or regions.is_known(code):
            return Coerced(code)
        hits = regions.find(code, limit=2)
        if len(hits) == 1 or (hits and hits[0].full_name == code):
            return Coerced(hits[0].code)
        return Coerced(error="请选择到区县一级的行政区划")
    if kind == "table":
        return _table(spec, raw, regions)
    return Coerced(error=f"未知的字段类型 {kind}")


def to_json(spec: FieldSpec, value: Any, regions: RegionIndex | None = None) -> Any:
    """The value as it goes into a case's JSON form (dates ISO, money as a string)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if spec.type == "region":
        region = regions.get(value) if regions is not None else None
        return {"code": value, "name": region.full_name if region else ""}
    if spec.type == "table":
        cols = {c.key: c for c in spec.columns}
        return [{k: to_json(cols[k], v, regions) for k, v in row.items()} for row in value]
    return value
