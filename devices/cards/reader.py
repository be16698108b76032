"""What every card-reader backend offers, and how a found reader is described."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from devices.cards.identity import Identity


@dataclass(frozen=True)
class ReaderInfo:
    uri: str  # what ``open_reader`` and ``--device`` accept
    description: str  # Chinese words for the technician


class CardReader(Protocol):
    """A reader opened from a URI. Not thread-safe: use it from one device worker.

    Every call blocks at most ``timeout`` seconds and raises ``DeviceError``
    subclasses whose ``clerk_message`` says what to do.
    """

    uri: str

    def read_identity(self, timeout: float) -> Identity:
        """Wait up to ``timeout`` s for a card and read it."""
        ...

    def check(self, timeout: float) -> str:
        """Talk to the reader without needing a card; a short health description."""
        ...

    def close(self) -> None: ...
