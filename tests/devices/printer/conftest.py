from __future__ import annotations

import pytest

from tests.support.printer_emulator import PrinterEmulator


@pytest.fixture
def emulator():
    emu = PrinterEmulator()
    yield emu
    emu.close()
