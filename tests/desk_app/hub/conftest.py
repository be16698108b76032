"""The real stacks the hub and bridge tests drive: pcscd+vpcd, SANE's test backend, the
TCP printer emulator — the same fixtures the driver tests use."""

from tests.devices.cards.conftest import pcsc_stack  # noqa: F401
from tests.devices.printer.conftest import emulator  # noqa: F401
from tests.devices.scanner.conftest import sane_test_backend  # noqa: F401
