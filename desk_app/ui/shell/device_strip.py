"""The status strip's devices, network and device-bridge badge, kept current.

- Device dots show the hub's last real answer (``DeviceHub`` probes in the background
  and on every use); a dot is refreshed each second from that state, no device is asked
  on the GUI thread.
- The network label follows ``NetworkWatch`` (a dead center shows within seconds).
- The applicant's screen is a device too: Qt says whether a second screen is there.
- With ``[bridge] enabled``: a badge, the pairing code when a page asks to pair, and a
  note whenever a page used a device (the clerk sees it).
Hub events arrive on device threads; a queued signal carries them to the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox

from desk_app.core.machine_config import ROLE_APPLICANT_MONITOR
from desk_app.ui.widgets import words

OPERATION_WORDS = {"read_card": QT_TRANSLATE_NOOP("DeviceStrip", "读卡器"),
                   "capture": QT_TRANSLATE_NOOP("DeviceStrip", "高拍仪"),
                   "scan": QT_TRANSLATE_NOOP("DeviceStrip", "扫描仪"),
                   "print_slip": QT_TRANSLATE_NOOP("DeviceStrip", "小票打印机"),
                   "print_pdf": QT_TRANSLATE_NOOP("DeviceStrip", "A4 打印机")}


class DeviceStrip(QObject):
    hub_event = Signal(object)
    pairing_code = Signal(str, str)

    def __init__(self, window, services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.panel = window.status_panel
        self._online: bool | None = None
        self.badge: QLabel | None = None
        self.hub_event.connect(self._on_hub_event)
        self.pairing_code.connect(self._show_code)
        services.hub.add_listener(self.hub_event.emit)
        bridge = getattr(services, "bridge", None)
        if bridge is not None or getattr(services, "bridge_problem", ""):
            self._add_badge(bridge)
        if bridge is not None:
            bridge.notices.add_listener(self.pairing_code.emit)
        app = QGuiApplication.instance()
        if app is not None:
            app.screenAdded.connect(self._report_screens)
            app.screenRemoved.connect(self._report_screens)
        self._report_screens()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        for state in self.services.device_states():
            self.panel.show_device(state)
        network = self.services.network
        if network is not None and network.online != self._online:
            self._online = network.online
            self.panel.show_outbox(self.services.outbox_summary())

    def _report_screens(self, *_args) -> None:
        screens = len(QGuiApplication.screens())
        if screens > 1:
            self.services.hub.report(ROLE_APPLICANT_MONITOR, True,
                                     self.tr("评价屏：已连接（第二显示器）"))
        else:
            self.services.hub.report(ROLE_APPLICANT_MONITOR, False,
                                     self.tr("评价屏：未发现第二显示器（Ctrl+Shift+K 以窗口显示）"))

    def _add_badge(self, bridge) -> None:
        self.badge = QLabel()
        self.badge.setObjectName("bridgeBadge")
        self._badge_reset = QTimer(self)
        self._badge_reset.setSingleShot(True)
        if bridge is not None:
            idle = self.tr("网页设备服务 %1").replace("%1", bridge.url)
            self._badge_reset.timeout.connect(lambda: self.badge.setText(idle))
            self.badge.setText(idle)
            self.badge.setToolTip(self.tr("允许的网页来源：%1").replace(
                "%1", words.listed(sorted(bridge.settings.allowed_origins))))
        else:
            self.badge.setText(self.tr("网页设备服务未启动"))
            self.badge.setToolTip(self.services.bridge_problem)
        self.window.statusBar().addPermanentWidget(self.badge)

    def _on_hub_event(self, event) -> None:
        if event.kind == "used" and event.owner.startswith("bridge:") and self.badge:
            # on the badge, not showMessage: a temporary message would hide the outbox button
            device = words.translated("DeviceStrip", OPERATION_WORDS.get(event.operation,
                                                                          event.role))
            self.badge.setText(self.tr("网页 %1 使用了%2")
                               .replace("%1", event.owner.removeprefix("bridge:"))
                               .replace("%2", device))
            self._badge_reset.start(10_000)
        elif event.kind == "state":
            self.refresh()

    def _show_code(self, origin: str, code: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("网页配对"),
                          self.tr("网页 %1 申请使用本柜台的设备。\n\n配对码：%2\n\n"
                                  "请技术人员在该网页中输入此配对码（5 分钟内有效）；"
                                  "如无人操作配对，请忽略。")
                          .replace("%1", origin).replace("%2", code),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("pairingCode")
        box.setModal(False)
        box.show()
