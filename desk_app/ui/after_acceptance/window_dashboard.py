"""窗口概况: today's figures of this window — or, for a hall manager, of every window of
the hall (the center decides who sees what; this panel shows whatever rows it gets)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("window_id", "accepted", "pending", "overdue", "supplements_due", "handed_out",
           "rating_average")


class WindowDashboard(QWidget):
    def __init__(self, after, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windowDashboard")
        self.setWindowTitle(self.tr("窗口概况"))
        self.resize(900, 360)
        self.after, self.runner = after, runner
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.day_label = QLabel()
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.day_label, 1)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS), objectName="dashboardTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("窗口"), self.tr("今日受理"), self.tr("在办"), self.tr("超期"),
            self.tr("容缺待补"), self.tr("今日出件"), self.tr("评价均分")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        layout.addWidget(self.message)

    def refresh(self, day: date | None = None) -> None:
        def done(stats) -> None:
            self.show_stats(stats)

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("无法取得窗口概况：%1").replace("%1", str(exc)))

        self.runner.run(lambda: self.after.stats(day), done, failed)

    def show_stats(self, stats: dict) -> None:
        rows = stats.get("windows", [])
        self.day_label.setText(self.tr("%1 的窗口概况").replace("%1", stats.get("date", "")))
        self.table.setRowCount(len(rows))
        for r, figures in enumerate(rows):
            for c, key in enumerate(COLUMNS):
                value = figures.get(key)
                text = "—" if value is None else (f"{value:.1f}" if key == "rating_average"
                                                  else str(value))
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.message.setText(self.tr("共 %1 个窗口").replace("%1", str(len(rows))))
