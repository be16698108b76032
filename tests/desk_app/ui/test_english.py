"""`desk-app --lang en`: the compiled English catalog really replaces the Chinese UI texts."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk_app.ui.shell.gui_main import install_translations

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"
TS = TRANSLATIONS / "counter_desk_en.ts"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]")
# %1…%99, %n, {n}/{0}/{r}…, keyboard hints in brackets, and & accelerators (&& is a literal &)
PLACEHOLDER = re.compile(r"%\d+|%n|\{\w*\}")
KEY_HINT = re.compile(r"\((?:Ctrl\+|Shift\+|Alt\+)*(?:F\d+|Enter|PgUp|PgDown|Delete|[A-Z])\)")
ACCELERATOR = re.compile(r"&(?!&)\w")


@pytest.fixture
def english(qapp):
    translators = install_translations(qapp, QLocale("en"))
    assert translators, "counter_desk_en.qm did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    return [t for t in texts if t]


def assert_english(texts: list[str]) -> None:
    chinese = [t for t in texts if CJK.search(t)]
    assert not chinese, f"still Chinese: {chinese}"


def test_applicant_page_in_english(english, qtbot):
    from desk_app.ui.steps.applicant_page import ApplicantPage

    page = ApplicantPage()
    qtbot.addWidget(page)
    assert "F2" in page.read_button.text()
    assert page.read_button.text() == "Read ID card (F2)"
    assert page.status.text() == "Place the ID card on the reader, then press F2."
    assert "pre-review" in page.pre_code.placeholderText()
    texts = visible_texts(page)
    assert {"Name", "ID number", "Applicant", "Applicant identity"} <= set(texts)
    assert_english(texts)


def test_decision_page_in_english(english, qtbot):
    from desk_app.ui.steps.decision_page import DecisionPage

    page = DecisionPage()
    qtbot.addWidget(page)
    labels = {key: button.text() for key, button in page.buttons.items()}
    # each choice says which number key picks it
    assert labels["accept_deferred"] == "2 Accept with deferred materials"
    assert labels["accept_pledge"] == "3 Accept on pledge"
    assert "one-time notice" in labels["incomplete"]
    assert labels["refuse"].startswith("5 Refuse")
    assert page.counter.text() == "0 characters (max. 200)"
    page.reason.setPlainText("x")
    assert page.counter.text() == "1 character (max. 200)"
    page.buttons["refuse"].setChecked(True)
    page.reason.clear()
    assert page.problems() == ["A refusal needs a reason"]
    assert_english(visible_texts(page))


def test_confirm_page_in_english(english, qtbot):
    from desk_app.ui.steps.confirm_page import ConfirmPage

    page = ConfirmPage()
    qtbot.addWidget(page)
    assert page.seal_button.text() == "Confirm and issue the papers (Ctrl+Enter)"
    assert page.next_button.text() == "Next applicant (F12)"
    page.show_sealed("L-20261121-0007")
    assert page.number.text() == "Provisional number: L-20261121-0007"
    assert_english(visible_texts(page))
    page.show_official("610100-2026-000123", "2026-12-01")
    assert page.number.text() == "Case number: 610100-2026-000123"
    assert page.outcome.text().endswith("Promised completion date: 2026-12-01")
    assert_english(visible_texts(page))


def test_agent_panel_in_english(english, qtbot):
    from desk_app.ui.steps.agent_panel import AgentPanel

    panel = AgentPanel()
    qtbot.addWidget(panel)
    texts = visible_texts(panel)
    assert "Read agent's ID card (F3)" in texts
    assert_english(texts)


def test_login_dialog_in_english(english, qtbot):
    from desk_app.ui.shell.login_dialog import LoginDialog

    dialog = LoginDialog("Window 3", "")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Counter Desk — Sign in"
    texts = visible_texts(dialog)
    assert {"Clerk ID", "Password", "Not configured"} <= set(texts)
    assert_english(texts)


class RecordingSpeaker:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def test_customer_screen_shows_and_speaks_english(english, qtbot):
    from desk_app.ui.applicant_screen.customer_screen import CustomerScreen

    speaker = RecordingSpeaker()
    screen = CustomerScreen(speaker=speaker, window_name="Window 3")
    qtbot.addWidget(screen)
    screen.show_welcome("A012")
    assert screen.welcome_window.text() == "Welcome to Window 3"
    assert screen.welcome_ticket.text() == "Number A012, please"
    assert speaker.said[-1] == "Hello, number A012 please. Please show your ID card."
    screen.show_sign()
    assert speaker.said[-1] == "Please sign in the white box on the screen, then tap Done."
    for name in ("welcome", "confirm", "sign", "thanks"):
        assert_english(visible_texts(screen.pages[name]))


def test_texts_behind_local_tr_aliases_are_english(english):
    from PySide6.QtWidgets import QStatusBar

    from desk_app.services.view_data import OutboxSummaryView
    from desk_app.ui.applicant_screen.rating_view import level_names
    from desk_app.ui.shell.status_panel import StatusPanel

    assert_english(list(level_names().values()))
    bar = QStatusBar()
    panel = StatusPanel(bar)
    panel.show_outbox(OutboxSummaryView(online=True, pending=1, sending=0, attention=0, done=2))
    assert_english([panel.network.text(), panel.outbox.text()])


def test_without_the_english_catalog_the_ui_stays_chinese(qtbot):
    from desk_app.ui.steps.applicant_page import ApplicantPage

    page = ApplicantPage()
    qtbot.addWidget(page)
    assert page.read_button.text() == "读取身份证 (F2)"


def messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_every_message_is_translated():
    untranslated = []
    for context, message in messages():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") is not None or not all(f.strip() for f in forms):
            untranslated.append((context, message.findtext("source")))
    assert not untranslated


def test_translations_keep_placeholders_key_hints_and_accelerators():
    checked = 0
    for context, message in messages():
        source = message.findtext("source")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            where = f"{context}: {source!r} -> {text!r}"
            assert Counter(PLACEHOLDER.findall(source)) == Counter(PLACEHOLDER.findall(text)), where
            assert KEY_HINT.findall(source) == KEY_HINT.findall(text), where
            assert ACCELERATOR.findall(source) == ACCELERATOR.findall(text), where
            assert not CJK.search(text), where
            checked += 1
    assert checked >= 300


def test_compiled_catalog_matches_the_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__file__).resolve().parents[3] / ".venv" / "bin" / "pyside6-lrelease")
    out = tmp_path / "counter_desk_en.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == (TRANSLATIONS / "counter_desk_en.qm").read_bytes(), (
        "counter_desk_en.qm is stale: run scripts/update-translations.sh")
