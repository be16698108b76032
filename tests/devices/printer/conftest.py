from __future__ import annotations

import pytest

from tests.devices.printer.tcp_emulator import PrinterEmulator


@pytest.fixture
def emulator():
    emu = PrinterEmulator()
    yield emu
    emu.close()
