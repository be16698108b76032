"""Carries the sync thread's news to the GUI thread as Qt signals.

SyncService listeners run on the sync thread; emitting a signal from there queues
the call onto the GUI thread, so widgets are only ever touched where they live.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk_app.services.view_data import OutboxSummaryView as OutboxSummary


class SyncBridge(QObject):
    status_changed = Signal(object)              # OutboxSummary
    case_acknowledged = Signal(str, str, str)    # uuid, official number, promised date
    case_needs_attention = Signal(str, str)      # uuid, the center's reason
    progress_changed = Signal(object)            # SyncProgress of the upload under way
    case_status_changed = Signal(str, str, str)  # uuid, case number, the new status's words

    def __init__(self, summarize, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.summarize = summarize

    def on_sync_event(self, event) -> None:
        """Listener for SyncService; runs on the sync thread."""
        kind = getattr(event, "kind", "")
        if kind == "acknowledged":
            self.case_acknowledged.emit(event.uuid, event.official_number or "",
                                        event.promised_date or "")
        elif kind == "needs_attention":
            self.case_needs_attention.emit(event.uuid, event.reason or "")
        elif kind == "status_updated":
            self.case_status_changed.emit(event.uuid or "", event.official_number or "",
                                          event.reason or "")
        elif kind == "progress" and getattr(event, "progress", None) is not None:
            self.progress_changed.emit(event.progress)
        summary: OutboxSummary = self.summarize()
        self.status_changed.emit(summary)
