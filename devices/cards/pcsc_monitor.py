"""Hot-plug and card insert/remove events from PC/SC, polled from a device worker.

``SCardGetStatusChange`` on the readers plus the ``\\\\?PnP?\\Notification`` pseudo
reader (pcsc-lite and WinSCard both support it) blocks until something changes or
the timeout passes; ``poll`` turns the differences into events. The first poll
reports the readers and cards already present, so a listener starts in sync.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from smartcard import scard

from devices.cards.pcsc_errors import code, error_for
from devices.cards.pcsc_reader import OK, PcscContext

PNP = "\\\\?PnP?\\Notification"


class CardEventKind(enum.StrEnum):
    READER_ADDED = "reader_added"
    READER_REMOVED = "reader_removed"
    CARD_INSERTED = "card_inserted"
    CARD_REMOVED = "card_removed"


@dataclass(frozen=True)
class CardEvent:
    kind: CardEventKind
    reader: str


class PcscMonitor:
    def __init__(self) -> None:
        self._context = PcscContext()
        self._states: dict[str, int] = {}  # reader → last known event state
        self._pnp_state = 0

    def close(self) -> None:
        self._context.close()

    def poll(self, timeout: float) -> list[CardEvent]:
        """Events since the last call, waiting up to ``timeout`` s for the first one."""
        events = self._sync_readers()
        if events:
            return events
        watch = [(name, state) for name, state in self._states.items()]
        watch.append((PNP, self._pnp_state))
        hresult, states = scard.SCardGetStatusChange(
            self._context.handle, max(0, int(timeout * 1000)), watch
        )
        if code(hresult) == code(scard.SCARD_E_TIMEOUT):
            return []
        if hresult != OK:
            raise error_for(hresult, "monitor")
        for name, state, _atr in states:
            if name == PNP:
                self._pnp_state = state & ~scard.SCARD_STATE_CHANGED
                continue
            if name not in self._states:
                continue
            was = self._states[name] & scard.SCARD_STATE_PRESENT
            now = state & scard.SCARD_STATE_PRESENT
            self._states[name] = state & ~scard.SCARD_STATE_CHANGED
            if now and not was:
                events.append(CardEvent(CardEventKind.CARD_INSERTED, name))
            elif was and not now:
                events.append(CardEvent(CardEventKind.CARD_REMOVED, name))
        return events + self._sync_readers()

    def _sync_readers(self) -> list[CardEvent]:
        events: list[CardEvent] = []
        current = set(self._context.readers())
        for name in sorted(set(self._states) - current):
            del self._states[name]
            events.append(CardEvent(CardEventKind.READER_REMOVED, name))
        added = sorted(current - set(self._states))
        if added:
            hresult, states = scard.SCardGetStatusChange(
                self._context.handle, 0, [(n, scard.SCARD_STATE_UNAWARE) for n in added]
            )
            if hresult != OK:
                raise error_for(hresult, "monitor")
            for name, state, _atr in states:
                self._states[name] = state & ~scard.SCARD_STATE_CHANGED
                events.append(CardEvent(CardEventKind.READER_ADDED, name))
                if state & scard.SCARD_STATE_PRESENT:
                    events.append(CardEvent(CardEventKind.CARD_INSERTED, name))
        return events
