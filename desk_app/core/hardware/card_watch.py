"""Card placed / removed on a PC/SC reader, as hub events (the bridge's WebSocket, the desk).

Runs on its own thread with its own PC/SC context: ``SCardGetStatusChange`` blocks, and
pcsc-lite serves each context separately, so watching never touches the reader's driver
or its device thread (reads go on while the watch waits). Other reader kinds (serial SAM,
vendor libraries) have no insert notification; for them no events are sent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class CardWatch:
    def __init__(self, reader_name: str, emit: Callable[[str], None]) -> None:
        self._name = reader_name  # the pcsc: URI's target: the reader's name or part of it
        self._emit = emit  # "card_inserted" / "card_removed"
        self._stop = threading.Event()
        # set after the first poll: the readers' states are known, so a card placed from
        # now on is an event (one placed before is the starting state)
        self.watching = threading.Event()
        self._thread = threading.Thread(target=self._run, name="device-id_reader-events",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        from devices.cards.pcsc_monitor import CardEventKind, PcscMonitor
        from devices.errors import DeviceError

        monitor = None
        while not self._stop.is_set():
            try:
                if monitor is None:
                    monitor = PcscMonitor()
                for event in monitor.poll(0.5):
                    if self._name in event.reader and event.kind in (
                            CardEventKind.CARD_INSERTED, CardEventKind.CARD_REMOVED):
                        self._emit(str(event.kind))
                self.watching.set()
            except DeviceError:  # pcscd gone: try again shortly with a fresh context
                log.info("card watch: PC/SC not available")
                if monitor is not None:
                    monitor.close()
                monitor = None
                self._stop.wait(2.0)
        if monitor is not None:
            monitor.close()

    def stop(self) -> None:
        self._stop.set()
