"""The real stacks the hub and bridge tests drive: SANE's test backend and the TCP
printer emulator, the driver tests' own fixtures (pcscd+vpcd: tests.support.pcsc_stack,
loaded suite-wide)."""

from tests.devices.printer.conftest import emulator  # noqa: F401
from tests.devices.scanner.conftest import sane_test_backend  # noqa: F401
