"""出件: handing a decided case's result to the person at the counter, or mailing it.

The collector's card is matched with the applicant by a keyed hash (HMAC-SHA256 with a key
that lives only in this object), so neither number is ever shown or compared in clear on
screen; the center checks the same again. The applicant takes the result in person; anyone
else needs the applicant's 授权委托书, captured before the handover. A wrong person is
refused in words the clerk can say aloud.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from desk_app.core.center_errors import Rejected
from desk_app.core.sending.outbox_entries import OutboxError

WAYBILL = re.compile(r"^[A-Za-z0-9-]{6,40}$")
NOT_THE_APPLICANT = (
    "这张证件不是申请人本人的。请申请人本人来领取；由他人代领的，"
    "请代领人出示申请人签署的授权委托书，按“代领”办理。"
)
NEEDS_PROXY_LETTER = "代领须提交申请人签署的授权委托书：请先拍摄授权委托书，再办理代领。"
SELF_AS_AGENT = "这是申请人本人的证件，请按“本人领取”办理。"
NOT_READY = "该办件还没有到“待领取”，暂时不能出件。"


class HandoverRefused(Exception):
    """``str(exc)`` is the sentence the clerk says to the person at the counter."""


@dataclass(frozen=True)
class Collector:
    kind: str  # "applicant" | "agent"
    name: str
    id_number: str
    proxy_blobs: tuple[str, ...] = ()


def _normalised(number: str) -> str:
    return number.strip().upper().replace(" ", "")


class Handover:
    def __init__(self, outbox: Any, client: Any) -> None:
        self.outbox, self.client = outbox, client
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
        proxy_blobs: tuple[str, ...] = (),
    ) -> Collector:
        """Who is collecting, or ``HandoverRefused`` with what to say."""
        expected = self._applicant_digest(case_uuid)
        if expected is not None:
            same = hmac.compare_digest(expected, self._digest(card_id_number))
            if same and as_agent:
                raise HandoverRefused(SELF_AS_AGENT)
            if not same and not as_agent:
                raise HandoverRefused(NOT_THE_APPLICANT)
        if as_agent and not proxy_blobs:
            raise HandoverRefused(NEEDS_PROXY_LETTER)
        kind = "agent" if as_agent else "applicant"
        return Collector(kind, card_name, card_id_number, tuple(proxy_blobs))

    def hand_over(self, number: str, collector: Collector, key: str) -> dict[str, Any]:
        """Record the handover at the center (``key`` makes a retry harmless)."""
        body = {
            "event": "handed_over",
            "collector": {
                "kind": collector.kind,
                "name": collector.name,
                "id_number": collector.id_number,
                "proxy_blobs": list(collector.proxy_blobs),
            },
        }
        return self._post(number, body, key)

    def mail(self, number: str, waybill: str, carrier: str, key: str) -> dict[str, Any]:
        waybill = waybill.strip()
        if not WAYBILL.match(waybill):
            raise HandoverRefused("运单号应为 6–40 位字母、数字或连字符，请重新扫描或输入。")
        body = {"event": "mailed", "waybill": waybill, "carrier": carrier.strip()}
        return self._post(number, body, key)

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
