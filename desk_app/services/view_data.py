"""Plain data the window shows; built by DeskServices, drawn by desk_app.ui."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class OutboxSummaryView:
    online: bool
    pending: int = 0
    sending: int = 0
    attention: int = 0
    done: int = 0
    last_contact: str = ""
    paused_reason: str = ""


@dataclass
class DeviceStateView:
    role: str
    label: str
    ok: bool
    message: str
    kind: str = ""  # ok | bad | unknown (not probed yet) | unbound


@dataclass
class ReceiptPreview:
    lines: list[str] = field(default_factory=list)
    printed_to: str = ""
    warnings: list[str] = field(default_factory=list)
