"""Audit records for what a technician's command does with personal data or paper.

A card read from the command line, a slip printed, cases exported or imported are as
much a disclosure as the same act in the window, so they go into the same trail. The
actor is the operating-system account (``cli:NAME``): no clerk signs in for a
command. A read whose record cannot be written is not shown (the trail is the
control); after a print or an export the act has happened, so a failed record is
reported and the command exits non-zero.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping

from desk_app.core.audit import AuditError, AuditLog, DetailValue, load_audit_key
from desk_app.services.command_context import CommandContext


class AuditUnavailable(Exception):
    """The record could not be written; ``str()`` says why, in Chinese."""


def actor() -> str:
    try:
        return "cli:" + getpass.getuser()
    except (OSError, KeyError):  # no user name in a bare container
        return "cli:unknown"


def _trail(ctx: CommandContext, with_key: bool) -> AuditLog:
    key = load_audit_key(create=True) if with_key else None
    return AuditLog.in_data_dir(ctx.paths.data_dir, id_key=key, window=ctx.config.window_id)


def record(ctx: CommandContext, action: str, *, target: str = "",
           detail: Mapping[str, DetailValue] | None = None) -> None:
    try:
        _trail(ctx, with_key=False).record(
            action, clerk=actor(), target=target, detail={"via": "cli", **(detail or {})}
        )
    except AuditError as exc:
        raise AuditUnavailable(f"无法写入审计记录：{exc}") from exc


def record_card_read(ctx: CommandContext, card_type: str, id_number: str) -> None:
    try:
        trail = _trail(ctx, with_key=True)
        trail.record("card_read", clerk=actor(), target=trail.card_digest(id_number),
                     detail={"card_type": card_type, "via": "cli"})
    except AuditError as exc:
        raise AuditUnavailable(f"无法写入审计记录，未显示读卡结果：{exc}") from exc
