"""出件 and 邮寄 for one 待领取 case.

出件: the collector's card is read and matched with the applicant by keyed hash (core
``Handover``; no number is shown); an agent also needs the applicant's 授权委托书. A wrong
person is refused in a sentence the clerk can read out. Then the 领取凭证 lines are shown.
邮寄: the waybill (typed, or from a keyboard-wedge barcode scanner) and the address label.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.crypto import sha256_hex
from desk_app.core.masking import mask_name
from desk_app.core.window_day.handover import HandoverRefused, mail_label
from desk_app.core.window_day.window_cases import WindowCase
from desk_app.ui.widgets import words
from desk_app.ui.widgets.themed import set_state


def _case_lines(case: WindowCase) -> QFormLayout:
    form = QFormLayout()
    for label, value in (
        (QCoreApplication.translate("HandoverDialog", "办件编号"), case.number),
        (QCoreApplication.translate("HandoverDialog", "申请人"), case.applicant_masked),
        (QCoreApplication.translate("HandoverDialog", "事项"), words.listed(case.item_names)),
    ):
        form.addRow(label, QLabel(value))
    return form


def print_lines(dialog, lines: list[str]) -> None:
    """领取凭证 / 面单 on the slip printer, off the GUI thread; the outcome in the verdict."""
    dialog.runner.run(
        lambda: dialog.after.print_lines(lines),
        lambda where: dialog.verdict.setText(
            QCoreApplication.translate("HandoverDialog", "已打印到 %1").replace("%1", where)),
        lambda exc: dialog.verdict.setText(str(exc)))


class HandoverDialog(QDialog):
    def __init__(self, after, runner, case: WindowCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("出件 — 领取办理结果"))
        self.setMinimumSize(620, 520)  # the refusal is read out whole: room for three lines
        self.after, self.runner, self.case = after, runner, case
        self.identity = None
        self.proxy_letter: bytes | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(_case_lines(case))
        who = QHBoxLayout()
        self.in_person = QRadioButton(self.tr("申请人本人领取"), checked=True)
        self.by_agent = QRadioButton(self.tr("他人代领"))
        group = QButtonGroup(self)
        for button in (self.in_person, self.by_agent):
            group.addButton(button)
            who.addWidget(button)
        self.by_agent.toggled.connect(self._agent_toggled)
        layout.addLayout(who)
        self.read_button = QPushButton(self.tr("读取领取人证件"))
        self.read_button.clicked.connect(self.read_card)
        self.collector_label = QLabel(self.tr("尚未读取领取人证件"))
        layout.addWidget(self.read_button)
        layout.addWidget(self.collector_label)
        self.letter_button = QPushButton(self.tr("添加授权委托书（扫描件）"))
        self.letter_button.clicked.connect(self.pick_letter)
        self.letter_camera_button = QPushButton(self.tr("高拍仪拍摄授权委托书"))
        self.letter_camera_button.clicked.connect(self.capture_letter)
        letter_row = QHBoxLayout()
        for button in (self.letter_camera_button, self.letter_button):
            button.hide()
            letter_row.addWidget(button)
        layout.addLayout(letter_row)
        self.verdict = QLabel(objectName="handoverVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.slip = QPlainTextEdit(objectName="collectionSlip", readOnly=True)
        self.slip.hide()
        layout.addWidget(self.slip)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印领取凭证"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(
            lambda: print_lines(self, self.slip.toPlainText().splitlines()))
        buttons.addWidget(self.print_button)
        self.confirm_button = QPushButton(self.tr("确认出件"), objectName="primary")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _agent_toggled(self, on: bool) -> None:
        self.letter_button.setVisible(on)
        self.letter_camera_button.setVisible(on)
        self.verdict.clear()

    def capture_letter(self) -> None:
        from desk_app.ui.after_acceptance.supplement_dialog import jpeg_of

        if self.after.open_camera is None:
            self.verdict.setText(self.tr("未绑定高拍仪，请添加扫描件"))
            return
        self.runner.run(lambda: jpeg_of(self.after.still()), self.set_letter,
                        lambda exc: self.verdict.setText(str(exc)))

    def read_card(self) -> None:
        self.read_button.setEnabled(False)
        self.collector_label.setText(self.tr("正在读卡…"))

        def done(identity) -> None:
            self.read_button.setEnabled(True)
            self.identity = identity
            self.collector_label.setText(
                self.tr("领取人：%1").replace("%1", mask_name(identity.name)))
            self.confirm_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.read_button.setEnabled(True)
            self.collector_label.setText(str(exc))

        self.runner.run(self.after.read_identity, done, failed)

    def pick_letter(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择授权委托书"), "", self.tr("扫描件 (*.pdf *.jpg *.png)"))
        if path:
            self.set_letter(Path(path).read_bytes())

    def set_letter(self, data: bytes) -> None:
        self.proxy_letter = data
        self.letter_button.setText(self.tr("已添加授权委托书（%1 KB）")
                                   .replace("%1", str(max(1, len(data) // 1024))))

    def confirm(self) -> None:
        if self.identity is None:
            return
        as_agent = self.by_agent.isChecked()
        letter = self.proxy_letter if as_agent else None
        identity, case, after = self.identity, self.case, self.after
        self.confirm_button.setEnabled(False)

        def work():
            blobs: tuple[str, ...] = ()
            if letter:
                after.sync.client.upload_blob(sha256_hex(letter), letter)
                blobs = (sha256_hex(letter),)
            collector = after.collector(case, identity, as_agent=as_agent, proxy_blobs=blobs)
            return after.hand_over(case, collector)

        def done(view) -> None:
            set_state(self.verdict, "")
            self.verdict.setText(self.tr("已出件，办件状态：%1").replace(
                "%1", words.status(str(view.get("status", "")))))
            self.slip.setPlainText("\n".join(self.slip_lines(as_agent)))
            self.slip.show()
            self.print_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            set_state(self.verdict, "error" if isinstance(exc, HandoverRefused) else "")
            self.verdict.setText(str(exc))

        self.runner.run(work, done, failed)

    def slip_lines(self, as_agent: bool) -> list[str]:
        """领取凭证: what the collector takes away (masked: it leaves the hall)."""
        return [
            self.tr("领 取 凭 证"),
            self.tr("办件编号：%1").replace("%1", self.case.number),
            self.tr("事项：%1").replace("%1", words.listed(self.case.item_names)),
            self.tr("申请人：%1").replace("%1", self.case.applicant_masked),
            self.tr("领取人：%1（%2）").replace("%1", mask_name(self.identity.name)).replace(
                "%2", self.tr("代领") if as_agent else self.tr("本人")),
            self.tr("领取时间：%1").replace("%1", datetime.now().strftime("%Y-%m-%d %H:%M")),
        ]


class MailDialog(QDialog):
    CARRIERS = ("中国邮政EMS", "顺丰速运", "京东物流")

    def __init__(self, after, runner, case: WindowCase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailDialog")
        self.setWindowTitle(self.tr("邮寄办理结果"))
        self.setMinimumSize(560, 420)
        self.after, self.runner, self.case = after, runner, case
        layout = QVBoxLayout(self)
        form = _case_lines(case)
        self.carrier = QComboBox()
        self.carrier.addItems(self.CARRIERS)
        self.waybill = QLineEdit(objectName="waybill")
        self.waybill.setPlaceholderText(self.tr("输入或扫描运单条码"))
        self.waybill.returnPressed.connect(self.confirm)
        form.addRow(self.tr("快递公司"), self.carrier)
        form.addRow(self.tr("运单号"), self.waybill)
        layout.addLayout(form)
        self.label = QPlainTextEdit(objectName="addressLabel", readOnly=True)
        layout.addWidget(self.label)
        self.verdict = QLabel(objectName="mailVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印面单"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(
            lambda: print_lines(self, self.label.toPlainText().splitlines()))
        buttons.addWidget(self.print_button)
        self.confirm_button = QPushButton(self.tr("确认寄出"), objectName="primary")
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def confirm(self) -> None:
        waybill, carrier = self.waybill.text(), self.carrier.currentText()
        case, after = self.case, self.after
        self.confirm_button.setEnabled(False)

        def work():
            view = after.mail(case, waybill, carrier)
            try:
                request = after.outbox.record(case.uuid)["request"]
            except Exception:  # purged here: the label is written by hand
                request = None
            return view, mail_label(request, waybill.strip()) if request else []

        def done(result) -> None:
            view, label = result
            set_state(self.verdict, "")
            self.verdict.setText(self.tr("已寄出，办件状态：%1").replace(
                "%1", words.status(str(view.get("status", "")))))
            self.label.setPlainText("\n".join(label) or self.tr("本机已无该件的地址，请手写面单"))
            self.print_button.setEnabled(bool(label))

        def failed(exc: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            set_state(self.verdict, "error" if isinstance(exc, HandoverRefused) else "")
            self.verdict.setText(str(exc))

        self.runner.run(work, done, failed)
