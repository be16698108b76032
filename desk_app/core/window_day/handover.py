"""出件: handing a decided case's result to the person at the counter, or mailing it.

The collector's card is matched with the applicant by a keyed hash (HMAC-SHA256 with a key
that lives only in this object), so neither number is ever shown or compared in clear on
screen; the center checks the same again. The applicant takes the result in person; anyone
else needs the applicant's 授权委托书, captured before the handover. The collector signs on
the applicant screen; the signature goes with the event. A wrong person is refused in words
the clerk can say aloud. A handover checked here, and every mailing, waits in the outbox
(kind ``case_event``) like a case, so the center being offline loses nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desk_app.core.case_model import CaseEventDraft
from desk_app.core.center_errors import Rejected, Transient
from desk_app.core.crypto import sha256_hex
from desk_app.core.sending.outbox_entries import OutboxError
from forms.vocabulary import status_label as label

WAYBILL = re.compile(r"^[A-Za-z0-9-]{6,40}$")
NOT_THE_APPLICANT = (
    "这张证件不是申请人本人的。请申请人本人来领取；由他人代领的，"
    "请代领人出示申请人签署的授权委托书，按“代领”办理。"
)
NEEDS_PROXY_LETTER = "代领须提交申请人签署的授权委托书：请先拍摄授权委托书，再办理代领。"
SELF_AS_AGENT = "这是申请人本人的证件，请按“本人领取”办理。"
NOT_READY = "该办件还没有到“待领取”，暂时不能出件。"
NEEDS_SIGNATURE = "请领取人先在对面的屏幕上签名，再确认出件。"
CANNOT_CHECK_OFFLINE = (
    "本机已不保存该件申请人的信息，中心暂时连不上，无法核对领取人：请稍候联网后再办理出件。"
)


class HandoverRefused(Exception):
    """``str(exc)`` is the sentence the clerk says to the person at the counter."""


@dataclass(frozen=True)
class Collector:
    kind: str  # "applicant" | "agent"
    name: str
    id_number: str
    proxy_blobs: tuple[str, ...] = ()  # digests of the 授权委托书's files
    files: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Outcome:
    """What became of a 出件 / 邮寄: ``queued`` ones are in the outbox (sent by the sync
    thread, also after an offline stretch); the others were recorded by the center now."""

    queued: bool
    status: str
    status_label: str


TARGET = {"handed_over": "collected", "mailed": "mailed"}


def _normalised(number: str) -> str:
    return number.strip().upper().replace(" ", "")


class Handover:
    def __init__(self, outbox: Any, client: Any, window_id: str = "",
                 wake: Callable[[], None] = lambda: None) -> None:
        self.outbox, self.client, self.window_id, self.wake = outbox, client, window_id, wake
        self._key = secrets.token_bytes(32)  # never stored: it only has to outlive a match

    def _digest(self, number: str) -> bytes:
        return hmac.new(self._key, _normalised(number).encode(), hashlib.sha256).digest()

    def _applicant_digest(self, case_uuid: str) -> bytes | None:
        """From the local record while kept; None: only the center can check."""
        try:
            number = self.outbox.record(case_uuid)["request"]["applicant"]["id_number"]
        except (OutboxError, KeyError, TypeError, ValueError):
            return None
        return self._digest(str(number))

    def cases_of(self, case_uuids: list[str], card_id_number: str) -> list[str]:
        """Those of ``case_uuids`` whose applicant holds this card (their open cases)."""
        wanted = self._digest(card_id_number)
        return [u for u in case_uuids
                if (d := self._applicant_digest(u)) is not None and hmac.compare_digest(d, wanted)]

    def collector(
        self,
        case_uuid: str,
        card_name: str,
        card_id_number: str,
        *,
        as_agent: bool,
        proxy_letter: bytes | None = None,
    ) -> Collector:
        """Who is collecting, or ``HandoverRefused`` with what to say."""
        expected = self._applicant_digest(case_uuid)
        if expected is not None:
            same = hmac.compare_digest(expected, self._digest(card_id_number))
            if same and as_agent:
                raise HandoverRefused(SELF_AS_AGENT)
            if not same and not as_agent:
                raise HandoverRefused(NOT_THE_APPLICANT)
        if as_agent and not proxy_letter:
            raise HandoverRefused(NEEDS_PROXY_LETTER)
        files = {sha256_hex(proxy_letter): proxy_letter} if as_agent and proxy_letter else {}
        kind = "agent" if as_agent else "applicant"
        return Collector(kind, card_name, card_id_number, tuple(files), files)

    def hand_over(self, case_uuid: str, number: str, collector: Collector,
                  signature_png: bytes, key: str, *, status: str = "ready") -> Outcome:
        """Record the handover with the collector's signature. Checked here (the applicant's
        record is kept): queued, so an offline center loses nothing. Not checkable here:
        the center checks, now, or the result is not handed out. ``status``: the case's
        status as the desk last heard it."""
        if status != "ready":
            raise HandoverRefused(NOT_READY)
        if not signature_png:
            raise HandoverRefused(NEEDS_SIGNATURE)
        signature = sha256_hex(signature_png)
        files = {**collector.files, signature: signature_png}
        body = {
            "event": "handed_over",
            "collector": {
                "kind": collector.kind,
                "name": collector.name,
                "id_number": collector.id_number,
                "proxy_blobs": list(collector.proxy_blobs),
                "signature_blob": signature,
            },
        }
        if self._applicant_digest(case_uuid) is not None:
            return self._queue(case_uuid, number, body, files, key)
        try:
            for digest, data in files.items():
                self.client.upload_blob(digest, data)
            view = self._post(number, body, key)
        except Transient as exc:
            raise HandoverRefused(CANNOT_CHECK_OFFLINE) from exc
        return Outcome(False, str(view.get("status", "")), str(view.get("status_label", "")))

    def mail(self, case_uuid: str, number: str, waybill: str, carrier: str,
             key: str, *, status: str = "ready") -> Outcome:
        """已寄出: always queued (no person to check), sent once when the center answers."""
        if status != "ready":
            raise HandoverRefused(NOT_READY)
        waybill = waybill.strip()
        if not WAYBILL.match(waybill):
            raise HandoverRefused("运单号应为 6–40 位字母、数字或连字符，请重新扫描或输入。")
        body = {"event": "mailed", "waybill": waybill, "carrier": carrier.strip()}
        return self._queue(case_uuid, number, body, {}, key)

    def _queue(self, case_uuid: str, number: str, body: dict[str, Any],
               files: dict[str, bytes], key: str) -> Outcome:
        self.outbox.seal_case_event(
            CaseEventDraft(key, case_uuid, number, self.window_id, body, list(files)), files)
        self.wake()
        status = TARGET[body["event"]]
        return Outcome(True, status, label(status))

    def _post(self, number: str, body: dict[str, Any], key: str) -> dict[str, Any]:
        try:
            return self.client.post_case_event(number, body, key)
        except Rejected as exc:
            if exc.problem == "illegal-transition":
                raise HandoverRefused(NOT_READY) from exc
            for error in exc.errors:
                if error.field == "collector" and "不是申请人本人" in error.message:
                    raise HandoverRefused(NOT_THE_APPLICANT) from exc
                if error.field == "collector.proxy_blobs":
                    raise HandoverRefused(NEEDS_PROXY_LETTER) from exc
            raise


def pending_events(outbox: Any) -> dict[str, str]:
    """Case UUID → the status a 出件 / 邮寄 sealed here but not yet at the center gives it."""
    out: dict[str, str] = {}
    for entry in outbox.list_entries(("pending", "sending", "needs_attention"),
                                     kind="case_event"):
        try:
            event = outbox.record(entry.uuid)["request"]["event"]
        except (OutboxError, KeyError, TypeError, ValueError):
            continue
        if entry.parent_uuid and event in TARGET:
            out[entry.parent_uuid] = TARGET[event]
    return out


def mail_label(request: dict[str, Any], waybill: str) -> list[str]:
    """The address label's lines, from the case's form (the applicant asked for mail)."""
    applicant = request.get("applicant") or {}
    form = request.get("form") or {}
    address = str(form.get("mail.address") or applicant.get("address") or "")
    return [
        f"收件人：{applicant.get('name', '')}",
        f"电话：{applicant.get('phone') or ''}",
        f"地址：{address}",
        f"运单号：{waybill}",
    ]
