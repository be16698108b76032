"""Drives the applicant-facing screen from the clerk's case: welcome → confirm → sign →
rate → thanks. The screen goes full-screen on a second monitor when there is one;
on a single-monitor desk Ctrl+Shift+K shows it as a window (training, tests).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desk_app.ui.applicant_screen.customer_screen import (
    CustomerScreen,
    ScreenSummary,
    place_on_secondary_screen,
)
from desk_app.ui.applicant_screen.speech import make_speaker
from desk_app.ui.shell import keymap


class CustomerLink(QObject):
    note = Signal(str)            # what the applicant did, for the clerk's confirm page
    signed_for = Signal(str, bytes)  # (case id the applicant was shown, signature PNG)
    rated = Signal(dict)

    def __init__(self, window_name: str, clerk_window: QWidget, *, speak: bool = True) -> None:
        super().__init__(clerk_window)
        self.screen = CustomerScreen(speaker=make_speaker(enabled=speak, parent=self),
                                     window_name=window_name)
        self.screen.setWindowTitle(self.tr("申请人确认屏"))
        self.on_second_monitor = place_on_secondary_screen(self.screen)
        if self.on_second_monitor:
            self.screen.show()
        self.confirmed_by_applicant = False
        self.signature_png: bytes | None = None
        self.shown_case_id = ""  # the case on the screen: a signature is for it only
        self.screen.confirmed.connect(self._confirmed)
        self.screen.disputed.connect(
            lambda: self.note.emit(self.tr("申请人认为信息有误，请与申请人核对后修改")))
        self.screen.signed.connect(self._signed)
        self.screen.rated.connect(self._rated)
        keymap.bind("customer_screen", clerk_window, self.toggle)

    def toggle(self) -> None:
        self.screen.setVisible(not self.screen.isVisible())

    def welcome(self, ticket: str = "") -> None:
        self.confirmed_by_applicant = False
        self.signature_png = None
        self.shown_case_id = ""
        self.screen.show_welcome(ticket)

    def ask_confirm(self, case_id: str, summary: ScreenSummary) -> None:
        self.confirmed_by_applicant = False
        self.signature_png = None
        self.shown_case_id = case_id
        self.screen.show_confirm(summary)

    def ask_signature(self, key: str, prompt: str) -> None:
        """A signature outside the case on the desk (出件: the collector signs for the
        result); ``signed_for(key, png)`` follows, which the case flow does not take."""
        self.signature_png = None
        self.shown_case_id = key
        self.screen.show_sign(prompt)

    def thank(self) -> None:
        self.screen.show_thanks()

    def ask_rating(self) -> None:
        self.screen.show_rating()

    def _confirmed(self) -> None:
        self.confirmed_by_applicant = True
        self.note.emit(self.tr("申请人已确认信息，正在签名…"))
        self.screen.show_sign()

    def _signed(self, png: bytes) -> None:
        self.signature_png = png
        if self.shown_case_id:  # the window says 已签名 only if the flow takes it
            self.signed_for.emit(self.shown_case_id, png)

    def _rated(self, rating: dict) -> None:
        self.rated.emit(rating)
        self.screen.show_thanks()

    def close(self) -> None:
        self.screen.close()
