"""The scanner interface shared by SANE (Linux) and TWAIN (Windows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

SOURCES = ("flatbed", "adf")


@dataclass
class ScanSettings:
    source: str = "flatbed"  # "flatbed" (one page) or "adf" (every page in the feeder)
    dpi: int = 200
    colour: bool = True

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, not {self.source!r}")
        if not 50 <= self.dpi <= 1200:
            raise ValueError("dpi must be within 50..1200")


class Scanner(Protocol):
    uri: str
    description: str

    def scan(self, settings: ScanSettings, timeout: float = 120.0) -> list[np.ndarray]:
        """The scanned pages as BGR (or greyscale) arrays, in feed order."""
        ...

    def close(self) -> None: ...
