"""Spoken prompts for the customer-facing screen (适老化: elderly applicants hear each step).

``Speaker`` is the small interface the screen talks to. Qt's QtTextToSpeech lives in
PySide6-Addons (hundreds of MB we do not otherwise need), so the voice comes from the
``espeak-ng`` program (Mandarin voice ``cmn``) run through QProcess; without it the
screen is silent. Prompts must never contain personal data: the hall can hear them.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, Signal

log = logging.getLogger(__name__)


class Speaker(Protocol):
    def say(self, text: str) -> None:
        """Speak ``text`` now, cutting off whatever is still being spoken."""

    def stop(self) -> None: ...


class SilentSpeaker:
    """No voice available: prompts are only shown."""

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


class EspeakSpeaker(QObject):
    """Speaks through the espeak-ng program; never blocks the GUI thread.

    ``extra_args`` go to espeak-ng as they are (``-w file.wav`` writes audio instead of
    playing it, which is how the tests hear it and how a technician checks the voice on
    a machine without speakers).
    """

    spoken = Signal()        # one utterance played to its end
    failed = Signal(str)     # espeak-ng missing, crashed or refused: a message for logs

    def __init__(self, program: str, voice: str = "cmn", words_per_minute: int = 150,
                 extra_args: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program = program
        self._text = ""
        self._stopping = False
        # One process object, reused: per-utterance QProcess objects with closures over
        # them crash PySide when the speaker is deleted while one is pending deletion.
        self._process = QProcess(self)
        self._process.setProgram(program)
        # the text goes through stdin so nothing in it can be read as an option
        self._process.setArguments(
            ["-v", voice, "-s", str(words_per_minute), *extra_args, "--stdin"])
        self._process.started.connect(self._feed)
        self._process.finished.connect(self._finished)
        self._process.errorOccurred.connect(self._error)

    def say(self, text: str) -> None:
        self.stop()
        if not text.strip():
            return
        self._text = text
        self._process.start()

    def stop(self) -> None:
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._stopping = True  # the cut-off utterance reports neither success nor failure
            try:
                self._process.kill()
                self._process.waitForFinished(1000)
            finally:
                self._stopping = False

    def is_speaking(self) -> bool:
        return self._process.state() != QProcess.ProcessState.NotRunning

    def _feed(self) -> None:
        self._process.write(self._text.encode("utf-8") + b"\n")
        self._process.closeWriteChannel()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._stopping:
            return
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.spoken.emit()
        else:
            message = bytes(self._process.readAllStandardError().data()).decode(
                "utf-8", "replace")
            self.failed.emit(f"espeak-ng exit {code}: {message.strip()[:200]}")

    def _error(self, error: QProcess.ProcessError) -> None:
        if self._stopping or error != QProcess.ProcessError.FailedToStart:
            return  # crashes arrive through finished() as well
        log.warning("voice prompts unavailable: %s could not start", self.program)
        self.failed.emit(f"{self.program} could not start")


def find_espeak() -> str | None:
    return shutil.which("espeak-ng")


def make_speaker(enabled: bool = True, parent: QObject | None = None) -> Speaker:
    """The best voice this machine has: espeak-ng when installed, else silence."""
    program = find_espeak() if enabled else None
    if program is None:
        return SilentSpeaker()
    return EspeakSpeaker(program, parent=parent)
