"""The screen that faces the applicant: welcome, confirm, sign, rate, thanks.

Built for elderly applicants (适老化): text of 28 pt and more, large buttons, high contrast,
one decision per screen, and each step spoken aloud when the machine has a voice
(``speech.Speaker``, injected). The hall can see this screen, so names, ID numbers and
phones are always masked here; spoken prompts carry no personal data at all.

The clerk's window drives it: ``show_welcome`` → ``show_confirm(summary)`` (applicant
taps 确认无误 → ``confirmed``, or 有误 → ``disputed``) → ``show_sign()`` (→ ``signed(png)``)
→ ``show_rating()`` (→ ``rated(dict)``) → thanks, then back to welcome by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.masking import mask_id_number, mask_name, mask_phone
from desk_app.ui.applicant_screen.rating_view import RatingView
from desk_app.ui.applicant_screen.signature_pad import SignaturePad
from desk_app.ui.applicant_screen.speech import SilentSpeaker, Speaker
from desk_app.ui.widgets.themed import colour_property

STATES = ("welcome", "confirm", "sign", "rate", "thanks")


@dataclass(frozen=True)
class ScreenSummary:
    """What the applicant checks before signing; given in full, masked on display."""

    applicant_name: str
    id_number: str
    items: Sequence[str]
    materials: Sequence[str] = ()
    promised_date: str = ""
    phone: str = ""
    agent_name: str = ""
    agent_id_number: str = ""
    extra_rows: Sequence[tuple[str, str]] = field(default_factory=tuple)  # not masked


def place_on_secondary_screen(widget: QWidget) -> bool:
    """Show ``widget`` full screen on a monitor other than the primary one.

    Returns False (and leaves the widget alone) when there is only one screen; the
    app then shows it as an ordinary window so the clerk can still demonstrate it.
    """
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary]
    if not others:
        return False
    screen = others[0]
    widget.setScreen(screen)
    widget.setGeometry(screen.geometry())
    widget.showFullScreen()
    return True


class SummaryLabel(QLabel):
    """The summary table; the theme picks its key column's colour."""

    key_colour = colour_property("key_colour", Qt.GlobalColor.darkGray)


class CustomerScreen(QWidget):
    confirmed = Signal()
    disputed = Signal()
    signed = Signal(bytes)
    rated = Signal(dict)
    state_changed = Signal(str)

    def __init__(self, speaker: Speaker | None = None, window_name: str = "",
                 thanks_seconds: float = 10.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("综窗受理台 — 办事群众屏"))
        self.speaker: Speaker = speaker or SilentSpeaker()
        self.window_name = window_name
        self._state = ""
        self.stack = QStackedWidget()
        self.pages = {
            "welcome": self._build_welcome(),
            "confirm": self._build_confirm(),
            "sign": self._build_sign(),
            "rate": self._build_rate(),
            "thanks": self._build_thanks(),
        }
        for name in STATES:
            self.stack.addWidget(self.pages[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(self.stack)
        self.resize(1280, 800)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(int(thanks_seconds * 1000))
        self.thanks_timer.timeout.connect(lambda: self.show_welcome())
        self.show_welcome()

    # ---- pages --------------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
        page = QWidget()
        self.welcome_window = QLabel()
        self.welcome_window.setObjectName("screenTitle")
        self.welcome_ticket = QLabel()
        self.welcome_ticket.setObjectName("screenBig")
        self.welcome_prompt = QLabel(self.tr("请出示身份证"))
        self.welcome_prompt.setObjectName("screenBig")
        hint = QLabel(self.tr("工作人员会为您办理，请稍候。"))
        hint.setObjectName("screenHint")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for label in (self.welcome_window, self.welcome_ticket, self.welcome_prompt, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
            layout.addSpacing(16)
        layout.addStretch(2)
        return page

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("请核对您的办理信息"))
        title.setObjectName("screenTitle")
        self.summary_label = SummaryLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        area = QScrollArea()
        area.setObjectName("summaryArea")
        area.setWidgetResizable(True)
        area.setWidget(self.summary_label)
        # a finger (or the mouse) drags the list, as on a phone
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.confirm_message = QLabel()
        self.confirm_message.setObjectName("screenError")
        self.confirm_message.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("确认无误"))
        self.confirm_button.setObjectName("primary")
        self.confirm_button.clicked.connect(self._confirm)
        self.dispute_button = QPushButton(self.tr("有误，请告知工作人员"))
        self.dispute_button.setObjectName("dispute")
        self.dispute_button.clicked.connect(self._dispute)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dispute_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(area, 1)
        layout.addWidget(self.confirm_message)
        layout.addLayout(buttons)
        return page

    def _build_sign(self) -> QWidget:
        page = QWidget()
        self.sign_title = title = QLabel(self.tr("请在下面的白框里签名"))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        self.pad = SignaturePad()
        self.pad.changed.connect(self._pad_changed)
        self.sign_message = QLabel()
        self.sign_message.setObjectName("screenError")
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.done_button = QPushButton(self.tr("完成"))
        self.done_button.setObjectName("primary")
        self.done_button.clicked.connect(self._sign_done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.sign_message, 1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        return page

    def _build_rate(self) -> QWidget:
        self.rating = RatingView()
        self.rating.rated.connect(self._rated)
        self.rating.reason_requested.connect(
            lambda: self.speaker.say(self.tr("很抱歉让您不满意。请点选原因，然后点提交评价。")))
        return self.rating

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        self.thanks_label = QLabel(self.tr("谢谢您！"))
        self.thanks_label.setObjectName("screenBig")
        self.thanks_hint = QLabel(self.tr("请带好您的证件和随身物品。"))
        self.thanks_hint.setObjectName("screenTitle")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for label in (self.thanks_label, self.thanks_hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    # ---- states -------------------------------------------------------------------------
    def state(self) -> str:
        return self._state

    def _go(self, state: str, spoken: str) -> None:
        self.thanks_timer.stop()
        self._state = state
        self.stack.setCurrentWidget(self.pages[state])
        self.speaker.say(spoken)
        self.state_changed.emit(state)

    def show_welcome(self, ticket: str = "") -> None:
        name = self.window_name
        self.welcome_window.setText(self.tr("欢迎来到 %1").replace("%1", name) if name
                                    else self.tr("欢迎办理"))
        self.welcome_ticket.setText(self.tr("请 %1 号办理").replace("%1", ticket)
                                    if ticket else "")
        self.welcome_ticket.setVisible(bool(ticket))
        spoken = self.tr("您好，请 %1 号办理。").replace("%1", ticket) if ticket \
            else self.tr("您好，欢迎办理。")
        self._go("welcome", spoken + self.tr("请出示身份证。"))

    def show_confirm(self, summary: ScreenSummary) -> None:
        self.summary_label.setText(self.summary_html(summary))
        self.confirm_message.clear()
        self.confirm_button.setEnabled(True)
        self.dispute_button.setEnabled(True)
        self._go("confirm", self.tr("请核对屏幕上的办理信息。没有问题，请点确认无误。"))

    def summary_html(self, summary: ScreenSummary) -> str:
        """The summary as a table; every value escaped, every personal value masked."""
        rows = [(self.tr("申请人"), escape(mask_name(summary.applicant_name))),
                (self.tr("身份证号"), escape(mask_id_number(summary.id_number)))]
        if summary.phone:
            rows.append((self.tr("联系电话"), escape(mask_phone(summary.phone))))
        if summary.agent_name:
            rows.append((self.tr("代办人"), escape(mask_name(summary.agent_name))))
            if summary.agent_id_number:
                rows.append((self.tr("代办人证件"),
                             escape(mask_id_number(summary.agent_id_number))))
        rows.append((self.tr("办理事项"), "<br>".join(escape(i) for i in summary.items)))
        if summary.materials:
            rows.append((self.tr("提交材料"),
                         "<br>".join(escape(m) for m in summary.materials)))
        if summary.promised_date:
            rows.append((self.tr("承诺办结"), escape(summary.promised_date)))
        rows.extend((key, escape(value)) for key, value in summary.extra_rows)
        key_colour = self.summary_label.key_colour.name()
        return "<table>" + "".join(
            f"<tr><td style='color:{key_colour}; padding:6px 28px 6px 0' nowrap>{escape(key)}</td>"
            f"<td style='padding:6px 0; font-weight:600'>{value}</td></tr>"
            for key, value in rows) + "</table>"

    def show_sign(self, prompt: str = "") -> None:
        """``prompt``: what the signature is for, when it is not the case's confirmation
        (出件: the collector signs for the result)."""
        self.sign_title.setText(prompt or self.tr("请在下面的白框里签名"))
        self.pad.clear()
        self.sign_message.clear()
        self._go("sign", self.tr("请在屏幕的白框里签名，签好后点完成。"))

    def show_rating(self) -> None:
        self.rating.reset()
        self._go("rate", self.tr("请对本次服务作出评价。"))

    def show_thanks(self) -> None:
        self._go("thanks", self.tr("谢谢您，请带好证件和随身物品。"))
        self.thanks_timer.start()

    # ---- applicant actions --------------------------------------------------------------
    def _confirm(self) -> None:
        self.confirm_button.setEnabled(False)
        self.dispute_button.setEnabled(False)
        self.confirm_message.setText(self.tr("已确认，请稍候。"))
        self.confirmed.emit()

    def _dispute(self) -> None:
        self.confirm_button.setEnabled(False)
        self.confirm_message.setText(self.tr("已通知工作人员，请告诉工作人员哪里有误。"))
        self.speaker.say(self.tr("已通知工作人员，请告诉工作人员哪里有误。"))
        self.disputed.emit()

    def _pad_changed(self) -> None:
        if not self.pad.is_empty():
            self.sign_message.clear()

    def _sign_done(self) -> None:
        if self.pad.is_empty():
            self.sign_message.setText(self.tr("请先签名，再点“完成”"))
            self.speaker.say(self.tr("请先签名，再点完成。"))
            return
        self.signed.emit(self.pad.to_png())

    def _rated(self, rating: dict) -> None:
        self.rated.emit(rating)
        self.show_thanks()
