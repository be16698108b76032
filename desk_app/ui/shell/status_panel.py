"""The strip at the bottom: network and outbox state, and each device's state.

The clerk must always see whether cases are leaving the desk: pending, sending,
needing attention, and when the center last answered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from desk_app.services.view_data import DeviceStateView as DeviceState
from desk_app.services.view_data import OutboxSummaryView as OutboxSummary
from desk_app.ui.widgets import words
from desk_app.ui.widgets.themed import set_state as _set_state


class StatusPanel:
    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.network = QLabel()
        self.network.setObjectName("networkState")
        self.outbox = QLabel()
        self.outbox.setObjectName("outboxState")
        bar.addPermanentWidget(self.network)
        bar.addPermanentWidget(self.outbox)
        self.devices: dict[str, QLabel] = {}

    def show_outbox(self, summary: OutboxSummary) -> None:
        # literal translate() calls: lupdate files them under the context Qt looks up
        translate = QCoreApplication.translate
        if summary.paused_reason:
            text = translate("StatusPanel", "上报已暂停：%1")
            self.network.setText(text.replace("%1", summary.paused_reason))
            _set_state(self.network, "warn")
        elif summary.online:
            self.network.setText(translate("StatusPanel", "网络正常"))
            _set_state(self.network, "ok")
        else:
            self.network.setText(translate("StatusPanel", "离线：案件暂存本机，恢复后自动上报"))
            _set_state(self.network, "error")
        text = (translate("StatusPanel", "待上报 %1 · 上报中 %2 · 需处理 %3 · 已完成 %4")
                .replace("%1", str(summary.pending)).replace("%2", str(summary.sending))
                .replace("%3", str(summary.attention)).replace("%4", str(summary.done)))
        if summary.last_contact:
            text += translate("StatusPanel", " · 最近联系 %1").replace("%1", summary.last_contact)
        self.outbox.setText(text)
        _set_state(self.outbox, "error" if summary.attention else "ok")

    def show_device(self, state: DeviceState) -> None:
        label = self.devices.get(state.role)
        if label is None:
            label = QLabel()
            label.setObjectName(f"device_{state.role}")
            self.devices[state.role] = label
            self.bar.addPermanentWidget(label)
        # not probed yet is not green: the dot shows the device's last real answer
        kind = state.kind or ("ok" if state.ok else "bad")
        mark = {"ok": "●", "unknown": "◌"}.get(kind, "○")
        shown = words.translated("DeviceKind", state.label)  # core.hardware.device_kinds
        if kind == "unbound":
            shown = QCoreApplication.translate("StatusPanel", "%1：未配置").replace("%1", shown)
        label.setText(f"{mark} {shown}")
        # the hub's own words are marked; a device backend's message is shown as it says it
        label.setToolTip(words.translated("DeviceKind", state.message))
        _set_state(label, {"ok": "ok", "unknown": "warn"}.get(kind, "error"))
