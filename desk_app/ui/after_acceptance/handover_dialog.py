"""出件 and 邮寄 for one 待领取 case.

出件: the collector's card is read and matched with the applicant by keyed hash (core
``Handover``; no number is shown); an agent also needs the applicant's 授权委托书. A wrong
person is refused in a sentence the clerk can read out. Then the 领取凭证 lines are shown.
The collector signs on the applicant screen; the handover (signature, letter) waits in the
outbox when the center is offline, and the 领取凭证 prints at once.
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

from desk_app.core.masking import mask_name
from desk_app.core.sending.outbox_entries import OutboxError
from desk_app.core.window_day.handover import HandoverRefused, mail_label
from desk_app.core.window_day.window_cases import WindowCase
from desk_app.ui.shell import keymap
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


def print_lines(dialog, lines: list[str], printed=None) -> None:
    """领取凭证 / 面单 on the slip printer, off the GUI thread; the outcome in the verdict."""
    dialog.runner.run(
        lambda: dialog.after.print_lines(lines),
        printed or (lambda where: dialog.verdict.setText(
            QCoreApplication.translate("HandoverDialog", "已打印到 %1").replace("%1", where))),
        lambda exc: dialog.verdict.setText(str(exc)))


class HandoverDialog(QDialog):
    """Keyboard: F2 reads the collector's card (in person, the applicant screen then asks
    for the signature at once), F4 photographs an agent's 授权委托书, Ctrl+Enter confirms;
    the 领取凭证 prints by itself."""

    def __init__(self, after, runner, case: WindowCase, parent: QWidget | None = None,
                 customer=None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("出件 — 领取办理结果"))
        self.setMinimumSize(640, 560)  # the refusal is read out whole: room for three lines
        self.after, self.runner, self.case, self.customer = after, runner, case, customer
        self.identity = None
        self.proxy_letter: bytes | None = None
        self.signature: bytes | None = None
        self.sign_key = f"handover:{case.uuid}"
        self.done = False
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
        self.read_button = QPushButton(keymap.with_key(self.tr("读取领取人证件"), "read_card"))
        self.read_button.clicked.connect(self.read_card)
        self.collector_label = QLabel(self.tr("尚未读取领取人证件"), objectName="collector")
        layout.addWidget(self.read_button)
        layout.addWidget(self.collector_label)
        self.letter_camera_button = QPushButton(
            keymap.with_key(self.tr("高拍仪拍摄授权委托书"), "capture"))
        self.letter_camera_button.clicked.connect(self.capture_letter)
        self.letter_button = QPushButton(self.tr("添加授权委托书（扫描件）"))
        self.letter_button.clicked.connect(self.pick_letter)
        letter_row = QHBoxLayout()
        for button in (self.letter_camera_button, self.letter_button):
            button.hide()
            letter_row.addWidget(button)
        layout.addLayout(letter_row)
        self.sign_button = QPushButton(self.tr("请领取人在申请人屏上签名"))
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self.ask_signature)
        self.sign_label = QLabel(objectName="collectorSignature")
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign_button)
        sign_row.addWidget(self.sign_label, 1)
        layout.addLayout(sign_row)
        self.verdict = QLabel(objectName="handoverVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.slip = QPlainTextEdit(objectName="collectionSlip", readOnly=True)
        self.slip.hide()
        layout.addWidget(self.slip, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("重打领取凭证"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_slip)
        buttons.addWidget(self.print_button)
        self.confirm_button = QPushButton(keymap.with_key(self.tr("确认出件"), "seal"),
                                          objectName="primary")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        keymap.bind("read_card", self, self.read_card)
        keymap.bind("capture", self, self.capture_letter)
        keymap.bind("seal", self, self.confirm)
        if customer is not None:
            customer.signed_for.connect(self._signed)
        self.read_button.setFocus()

    # ---- who collects ------------------------------------------------------------------
    def _agent_toggled(self, on: bool) -> None:
        self.letter_button.setVisible(on)
        self.letter_camera_button.setVisible(on)
        self.verdict.clear()
        self.signature = None  # signed as who they were: sign again
        self.sign_label.clear()
        if self.identity is not None:
            self._check_collector()
        else:
            self._update()

    def read_card(self) -> None:
        if self.done:
            return
        self.read_button.setEnabled(False)
        self.collector_label.setText(self.tr("正在读卡…"))

        def done(identity) -> None:
            self.read_button.setEnabled(True)
            self.identity = identity
            self.signature = None  # a new person signs anew
            self.sign_label.clear()
            self.collector_label.setText(
                self.tr("领取人：%1").replace("%1", mask_name(identity.name)))
            self._check_collector()

        def failed(exc: BaseException) -> None:
            self.read_button.setEnabled(True)
            self.collector_label.setText(str(exc))

        self.runner.run(self.after.read_identity, done, failed)

    def _check_collector(self) -> None:
        """Say at once whether this person may collect (before anyone signs anything)."""
        try:
            self.after.collector(self.case, self.identity, as_agent=self.by_agent.isChecked(),
                                 proxy_letter=self.proxy_letter)
        except HandoverRefused as exc:
            set_state(self.verdict, "error")
            self.verdict.setText(str(exc))
            self._update()
            return
        set_state(self.verdict, "")
        self.verdict.clear()
        self._update()
        self.ask_signature()

    def capture_letter(self) -> None:
        from desk_app.ui.after_acceptance.supplement_dialog import jpeg_of

        if not self.by_agent.isChecked() or self.done:
            return
        if self.after.open_camera is None:
            self.verdict.setText(self.tr("未绑定高拍仪，请添加扫描件"))
            return
        self.runner.run(lambda: jpeg_of(self.after.still()), self.set_letter,
                        lambda exc: self.verdict.setText(str(exc)))

    def pick_letter(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择授权委托书"), "", self.tr("扫描件 (*.pdf *.jpg *.png)"))
        if path:
            self.set_letter(Path(path).read_bytes())

    def set_letter(self, data: bytes) -> None:
        self.proxy_letter = data
        self.letter_camera_button.setText(self.tr("已拍摄授权委托书（%1 KB），可重拍")
                                          .replace("%1", str(max(1, len(data) // 1024))))
        if self.identity is not None:
            self._check_collector()

    # ---- the signature -----------------------------------------------------------------
    def _may_sign(self) -> bool:
        if self.identity is None or self.done:
            return False
        try:
            self.after.collector(self.case, self.identity, as_agent=self.by_agent.isChecked(),
                                 proxy_letter=self.proxy_letter)
        except HandoverRefused:
            return False
        return True

    def ask_signature(self) -> None:
        if not self._may_sign():
            return
        if self.customer is None:
            self.sign_label.setText(self.tr("未连接申请人屏，无法签名"))
            return
        prompt = self.tr("领取办理结果：%1\n办件编号 %2\n请领取人核对后在下面签名").replace(
            "%1", "、".join(self.case.item_names)).replace("%2", self.case.number)
        self.customer.ask_signature(self.sign_key, prompt)
        self.sign_label.setText(self.tr("请领取人在对面屏幕上签名…"))

    def _signed(self, key: str, png: bytes) -> None:
        if key != self.sign_key or self.done:
            return
        self.signature = png
        self.sign_label.setText(self.tr("领取人已签名 ✓"))
        self._update()
        self.confirm_button.setFocus()

    def _update(self) -> None:
        may = self._may_sign()
        self.sign_button.setEnabled(may)
        self.confirm_button.setEnabled(may and self.signature is not None)

    # ---- confirm -----------------------------------------------------------------------
    def confirm(self) -> None:
        if not self.confirm_button.isEnabled():
            return
        as_agent = self.by_agent.isChecked()
        identity, case, after = self.identity, self.case, self.after
        letter, signature = self.proxy_letter if as_agent else None, self.signature
        self.confirm_button.setEnabled(False)

        def work():
            collector = after.collector(case, identity, as_agent=as_agent, proxy_letter=letter)
            return after.hand_over(case, collector, signature)

        def done(outcome) -> None:
            self.done = True
            set_state(self.verdict, "")
            text = (self.tr("已出件（%1）。已记录在本机，联网后自动上报中心。") if outcome.queued
                    else self.tr("已出件（%1），中心已登记。"))
            self.verdict.setText(text.replace("%1", words.status(outcome.status)))
            self.slip.setPlainText("\n".join(self.slip_lines(as_agent)))
            self.slip.show()
            self.print_button.setEnabled(True)
            self.read_button.setEnabled(False)
            self.sign_button.setEnabled(False)
            if self.customer is not None:
                self.customer.thank()
            self.print_slip()  # the 领取凭证 goes with the collector

        def failed(exc: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            set_state(self.verdict, "error" if isinstance(exc, HandoverRefused) else "")
            self.verdict.setText(str(exc))

        self.runner.run(work, done, failed)

    def print_slip(self) -> None:
        print_lines(self, self.slip.toPlainText().splitlines(), self.printed)

    def printed(self, where: str) -> None:
        self.verdict.setText(self.verdict.text().split("\n")[0] + "\n" + self.tr(
            "领取凭证已打印到 %1").replace("%1", where))

    def slip_lines(self, as_agent: bool) -> list[str]:
        """领取凭证: what the collector takes away (masked: it leaves the hall)."""
        return [
            self.tr("领 取 凭 证"),
            self.tr("办件编号：%1").replace("%1", self.case.number),
            self.tr("事项：%1").replace("%1", words.listed(self.case.item_names)),
            self.tr("申请人：%1").replace("%1", self.case.applicant_masked),
            self.tr("领取人：%1（%2）").replace("%1", mask_name(self.identity.name)).replace(
                "%2", self.tr("代领") if as_agent else self.tr("本人")),
            self.tr("领取人已在屏幕上签名确认"),
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
        self.print_button = QPushButton(self.tr("重打面单"))
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
            outcome = after.mail(case, waybill, carrier)
            try:
                request = after.outbox.record(case.uuid)["request"]
            except OutboxError:  # purged here: the label is written by hand
                request = None
            return outcome, mail_label(request, waybill.strip()) if request else []

        def done(result) -> None:
            outcome, label = result
            set_state(self.verdict, "")
            text = (self.tr("已登记寄出，运单号 %1。已记录在本机，联网后自动上报中心。")
                    if outcome.queued else self.tr("已登记寄出，运单号 %1，中心已登记。"))
            self.verdict.setText(text.replace("%1", waybill.strip()))
            self.waybill.setEnabled(False)
            self.label.setPlainText("\n".join(label) or self.tr("本机已无该件的地址，请手写面单"))
            self.print_button.setEnabled(bool(label))
            if label:  # the address label goes on the parcel
                said = self.verdict.text()
                print_lines(self, label, lambda where: self.verdict.setText(
                    said + "\n" + self.tr("面单已打印到 %1").replace("%1", where)))

        def failed(exc: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            set_state(self.verdict, "error" if isinstance(exc, HandoverRefused) else "")
            self.verdict.setText(str(exc))

        self.runner.run(work, done, failed)
