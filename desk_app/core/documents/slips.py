"""Queue tickets and receipts (收件回执) as printer-independent ``Slip``s, from templates.

A slip template (``resources/templates/slips/*.toml``) is a list of ``[[line]]`` tables;
each has one of ``text``, ``left``+``right``, ``row`` (table cells, with ``widths`` of the
cells after the first and ``aligns``), ``rule``, ``qr``, ``feed``, ``cut`` and
optionally ``align``, ``bold``, ``size``, ``indent``, ``caption`` (under a QR),
``when``/``unless`` (a field that must be non-empty/empty) and ``each`` (a list field:
the line repeats per element with its fields and ``index``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desk_app.core.documents.models import MaterialLine, ReceiptData, RefusalData, TicketData
from desk_app.core.documents.template_files import TemplateError, cn_date, fill, load_template
from desk_app.core.masking import mask_id_number, mask_name
from devices.printer import (
    Columns,
    Cut,
    Feed,
    QRCode,
    Rule,
    Slip,
    SlipCommand,
    TableRow,
    TextLine,
)

_KINDS = ("text", "left", "row", "rule", "qr", "feed", "cut")


def _case_values(data: ReceiptData | RefusalData) -> dict[str, Any]:
    """The head every slip of a case shares; names and numbers masked (the slip leaves the
    counter in the applicant's hand and lies on the desk meanwhile)."""
    return {
        "hall": data.hall,
        "case_number": data.case_number,
        "provisional": data.provisional,
        "official": not data.provisional,
        "items": [{"name": name} for name in data.items],
        "applicant_name": mask_name(data.applicant.name),
        "applicant_id": mask_id_number(data.applicant.id_number),
        "agent": bool(data.agent),
        "agent_name": mask_name(data.agent.name) if data.agent else "",
        "window": data.window,
        "clerk": data.clerk,
    }


def receipt_values(data: ReceiptData) -> dict[str, Any]:
    total = sum(m.count for m in data.materials)
    return {
        **_case_values(data),
        "materials": [_material_row(m) for m in data.materials],
        "material_total": total,
        "deferred": [{"name": d.name, "due": cn_date(d.due)} for d in data.deferred],
        "promised_date": cn_date(data.promised_date),
        "qr_url": data.qr_url,
        "accepted_at": data.accepted_at.strftime("%Y-%m-%d %H:%M"),
        "reprint": data.reprint,
    }


def _material_row(m: MaterialLine) -> dict[str, Any]:
    """A row of the receipt's material table: 份数 as handed over, 页数 as captured.

    份 and 页 are different things: a 1份 contract of 11 pages is 1份 and 11页.
    """
    return {"name": m.name, "count": m.count, "form": m.form, "mode": m.mode,
            "copies": f"{m.count}份" if m.count else "",
            "pages": f"{m.pages}页" if m.pages else ""}


def refusal_values(data: RefusalData) -> dict[str, Any]:
    return {
        **_case_values(data),
        "reason": " ".join(data.reason.split()),
        "guide_url": data.guide_url,
        "refused_at": data.refused_at.strftime("%Y-%m-%d %H:%M"),
    }


def ticket_values(data: TicketData) -> dict[str, Any]:
    return {
        "hall": data.hall,
        "ticket": data.ticket,
        "service": data.service,
        "waiting": data.waiting,
        "issued_at": data.issued_at.strftime("%Y-%m-%d %H:%M"),
        "window_hint": data.window_hint,
    }


def build_receipt(
    data: ReceiptData, template: str = "receipt", directory: Path | None = None
) -> Slip:
    """The receipt for a sealed case; name and ID number are masked here."""
    return build_slip("receipt", template, receipt_values(data), directory)


def build_refusal(
    data: RefusalData, template: str = "refusal", directory: Path | None = None
) -> Slip:
    """The 不予受理 slip: reason and 办事指南 QR; it lists no material and is no 收件回执."""
    return build_slip("refusal", template, refusal_values(data), directory)


def build_ticket(data: TicketData, template: str = "ticket", directory: Path | None = None) -> Slip:
    return build_slip("ticket", template, ticket_values(data), directory)


def build_slip(
    kind: str, template: str, values: dict[str, Any], directory: Path | None = None
) -> Slip:
    spec = load_template("slips", template, directory)
    lines = spec.get("line")
    if not isinstance(lines, list) or not lines:
        raise TemplateError(f"小票模板 {template} 没有任何 [[line]]")
    commands: list[SlipCommand] = []
    for number, line in enumerate(lines, 1):
        if not isinstance(line, dict):
            raise TemplateError(f"小票模板 {template} 第 {number} 个 [[line]] 格式错误")
        try:
            commands.extend(_expand(line, values))
        except (TypeError, ValueError, KeyError) as exc:
            raise TemplateError(f"小票模板 {template} 第 {number} 个 [[line]]：{exc}") from None
    return Slip(kind, commands)


def _truthy(values: dict[str, Any], key: str) -> bool:
    if key not in values:
        raise TemplateError(f"条件 {key!r} 没有对应的数据")
    return bool(values[key])


def _expand(line: dict[str, Any], values: dict[str, Any]) -> list[SlipCommand]:
    if "when" in line and not _truthy(values, line["when"]):
        return []
    if "unless" in line and _truthy(values, line["unless"]):
        return []
    if "each" not in line:
        return [_command(line, values)]
    rows = values.get(line["each"])
    if not isinstance(rows, list):
        raise TemplateError(f"each = {line['each']!r} 不是列表数据")
    return [_command(line, {**values, **row, "index": i}) for i, row in enumerate(rows, 1)]


def _command(line: dict[str, Any], values: dict[str, Any]) -> SlipCommand:
    kinds = [k for k in _KINDS if k in line]
    if len(kinds) != 1:
        raise TemplateError(f"每行须且只能有 {'/'.join(_KINDS)} 之一，实际为 {kinds}")
    kind = kinds[0]
    if kind == "text":
        return TextLine(
            fill(str(line["text"]), values),
            align=str(line.get("align", "left")),
            bold=bool(line.get("bold", False)),
            size=str(line.get("size", "normal")),
            indent=int(line.get("indent", 0)),
        )
    if kind == "left":
        return Columns(
            fill(str(line["left"]), values),
            fill(str(line.get("right", "")), values),
            indent=int(line.get("indent", 0)),
        )
    if kind == "row":
        cells, widths = line["row"], line.get("widths", [])
        if not isinstance(cells, list) or not isinstance(widths, list):
            raise TemplateError("row 和 widths 应为列表")
        return TableRow(
            tuple(fill(str(c), values) for c in cells),
            tuple(int(w) for w in widths),
            tuple(str(a) for a in line.get("aligns", [])),
            indent=int(line.get("indent", 0)),
        )
    if kind == "rule":
        return Rule(str(line["rule"]) or "-")
    if kind == "qr":
        return QRCode(fill(str(line["qr"]), values), fill(str(line.get("caption", "")), values))
    if kind == "feed":
        return Feed(int(line["feed"]))
    return Cut()
