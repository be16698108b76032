"""How big the next upload chunk is: about half a second of the link as measured.

Every chunk costs one round trip plus the center's write and fsync. With a fixed
256 KiB chunk that overhead is a few percent of a 1 MiB/s town-centre line but a
third of a 4 MiB/s one. Sizing chunks by time instead keeps the overhead small on
fast links while a cut still re-sends at most one chunk — half a second of the link,
whatever its speed. A failed chunk halves the next one: a flaky link wastes less.
"""

from __future__ import annotations

KIB = 1024
MIN_CHUNK = 64 * KIB
START_CHUNK = 256 * KIB
MAX_CHUNK = 4 * 1024 * KIB
TARGET_SECONDS = 0.5
SMOOTHING = 0.5  # weight of the newest rate; links change quickly, servers stall rarely


class ChunkPacer:
    def __init__(
        self,
        *,
        start: int = START_CHUNK,
        minimum: int = MIN_CHUNK,
        maximum: int = MAX_CHUNK,
        target_seconds: float = TARGET_SECONDS,
    ) -> None:
        self.minimum, self.maximum, self.target = minimum, maximum, target_seconds
        self._size = max(minimum, min(maximum, start))
        self._rate: float | None = None  # bytes per second, smoothed
        self.largest = 0  # the biggest chunk handed out (what one cut can cost at most)

    def next_size(self) -> int:
        self.largest = max(self.largest, self._size)
        return self._size

    def sent(self, size: int, seconds: float) -> None:
        if size < self.minimum // 2 or seconds <= 0:
            return  # a file's short tail says little about the link
        rate = size / seconds
        self._rate = rate if self._rate is None else SMOOTHING * rate + (1 - SMOOTHING) * self._rate
        wanted = int(self._rate * self.target)
        # whole KiB, and never more than double at a time (one fast chunk may be a fluke)
        self._size = max(self.minimum, min(self.maximum, 2 * self._size, wanted // KIB * KIB))

    def failed(self) -> None:
        self._size = max(self.minimum, self._size // 2 // KIB * KIB)


class FixedChunks:
    """A set chunk size (tests that need many chunks in a small file)."""

    def __init__(self, size: int) -> None:
        self.size = self.largest = self.minimum = size

    def next_size(self) -> int:
        return self.size

    def sent(self, size: int, seconds: float) -> None:
        pass

    def failed(self) -> None:
        pass
