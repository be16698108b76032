"""出件's files: the collector's signature and an agent's 授权委托书 must be at the center
(fully uploaded) before the handover is recorded, so the record never points at nothing."""

from __future__ import annotations

from collections.abc import Callable

from center.case_life import EventIn
from center.case_rules import check_blobs
from center.problems import validation_problem


def check_collection_files(body: EventIn, is_complete: Callable[[str], bool]) -> None:
    who = body.collector
    if body.event != "handed_over" or who is None:
        return
    errors: list[dict[str, str]] = []
    check_blobs(errors, "collector.proxy_blobs", who.proxy_blobs, is_complete)
    if who.signature_blob:
        check_blobs(errors, "collector.signature_blob", [who.signature_blob], is_complete)
    if errors:
        raise validation_problem(errors)
