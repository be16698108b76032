"""The customer-facing screen driven through its real buttons, state by state.

Speech goes to a recording ``Speaker`` passed in (our own interface); the real espeak-ng
voice is tested at the end against the installed program.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from desk_app.ui.applicant_screen.customer_screen import (
    CustomerScreen,
    ScreenSummary,
    place_on_secondary_screen,
)
from desk_app.ui.applicant_screen.speech import (
    EspeakSpeaker,
    SilentSpeaker,
    find_espeak,
    make_speaker,
)

NAME, ID_NUMBER, PHONE = "李秀英", "610102195203150421", "13912345678"
AGENT, AGENT_ID = "王建国", "61010219780512301X"
SUMMARY = ScreenSummary(
    NAME, ID_NUMBER, ["城乡居民基本养老保险待遇申领", "高龄津贴申领"],
    ["居民身份证（原件核验）", "户口簿 <复印件>"], "2026-12-04", phone=PHONE,
    agent_name=AGENT, agent_id_number=AGENT_ID)


class RecordingSpeaker:
    def __init__(self) -> None:
        self.said: list[str] = []
        self.stops = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1


@pytest.fixture
def speaker():
    return RecordingSpeaker()


@pytest.fixture
def screen(qtbot, speaker):
    widget = CustomerScreen(speaker, window_name="3 号综合窗口", thanks_seconds=0.2)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def visible_texts(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisible()]
    return texts


def sign_something(pad):
    def send(kind, x, y, button, buttons):
        pos = QPointF(x, y)
        QApplication.sendEvent(pad, QMouseEvent(kind, pos, pad.mapToGlobal(pos), button,
                                                buttons, Qt.KeyboardModifier.NoModifier))

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(QEvent.Type.MouseButtonPress, 80, 120, left, left)
    for i in range(40):
        send(QEvent.Type.MouseMove, 80 + i * 9, 120 + 30 * math.sin(i / 4), none, left)
    send(QEvent.Type.MouseButtonRelease, 440, 120, left, none)


def test_welcome_names_the_window_and_the_called_ticket(screen, speaker):
    assert screen.state() == "welcome"
    screen.show_welcome("A012")
    texts = visible_texts(screen)
    assert "欢迎来到 3 号综合窗口" in texts and "请 A012 号办理" in texts
    assert "请出示身份证" in texts
    assert speaker.said[-1] == "您好，请 A012 号办理。请出示身份证。"


def test_confirm_shows_the_case_masked_and_escaped(screen, speaker, qtbot):
    screen.show_confirm(SUMMARY)
    assert screen.state() == "confirm"
    shown = screen.summary_label.text()
    for masked in ("李*英", "6101**********0421", "139****5678", "王*国", "6101**********301X"):
        assert masked in shown
    for secret in (NAME, ID_NUMBER, PHONE, AGENT, AGENT_ID, "19520315"):
        assert secret not in shown
    assert "城乡居民基本养老保险待遇申领" in shown and "2026-12-04" in shown
    assert "户口簿 &lt;复印件&gt;" in shown  # markup in data is shown, not interpreted
    # nothing personal is ever spoken aloud in the hall
    assert all(NAME not in s and ID_NUMBER[-4:] not in s for s in speaker.said)

    with qtbot.waitSignal(screen.confirmed):
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    assert not screen.confirm_button.isEnabled()  # one tap, one confirmation


def test_dispute_tells_the_clerk(screen, speaker, qtbot):
    screen.show_confirm(SUMMARY)
    with qtbot.waitSignal(screen.disputed):
        qtbot.mouseClick(screen.dispute_button, Qt.MouseButton.LeftButton)
    assert "已通知工作人员" in screen.confirm_message.text()
    assert "已通知工作人员" in speaker.said[-1]
    assert not screen.confirm_button.isEnabled()


def test_sign_needs_ink_then_gives_png(screen, speaker, qtbot):
    screen.show_sign()
    assert screen.state() == "sign" and "签名" in speaker.said[-1]
    with qtbot.assertNotEmitted(screen.signed):
        qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert "请先签名" in screen.sign_message.text()

    sign_something(screen.pad)
    assert screen.sign_message.text() == ""
    qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert screen.pad.is_empty()
    sign_something(screen.pad)
    with qtbot.waitSignal(screen.signed) as blocker:
        qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    png = blocker.args[0]
    image = QImage()
    assert image.loadFromData(png, "PNG")
    assert image.width() < screen.pad.width() and image.height() < screen.pad.height()


def test_good_rating_goes_straight_to_thanks_then_back_to_welcome(screen, speaker, qtbot):
    screen.show_rating()
    assert screen.state() == "rate" and speaker.said[-1] == "请对本次服务作出评价。"
    view = screen.rating
    assert not view.submit_button.isEnabled()
    qtbot.mouseClick(view.overall.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.indicators["efficiency"].buttons[4], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.rated) as blocker:
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == {"overall": 5, "efficiency": 4, "competence": 5,
                               "attitude": 5, "reason": ""}
    assert screen.state() == "thanks"
    with qtbot.waitSignal(screen.state_changed, timeout=3000) as changed:
        pass
    assert changed.args == ["welcome"]


def test_poor_rating_asks_why(screen, speaker, qtbot):
    screen.show_rating()
    view = screen.rating
    qtbot.mouseClick(view.overall.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.indicators["attitude"].buttons[1], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(screen.rated):
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentIndex() == 1 and "原因" in speaker.said[-1]
    with qtbot.assertNotEmitted(screen.rated):
        qtbot.mouseClick(view.reason_submit, Qt.MouseButton.LeftButton)
    assert view.reason_message.text() == "请至少选择一项原因，或写下原因"
    qtbot.mouseClick(view.reason_buttons[2], Qt.MouseButton.LeftButton)
    # Chinese arrives from the input method as committed text (QTest can only type keys)
    view.reason_edit.insert("  窗口  太吵 ")
    with qtbot.waitSignal(screen.rated) as blocker:
        qtbot.mouseClick(view.reason_submit, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == {"overall": 4, "efficiency": 4, "competence": 4, "attitude": 1,
                               "reason": "工作人员态度不好；窗口 太吵"}


def test_rating_back_button_and_reset(screen, qtbot):
    screen.show_rating()
    view = screen.rating
    qtbot.mouseClick(view.overall.buttons[1], Qt.MouseButton.LeftButton)
    assert view.indicators["competence"].value() == 1  # follows the overall level
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentIndex() == 0
    for key in ("efficiency", "competence", "attitude"):
        qtbot.mouseClick(view.indicators[key].buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.overall.buttons[3], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.rated) as blocker:
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0]["overall"] == 3 and blocker.args[0]["reason"] == ""
    screen.show_rating()
    assert view.overall.value() == 0 and not view.submit_button.isEnabled()
    assert not view.indicators["attitude"].isEnabled()


def test_every_state_is_large_type_for_elderly_applicants(screen, qtbot, tmp_path):
    shots = {}
    for state, show in (("welcome", lambda: screen.show_welcome("A012")),
                        ("confirm", lambda: screen.show_confirm(SUMMARY)),
                        ("sign", screen.show_sign), ("rate", screen.show_rating),
                        ("thanks", screen.show_thanks)):
        show()
        qtbot.wait(10)
        page = screen.stack.currentWidget()
        widgets = [w for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
                   + page.findChildren(QLineEdit) if w.isVisibleTo(page)]
        assert widgets
        small = [(type(w).__name__, w.text()) for w in widgets if w.font().pointSizeF() < 28]
        assert small == [], f"{state}: text under 28 pt: {small}"
        buttons = [w for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
        assert all(b.height() >= 72 for b in buttons), state
        path = tmp_path / f"{state}.png"
        assert screen.grab().save(str(path))
        shots[state] = QImage(str(path))
    # each state looks different (the stack really switched)
    sizes = {state: image.sizeInBytes() for state, image in shots.items()}
    assert len({shots[s].bits().tobytes() for s in shots}) == len(sizes)


def test_single_screen_leaves_the_window_alone(screen):
    assert len(QGuiApplication.screens()) == 1
    geometry = screen.geometry()
    assert place_on_secondary_screen(screen) is False
    assert screen.geometry() == geometry and not screen.isFullScreen()


TWO_SCREENS = """
import json, sys
from PySide6.QtWidgets import QApplication
from desk_app.ui.applicant_screen.customer_screen import CustomerScreen, place_on_secondary_screen
app = QApplication([])
screen = CustomerScreen()
placed = place_on_secondary_screen(screen)
app.processEvents()
print(json.dumps({"placed": placed, "screen": screen.screen().name(),
                  "geometry": screen.geometry().getRect(), "full": screen.isFullScreen()}))
"""


def test_second_monitor_gets_the_screen_full_size(tmp_path):
    # Qt's offscreen platform can simulate two monitors from a JSON file; it is chosen at
    # QApplication start, hence a separate interpreter
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "clerk", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
        {"name": "hall", "x": 1920, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96},
    ]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", TWO_SCREENS], env=env, capture_output=True,
                            text=True, timeout=60, cwd=Path(__file__).parents[3])
    assert result.returncode == 0, result.stderr
    placed = json.loads(result.stdout.strip().splitlines()[-1])
    assert placed == {"placed": True, "screen": "hall", "geometry": [1920, 0, 1280, 800],
                      "full": True}


def test_make_speaker_silent_when_disabled():
    assert isinstance(make_speaker(enabled=False), SilentSpeaker)


@pytest.mark.realstack
def test_espeak_speaks_mandarin_and_a_new_prompt_cuts_the_old(qtbot, tmp_path: Path):
    program = find_espeak()
    if program is None:
        pytest.skip("espeak-ng not installed (installer/debian/apt-test.txt)")
    out = tmp_path / "prompt.wav"
    speaker = EspeakSpeaker(program, extra_args=["-w", str(out)])
    speaker.say("这是一段很长的提示，" * 30)
    with qtbot.waitSignal(speaker.spoken, timeout=20000):
        speaker.say("您好，请出示身份证。")
    assert not speaker.is_speaking()
    with wave.open(str(out)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    # the short prompt, not the long one it replaced: about 2 s of speech
    assert 0.8 < seconds < 8


@pytest.mark.realstack
def test_espeak_failure_is_reported_not_raised(qtbot, tmp_path: Path):
    speaker = EspeakSpeaker(str(tmp_path / "no-such-espeak"))
    with qtbot.waitSignal(speaker.failed, timeout=5000) as blocker:
        speaker.say("您好")
    assert "could not start" in blocker.args[0]
    # a program that starts and fails (as espeak-ng does without its data files)
    speaker = EspeakSpeaker("false")
    with qtbot.waitSignal(speaker.failed, timeout=5000) as blocker:
        speaker.say("您好")
    assert blocker.args[0].startswith("espeak-ng exit 1")
