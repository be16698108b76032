"""Contact and contactless smart cards through PC/SC (pcsc-lite, Windows WinSCard).

Uses pyscard's thin ``smartcard.scard`` layer rather than its object API because
every wait needs a deadline (``SCardGetStatusChange`` with a timeout) and every error
a PC/SC code we can turn into a clerk message.

``pcsc:<name part>`` picks the first reader whose name contains the part (case
insensitive), looked up again at every read so a re-plugged reader is found again.
Transmissions have no timeout of their own in PC/SC, so a card session runs on a
thread of its own with a budget (``session_timeout``); see ``_with_card``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from smartcard import scard

from devices.cards import emv, ssc
from devices.cards.apdu import Channel
from devices.cards.identity import BankCard, Identity
from devices.cards.pcsc_errors import code, error_for
from devices.cards.reader import ReaderInfo
from devices.errors import DeviceBusy, DeviceError, DeviceNotConnected, DeviceTimeout

OK = scard.SCARD_S_SUCCESS
_T = TypeVar("_T")
_PROTOCOLS = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
# Budget for the APDU exchange once a card is in: a full social security or bank card
# read is a few dozen APDUs (~0.1–0.5 s on real readers), so 5 s only catches a dead card.
SESSION_TIMEOUT = 5.0


class PcscContext:
    """One PC/SC context (a connection to pcscd / the Smart Card service)."""

    def __init__(self) -> None:
        hresult, self.handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != OK:
            raise error_for(hresult, "establish context")

    def readers(self) -> list[str]:
        hresult, names = scard.SCardListReaders(self.handle, [])
        if code(hresult) == code(scard.SCARD_E_NO_READERS_AVAILABLE):
            return []
        if hresult != OK:
            raise error_for(hresult, "list readers")
        return list(names)

    def close(self) -> None:
        scard.SCardReleaseContext(self.handle)


def pcsc_readers() -> list[ReaderInfo]:
    context = PcscContext()
    try:
        return [
            ReaderInfo(f"pcsc:{name}", f"智能卡读卡器 {name}（社保卡、银行卡）")
            for name in context.readers()
        ]
    finally:
        context.close()


def _card_session(name: str, work: Callable[[Channel], object], outcome: list[object]) -> None:
    """Connect, run ``work``, disconnect; the result or the exception lands in ``outcome``."""
    try:
        context = PcscContext()
    except DeviceError as exc:
        outcome.append(exc)
        return
    try:
        hresult, hcard, protocol = scard.SCardConnect(
            context.handle, name, scard.SCARD_SHARE_SHARED, _PROTOCOLS
        )
        if hresult != OK:
            raise error_for(hresult, "connect")

        def transmit(command: bytes) -> bytes:
            result, response = scard.SCardTransmit(hcard, protocol, list(command))
            if result != OK:
                raise error_for(result, "transmit")
            return bytes(response)

        try:
            outcome.append(work(Channel(transmit)))
        finally:
            scard.SCardDisconnect(hcard, scard.SCARD_LEAVE_CARD)
    except DeviceError as exc:
        outcome.append(exc)
    finally:
        context.close()


class PcscReader:
    def __init__(
        self,
        name_part: str,
        *,
        session_timeout: float = SESSION_TIMEOUT,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.uri = f"pcsc:{name_part}"
        self._name_part = name_part
        self._today = today
        self._session_timeout = session_timeout
        self._session: threading.Thread | None = None
        self._context = PcscContext()

    @property
    def busy(self) -> bool:
        """True while an abandoned card session is still blocked in the driver."""
        return self._session is not None and self._session.is_alive()

    def close(self) -> None:
        self._context.close()

    def __enter__(self) -> PcscReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reader_name(self) -> str:
        names = self._context.readers()
        wanted = self._name_part.casefold()
        for name in names:
            if wanted in name.casefold():
                return name
        present = "、".join(names) if names else "无"
        raise DeviceNotConnected(
            f"未找到名称包含“{self._name_part}”的智能卡读卡器：请检查 USB 线；当前可用：{present}",
            detail=f"{len(names)} readers",
        )

    def check(self, timeout: float) -> str:
        name = self.reader_name()
        hresult, states = scard.SCardGetStatusChange(
            self._context.handle, 0, [(name, scard.SCARD_STATE_UNAWARE)]
        )
        if hresult != OK:
            raise error_for(hresult, "status")
        present = states[0][1] & scard.SCARD_STATE_PRESENT
        return f"读卡器 {name} 已连接，{'有卡' if present else '无卡'}"

    def wait_for_card(self, timeout: float) -> str:
        """The reader's name once a card is in it; NoCardError after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        name = self.reader_name()
        state = scard.SCARD_STATE_UNAWARE
        while True:
            remaining_ms = max(0, int((deadline - time.monotonic()) * 1000))
            hresult, states = scard.SCardGetStatusChange(
                self._context.handle, remaining_ms, [(name, state)]
            )
            if hresult != OK:
                raise error_for(hresult, "wait for card")
            event = states[0][1]
            if event & scard.SCARD_STATE_MUTE:
                raise error_for(scard.SCARD_W_UNRESPONSIVE_CARD, "card mute")
            if event & scard.SCARD_STATE_PRESENT:
                return name
            if remaining_ms == 0:
                raise error_for(scard.SCARD_E_TIMEOUT, "wait for card")
            state = event & ~scard.SCARD_STATE_CHANGED

    def _with_card(self, timeout: float, work: Callable[[Channel], _T]) -> _T:
        """Wait for a card, then run ``work`` on it within ``session_timeout``.

        PC/SC has no timeout for a transmission, so the card session runs on its own
        thread and context: a card that stops answering costs the caller at most the
        session budget (DeviceTimeout), and the reader reports busy until the stuck
        exchange ends (the card is pulled, or the driver gives up).
        """
        if self.busy:
            raise DeviceBusy(
                "读卡器仍在等待上一张卡片的应答：请取出卡片，稍候再试",
                detail="previous session still blocked",
            )
        name = self.wait_for_card(timeout)
        outcome: list[object] = []
        thread = threading.Thread(
            target=_card_session, args=(name, work, outcome), name="pcsc-session", daemon=True
        )
        self._session = thread
        thread.start()
        thread.join(self._session_timeout)
        if thread.is_alive():
            raise DeviceTimeout(
                "卡片长时间没有应答：请取出卡片后重新插入；仍不行说明芯片可能损坏",
                detail=f"session over {self._session_timeout}s",
            )
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result  # type: ignore[return-value]

    def read_identity(self, timeout: float) -> Identity:
        """The social security card in the reader."""
        return self._with_card(
            timeout, lambda ch: ssc.read_social_security_card(ch, source=self.uri)
        )

    def read_bank_card(self, timeout: float) -> BankCard:
        return self._with_card(
            timeout, lambda ch: emv.read_bank_card(ch, today=self._today(), source=self.uri)
        )
